/** The password of every default demo account. */
export const DEMO_PASSWORD = 'Demo.2026!'

/** The two-factor PIN that the default `mfa` and `sms-fail` accounts accept. */
export const DEMO_PIN = '123456'

/** The `client_id` the emulator knows by default. */
export const DEMO_CLIENT_ID = 'demo-client'

/**
 * What the emulator answers once an account's password is right. A wrong password always gives
 * STS_0002 first, whatever the behaviour.
 */
export type DemoAccountBehaviour =
  /** STS_0000: a token. */
  | { kind: 'signIn' }
  /** STS_0009 until the password is changed; afterwards the new password signs in. */
  | { kind: 'passwordExpired' }
  /** STS_0011 without a PIN; `pin` signs in, any other PIN gives STS_0013. */
  | { kind: 'twoFactor'; pin: string }
  /**
   * STS_0014 on the first request with the right password (the SMS could not be sent); after
   * that the account behaves as `twoFactor`, until the emulator is reset.
   */
  | { kind: 'smsFailsOnce'; pin: string }
  /** Always this `result_code`, even one the IDM has never documented. */
  | { kind: 'answer'; resultCode: string }

/** One user of the emulator. */
export interface DemoAccount {
  /** The name to type. Matched without regard to case or surrounding spaces. */
  username: string
  /** Other names for the same account (an e-mail address); they share its lock counter. */
  aliases?: readonly string[]
  /** The password that counts as right until it is changed through the emulator. */
  password: string
  /** What the right password leads to. */
  behaviour: DemoAccountBehaviour
  /** One English sentence for the README and the demo page, starting with the result code. */
  description: string
}

const code = (resultCode: string): DemoAccountBehaviour => ({ kind: 'answer', resultCode })

/**
 * The emulator's default users, as documented for the demo, Storybook and the README. Pass your
 * own table as `users` to `createIdmEmulator` to replace it.
 */
export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  {
    username: 'demo',
    aliases: ['demo@example.com'],
    password: DEMO_PASSWORD,
    behaviour: { kind: 'signIn' },
    description:
      'STS_0000: signs in. A wrong password gives STS_0002; from the third failure in a row ' +
      'the server asks for a captcha, and the fifth locks the account (STS_0004) until the ' +
      'emulator restarts.',
  },
  {
    username: 'inactive',
    password: DEMO_PASSWORD,
    behaviour: code('STS_0003'),
    description: 'STS_0003: the user is not active.',
  },
  {
    username: 'locked',
    password: DEMO_PASSWORD,
    behaviour: code('STS_0004'),
    description: 'STS_0004: the account is locked.',
  },
  {
    username: 'activation',
    password: DEMO_PASSWORD,
    behaviour: code('STS_0008'),
    description: 'STS_0008: the user must activate the account first.',
  },
  {
    username: 'expired',
    password: DEMO_PASSWORD,
    behaviour: { kind: 'passwordExpired' },
    description:
      'STS_0009: the password has expired. After a password change, the new password signs ' +
      'in and the old one gives STS_0002.',
  },
  {
    username: 'update-error',
    password: DEMO_PASSWORD,
    behaviour: code('STS_0010'),
    description: 'STS_0010: the server could not update the user; contact the administrator.',
  },
  {
    username: 'mfa',
    password: DEMO_PASSWORD,
    behaviour: { kind: 'twoFactor', pin: DEMO_PIN },
    description:
      `STS_0011: asks for a two-factor PIN. PIN ${DEMO_PIN} signs in; ` +
      'any other PIN gives STS_0013.',
  },
  {
    username: 'mfa-setup',
    password: DEMO_PASSWORD,
    behaviour: code('STS_0012'),
    description: 'STS_0012: two-factor login must be set up first.',
  },
  {
    username: 'sms-fail',
    password: DEMO_PASSWORD,
    behaviour: { kind: 'smsFailsOnce', pin: DEMO_PIN },
    description:
      'STS_0014 on the first request: the SMS could not be sent. The next request (a resend) ' +
      `gives STS_0011, and PIN ${DEMO_PIN} signs in.`,
  },
  {
    username: 'no-license',
    password: DEMO_PASSWORD,
    behaviour: code('STS_0015'),
    description: 'STS_0015: the product needs a license and none was found.',
  },
  {
    username: 'impersonation-token',
    password: DEMO_PASSWORD,
    behaviour: code('STS_0016'),
    description: 'STS_0016: the impersonation token is not valid.',
  },
  {
    username: 'impersonation-app',
    password: DEMO_PASSWORD,
    behaviour: code('STS_0017'),
    description: 'STS_0017: the impersonation application is not valid.',
  },
  {
    username: 'impersonation-user',
    password: DEMO_PASSWORD,
    behaviour: code('STS_0018'),
    description: 'STS_0018: the impersonated user is not valid.',
  },
  {
    username: 'server-error',
    password: DEMO_PASSWORD,
    behaviour: code('STS_9999'),
    description: 'STS_9999: an unidentified server error; trying again may work.',
  },
  {
    username: 'global-error',
    password: DEMO_PASSWORD,
    behaviour: code('GLB_9999'),
    description: 'GLB_9999: an unidentified global error; trying again may work.',
  },
  {
    username: 'future',
    password: DEMO_PASSWORD,
    behaviour: code('STS_0042'),
    description: 'STS_0042: a code this library has never seen, as a newer server might send.',
  },
]
