import { screen } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, type MockInstance, vi } from 'vitest'
import { IDM_ORIGIN, startEmulatorServer } from '../support/emulatorServer.js'
import { message } from '../support/messages.js'
import {
  credentialsForm,
  findStepHeading,
  renderLoginFlow,
  signIn,
} from '../support/renderLoginFlow.js'
import { answerWithCode } from '../support/tokenRequests.js'

const { server } = startEmulatorServer()
const en = (key: string) => message('en', key)
const PASSWORD = 'Unusual-Pw.7731'

const STOPS = [
  ['inactive', 'STS_0003'],
  ['locked', 'STS_0004'],
  ['activation', 'STS_0008'],
  ['update-error', 'STS_0010'],
  ['no-license', 'STS_0015'],
  ['impersonation-token', 'STS_0016'],
  ['impersonation-app', 'STS_0017'],
  ['impersonation-user', 'STS_0018'],
] as const

describe('given an account the form cannot help (a stop)', () => {
  it.each(STOPS)('%s shows %s calmly, and "Back to sign-in" returns', async (name, code) => {
    const { user, onError } = renderLoginFlow({ support: <p>Call the help desk.</p> })
    await signIn(user, name)
    expect(await findStepHeading('stopped.title')).toHaveFocus()
    expect(screen.getByText(en(`errors.${code}`))).toBeVisible()
    // Calm: a plain message, not an alarm, and no form to try again from.
    expect(screen.queryByRole('alert')).not.toBeInTheDocument()
    expect(screen.queryByLabelText(en('credentials.password'))).not.toBeInTheDocument()
    expect(screen.getByText('Call the help desk.')).toBeVisible()
    expect(onError).toHaveBeenCalledWith({
      step: 'stopped',
      code,
      messageKey: `errors.${code}`,
    })

    await user.click(screen.getByRole('button', { name: en('stopped.back') }))
    expect(await findStepHeading('credentials.title')).toHaveFocus()
    const { username, password } = await credentialsForm()
    expect(username).toHaveValue(name)
    expect(password).toHaveValue('')
  })

  it('gives each stop its own message', () => {
    const texts = STOPS.map(([, code]) => en(`errors.${code}`))
    expect(new Set(texts).size).toBe(STOPS.length)
  })
})

describe('given a configuration error', () => {
  let consoleSpies: MockInstance[] = []

  beforeEach(() => {
    consoleSpies = (['error', 'warn', 'log', 'info', 'debug'] as const).map((method) =>
      vi.spyOn(console, method).mockImplementation(() => undefined),
    )
  })

  afterEach(() => {
    // The password must never reach a console, whatever was logged.
    const calls = consoleSpies.flatMap((spy) => spy.mock.calls)
    vi.restoreAllMocks()
    for (const args of calls) expect(JSON.stringify(args)).not.toContain(PASSWORD)
  })

  // Each code is logged once per module load, so each appears in one test only.
  it.each([
    ['STS_0019', { baseUrl: IDM_ORIGIN }, null],
    ['GLB_0001', { baseUrl: IDM_ORIGIN, clientId: 'stranger' }, null],
    ['GLB_0002', undefined, 400],
    ['GLB_0003', undefined, 400],
    ['GLB_0004', { baseUrl: IDM_ORIGIN, clientId: 'no-password-grant' }, null],
  ] as const)(
    '%s shows users the general message and names the code to developers',
    async (code, idm, status) => {
      if (status !== null) answerWithCode(server, code, { status })
      const { user } = renderLoginFlow(idm ? { idm } : {})
      await signIn(user, 'demo', PASSWORD)
      expect(await findStepHeading('misconfigured.title')).toHaveFocus()
      expect(screen.getByText(en(`errors.${code}`))).toBeVisible()
      expect(screen.queryByText(new RegExp(code))).not.toBeInTheDocument()

      const errorSpy = consoleSpies[0]
      const logged = errorSpy?.mock.calls.map((args) => args.join(' ')) ?? []
      expect(logged).toContainEqual(
        expect.stringMatching(new RegExp(`^\\[react-idm-login\\].*${code}`)),
      )

      await user.click(screen.getByRole('button', { name: en('misconfigured.back') }))
      expect(await findStepHeading('credentials.title')).toHaveFocus()
    },
  )

  it('shows one general message for every configuration code', () => {
    const codes = ['STS_0019', 'GLB_0001', 'GLB_0002', 'GLB_0003', 'GLB_0004']
    expect(new Set(codes.map((code) => en(`errors.${code}`))).size).toBe(1)
  })
})
