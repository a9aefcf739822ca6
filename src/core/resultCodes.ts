/** The field a credentials error points at. */
export type CredentialField = 'username' | 'password'

/**
 * What a result code means for the login flow. Every code in {@link RESULT_CODES} carries one of
 * these, and the login machine switches over `kind` exhaustively.
 */
export type ResultCodeEffect =
  /** Signed in: the answer carries the token. */
  | { kind: 'success' }
  /** Back to the credentials step, with the error shown at `field`, or for the whole form. */
  | { kind: 'credentials'; field: CredentialField | 'form' }
  /** The server asks for a PIN that it sent by SMS. */
  | { kind: 'twoFactor' }
  /** The PIN was wrong: stay on the PIN step. */
  | { kind: 'pinRejected' }
  /** The SMS could not be sent: stay on the PIN step and offer to send it again. */
  | { kind: 'smsFailed' }
  /** Two-factor login must be set up elsewhere before this user can sign in. */
  | { kind: 'twoFactorSetup' }
  /** The password has expired and must be changed. */
  | { kind: 'passwordExpired' }
  /** An account state that no retry from this form can fix. */
  | { kind: 'stop' }
  /** The integrator's configuration is wrong (a development build says what to change). */
  | { kind: 'misconfigured' }
  /** Something went wrong on the server; trying again may work. */
  | { kind: 'retryable' }

/**
 * Every `result_code` the IDM documents, with what it does to the flow. The type of
 * {@link ResultCode} is derived from this table, so a code cannot exist without a decision.
 */
export const RESULT_CODES = {
  STS_0000: { kind: 'success' },
  STS_0001: { kind: 'credentials', field: 'username' },
  STS_0002: { kind: 'credentials', field: 'password' },
  STS_0003: { kind: 'stop' },
  STS_0004: { kind: 'stop' },
  STS_0005: { kind: 'credentials', field: 'username' },
  STS_0006: { kind: 'credentials', field: 'password' },
  STS_0007: { kind: 'credentials', field: 'form' },
  STS_0008: { kind: 'stop' },
  STS_0009: { kind: 'passwordExpired' },
  STS_0010: { kind: 'stop' },
  STS_0011: { kind: 'twoFactor' },
  STS_0012: { kind: 'twoFactorSetup' },
  STS_0013: { kind: 'pinRejected' },
  STS_0014: { kind: 'smsFailed' },
  STS_0015: { kind: 'stop' },
  STS_0016: { kind: 'stop' },
  STS_0017: { kind: 'stop' },
  STS_0018: { kind: 'stop' },
  STS_0019: { kind: 'misconfigured' },
  STS_9999: { kind: 'retryable' },
  GLB_0001: { kind: 'misconfigured' },
  GLB_0002: { kind: 'misconfigured' },
  GLB_0003: { kind: 'misconfigured' },
  GLB_0004: { kind: 'misconfigured' },
  GLB_9999: { kind: 'retryable' },
} as const satisfies Record<string, ResultCodeEffect>

/** A result code documented by the IDM. */
export type ResultCode = keyof typeof RESULT_CODES

/** Codes that end the flow on an account state. */
export type StopCode = {
  [C in ResultCode]: (typeof RESULT_CODES)[C]['kind'] extends 'stop' ? C : never
}[ResultCode]

/** Codes that mean the integrator's configuration is wrong. */
export type MisconfiguredCode = {
  [C in ResultCode]: (typeof RESULT_CODES)[C]['kind'] extends 'misconfigured' ? C : never
}[ResultCode]

/** Whether `code` is one of the documented codes (a newer server may send others). */
export function isResultCode(code: string): code is ResultCode {
  return Object.hasOwn(RESULT_CODES, code)
}

/** The effect of a documented code on the flow. */
export function effectOf(code: ResultCode): ResultCodeEffect {
  return RESULT_CODES[code]
}
