import { screen, within } from '@testing-library/react'
import type { UserEvent } from '@testing-library/user-event'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { RESULT_CODES, type ResultCode } from '../../src/core/index.js'
import type { LoginFlowProps } from '../../src/index.js'
import { IDM_ORIGIN, startEmulatorServer } from '../support/emulatorServer.js'
import { LOCALES, message, type TestLocale } from '../support/messages.js'
import {
  findStepHeading,
  renderLoginFlow,
  signIn,
  silenceLibraryErrors,
  submitPin,
} from '../support/renderLoginFlow.js'
import { answerWithCode } from '../support/tokenRequests.js'

const { server } = startEmulatorServer()

type Step =
  | 'credentials'
  | 'twoFactor'
  | 'passwordExpired'
  | 'twoFactorSetup'
  | 'stopped'
  | 'misconfigured'
  | 'signedIn'

const TITLE: Record<Step, string> = {
  credentials: 'credentials.title',
  twoFactor: 'twoFactor.title',
  passwordExpired: 'passwordExpired.title',
  twoFactorSetup: 'twoFactorSetup.title',
  stopped: 'stopped.title',
  misconfigured: 'misconfigured.title',
  signedIn: 'signedIn.title',
}

interface CodeCase {
  /** Where the flow must land. */
  step: Step
  /** How the test gets there: the emulator's demo accounts, its client rules, or MSW. */
  reach: (user: UserEvent, locale: TestLocale) => Promise<void>
  /** Flow props for this case, such as a wrong client id. */
  props?: Partial<LoginFlowProps>
  /** The message that must be shown; by default `errors.<code>`. */
  shows?: string | null
  /** The field the message belongs to; none for a form-level or step message. */
  field?: 'username' | 'password' | 'pin'
}

const account = (username: string, password?: string) => (user: UserEvent, locale: TestLocale) =>
  signIn(user, username, password, locale)

const fromServer =
  (code: string, status = 400) =>
  (user: UserEvent, locale: TestLocale) => {
    answerWithCode(server, code, { status })
    return signIn(user, 'demo', undefined, locale)
  }

/**
 * Every documented code and how it is reached. STS_0019, GLB_0001 and GLB_0004 come from the
 * emulator's client rules (no client id, an unknown one, one without the password grant);
 * STS_0006, GLB_0002 and GLB_0003 cannot be caused through the form or the fetcher, so MSW
 * answers them in the IDM's shape.
 */
const CASES: Record<ResultCode, CodeCase> = {
  STS_0000: { step: 'signedIn', reach: account('demo'), shows: null },
  STS_0001: { step: 'credentials', reach: account('nobody-here'), field: 'username' },
  STS_0002: { step: 'credentials', reach: account('demo', 'wrong-password'), field: 'password' },
  STS_0003: { step: 'stopped', reach: account('inactive') },
  STS_0004: { step: 'stopped', reach: account('locked') },
  // Spaces pass the form's own check; the emulator trims them and answers STS_0005.
  STS_0005: { step: 'credentials', reach: account('   '), field: 'username' },
  STS_0006: { step: 'credentials', reach: fromServer('STS_0006'), field: 'password' },
  STS_0007: {
    step: 'credentials',
    // The emulator refuses usernames over 256 characters as malformed.
    reach: async (user, locale) => {
      await user.click(await screen.findByLabelText(message(locale, 'credentials.username')))
      await user.paste('u'.repeat(257))
      await signIn(user, '', undefined, locale)
    },
  },
  STS_0008: { step: 'stopped', reach: account('activation') },
  STS_0009: {
    step: 'passwordExpired',
    reach: account('expired'),
    shows: 'passwordExpired.description',
  },
  STS_0010: { step: 'stopped', reach: account('update-error') },
  STS_0011: { step: 'twoFactor', reach: account('mfa'), shows: 'twoFactor.description' },
  STS_0012: {
    step: 'twoFactorSetup',
    reach: account('mfa-setup'),
    shows: 'twoFactorSetup.description',
  },
  STS_0013: {
    step: 'twoFactor',
    reach: async (user, locale) => {
      await signIn(user, 'mfa', undefined, locale)
      await submitPin(user, '000000', locale)
    },
    field: 'pin',
  },
  STS_0014: { step: 'twoFactor', reach: account('sms-fail') },
  STS_0015: { step: 'stopped', reach: account('no-license') },
  STS_0016: { step: 'stopped', reach: account('impersonation-token') },
  STS_0017: { step: 'stopped', reach: account('impersonation-app') },
  STS_0018: { step: 'stopped', reach: account('impersonation-user') },
  STS_0019: {
    step: 'misconfigured',
    reach: account('demo'),
    props: { idm: { baseUrl: IDM_ORIGIN } },
  },
  STS_9999: { step: 'credentials', reach: account('server-error') },
  GLB_0001: {
    step: 'misconfigured',
    reach: account('demo'),
    props: { idm: { baseUrl: IDM_ORIGIN, clientId: 'stranger' } },
  },
  GLB_0002: { step: 'misconfigured', reach: fromServer('GLB_0002') },
  GLB_0003: { step: 'misconfigured', reach: fromServer('GLB_0003') },
  GLB_0004: {
    step: 'misconfigured',
    reach: account('demo'),
    props: { idm: { baseUrl: IDM_ORIGIN, clientId: 'no-password-grant' } },
  },
  GLB_9999: { step: 'credentials', reach: account('global-error') },
}

const FIELD_LABEL = {
  username: 'credentials.username',
  password: 'credentials.password',
  pin: 'twoFactor.pin',
} as const

beforeEach(() => {
  // Configuration codes log a dev error; that text is asserted in StoppedStep.test.tsx.
  silenceLibraryErrors()
})

afterEach(() => {
  vi.restoreAllMocks()
})

it('covers every documented result code', () => {
  expect(Object.keys(CASES).sort()).toEqual(Object.keys(RESULT_CODES).sort())
})

describe.each(LOCALES)('given the %s locale', (locale) => {
  const text = (key: string) => message(locale, key, { length: 6 })

  it.each(Object.keys(CASES) as ResultCode[])(
    'reaches the right step for %s and shows its message',
    async (code) => {
      const { step, reach, props = {}, shows = `errors.${code}`, field } = CASES[code]
      const { user } = renderLoginFlow({ locale, ...props })
      await reach(user, locale)

      const heading = await findStepHeading(TITLE[step], locale)
      const region = screen.getByRole('region', { name: text(TITLE[step]) })
      expect(region).toContainElement(heading)
      if (shows === null) return

      if (field) {
        const input = within(region).getByLabelText(text(FIELD_LABEL[field]))
        expect(input).toHaveAttribute('aria-invalid', 'true')
        expect(input).toHaveAccessibleDescription(expect.stringContaining(text(shows)))
      } else {
        expect(within(region).getByText(text(shows))).toBeVisible()
      }
      // A message never leaks the server's own English sentence into the page.
      expect(document.body).not.toHaveTextContent(/Server sentence for|is incorrect\./)
    },
  )
})
