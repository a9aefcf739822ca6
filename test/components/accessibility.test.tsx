import { screen } from '@testing-library/react'
import type { UserEvent } from '@testing-library/user-event'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { IDM_ORIGIN, startEmulatorServer } from '../support/emulatorServer.js'
import { axe } from '../support/axe.js'
import { LOCALES, message, type TestLocale } from '../support/messages.js'
import {
  credentialsForm,
  findStepHeading,
  renderLoginFlow,
  signIn,
  silenceLibraryErrors,
} from '../support/renderLoginFlow.js'

startEmulatorServer()

afterEach(() => {
  vi.restoreAllMocks()
})

interface StepCase {
  /** Brings the flow to the step and waits until it shows. */
  reach: (user: UserEvent, locale: TestLocale) => Promise<unknown>
  props?: Parameters<typeof renderLoginFlow>[0]
}

const landOn = (account: string, title: string): StepCase['reach'] => {
  return async (user, locale) => {
    await signIn(user, account, undefined, locale)
    return findStepHeading(title, locale)
  }
}

const STEPS: Record<string, StepCase> = {
  credentials: { reach: (_, locale) => credentialsForm(locale) },
  'credentials with a field error': {
    reach: async (user, locale) => {
      await signIn(user, 'demo', 'wrong-password', locale)
      return screen.findByText(message(locale, 'errors.STS_0002'))
    },
  },
  'credentials with a form error': {
    reach: async (user, locale) => {
      await signIn(user, 'server-error', undefined, locale)
      return screen.findByText(message(locale, 'errors.STS_9999'))
    },
  },
  twoFactor: { reach: landOn('mfa', 'twoFactor.title') },
  'twoFactor after an SMS failure': {
    reach: async (user, locale) => {
      await signIn(user, 'sms-fail', undefined, locale)
      return screen.findByText(message(locale, 'errors.STS_0014'))
    },
  },
  passwordExpired: { reach: landOn('expired', 'passwordExpired.title') },
  twoFactorSetup: { reach: landOn('mfa-setup', 'twoFactorSetup.title') },
  stopped: { reach: landOn('locked', 'stopped.title') },
  misconfigured: {
    reach: landOn('demo', 'misconfigured.title'),
    props: { idm: { baseUrl: IDM_ORIGIN, clientId: 'stranger' } },
  },
  signedIn: { reach: landOn('demo', 'signedIn.title') },
}

describe.each(LOCALES)('given the %s locale', (locale) => {
  it.each(Object.keys(STEPS))('has no axe violations on the %s step', async (name) => {
    silenceLibraryErrors()
    const { reach, props = {} } = STEPS[name] as StepCase
    const { user, container } = renderLoginFlow({ locale, ...props })
    await reach(user, locale)
    expect(await axe(container)).toHaveNoViolations()
  })
})

describe('given the axe setup', () => {
  it('does find a violation, so the checks above can fail', async () => {
    const { container } = renderLoginFlow()
    await credentialsForm()
    const unlabelled = document.createElement('input')
    container.append(unlabelled)
    const results = await axe(container)
    expect(results.violations.map((violation) => violation.id)).toContain('label')
  })
})
