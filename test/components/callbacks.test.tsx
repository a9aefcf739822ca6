import { screen } from '@testing-library/react'
import { HttpResponse, http } from 'msw'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { LoginErrorDetails } from '../../src/index.js'
import { DEMO_PASSWORD, DEMO_PIN } from '../../src/testing/index.js'
import { startEmulatorServer } from '../support/emulatorServer.js'
import { message } from '../support/messages.js'
import {
  credentialsForm,
  findStepHeading,
  renderLoginFlow,
  signIn,
  silenceLibraryErrors,
  submitPin,
} from '../support/renderLoginFlow.js'
import { recordTokenRequests, TOKEN_URL } from '../support/tokenRequests.js'

const { server } = startEmulatorServer()
const en = (key: string, values?: Record<string, string>) => message('en', key, values)
const PASSWORD = 'Lemon-Quartz.5150'

afterEach(() => {
  vi.restoreAllMocks()
})

/** onError's details hold only the step, the code and the message key: never a credential. */
function expectSafe(details: LoginErrorDetails | undefined, username: string) {
  expect(details).toBeDefined()
  for (const key of Object.keys(details ?? {}))
    expect(['step', 'code', 'messageKey']).toContain(key)
  const text = JSON.stringify(details)
  expect(text).not.toContain(PASSWORD)
  expect(text).not.toContain(DEMO_PASSWORD)
  expect(text).not.toContain(username)
}

describe('given onStepChange', () => {
  it('reports each step change of a two-step login, and nothing else', async () => {
    const { user, onStepChange } = renderLoginFlow()
    await signIn(user, 'mfa')
    await findStepHeading('twoFactor.title')
    await submitPin(user, '000000')
    await screen.findByText(en('errors.STS_0013'))
    await submitPin(user, DEMO_PIN)
    await findStepHeading('signedIn.title')
    expect(onStepChange.mock.calls).toEqual([
      [{ step: 'twoFactor', previousStep: 'credentials' }],
      [{ step: 'signedIn', previousStep: 'twoFactor' }],
    ])
  })

  it('is not called for an error that keeps the user on the form', async () => {
    const { user, onStepChange } = renderLoginFlow()
    await signIn(user, 'demo', PASSWORD)
    await screen.findByText(en('errors.STS_0002'))
    expect(onStepChange).not.toHaveBeenCalled()
  })
})

describe('given onError', () => {
  it.each([
    ['an unknown username', 'zed-unknown-person', PASSWORD, 'credentials', 'STS_0001'],
    ['a wrong password', 'demo', PASSWORD, 'credentials', 'STS_0002'],
    ['an inactive account', 'inactive', DEMO_PASSWORD, 'stopped', 'STS_0003'],
    ['a server error', 'server-error', DEMO_PASSWORD, 'credentials', 'STS_9999'],
  ])('reports %s with its code and key only', async (_, username, password, step, code) => {
    const { user, onError } = renderLoginFlow()
    await signIn(user, username, password)
    await screen.findByText(en(`errors.${code}`))
    expect(onError).toHaveBeenCalledTimes(1)
    expect(onError).toHaveBeenCalledWith({ step, code, messageKey: `errors.${code}` })
    expectSafe(onError.mock.calls[0]?.[0], username)
  })

  it('reports a wrong PIN without the PIN or the password', async () => {
    const { user, onError } = renderLoginFlow()
    await signIn(user, 'mfa')
    await submitPin(user, '000000')
    await screen.findByText(en('errors.STS_0013'))
    expect(onError).toHaveBeenCalledWith({
      step: 'twoFactor',
      code: 'STS_0013',
      messageKey: 'errors.STS_0013',
    })
    expect(JSON.stringify(onError.mock.calls)).not.toContain('000000')
  })

  it('is not called for a success', async () => {
    const { user, onError } = renderLoginFlow()
    await signIn(user, 'demo')
    await findStepHeading('signedIn.title')
    expect(onError).not.toHaveBeenCalled()
  })
})

describe('given an answer with a code this version does not know (STS_0042)', () => {
  it('shows the retryable message with the code, warns developers, allows a retry', async () => {
    const consoleError = silenceLibraryErrors()
    const requests = recordTokenRequests(server)
    const { user, onError } = renderLoginFlow()
    await signIn(user, 'future', DEMO_PASSWORD)
    const alert = await screen.findByRole('alert')
    expect(alert).toHaveTextContent(en('errors.unknownCode', { code: 'STS_0042' }))
    expect(onError).toHaveBeenCalledWith({
      step: 'credentials',
      code: 'STS_0042',
      messageKey: 'errors.unknownCode',
    })
    expect(consoleError).toHaveBeenCalledWith(expect.stringMatching(/react-idm-login.*STS_0042/))
    expect(JSON.stringify(consoleError.mock.calls)).not.toContain(DEMO_PASSWORD)

    const { username, submit } = await credentialsForm()
    expect(username).toHaveValue('future')
    await user.clear(screen.getByLabelText(en('credentials.password')))
    await user.type(screen.getByLabelText(en('credentials.password')), DEMO_PASSWORD)
    await user.click(submit)
    await vi.waitFor(() => expect(requests.bodies).toHaveLength(2))
    expect(await screen.findByRole('alert')).toHaveTextContent('STS_0042')
  })
})

describe('given the network fails', () => {
  it('shows the network message and keeps the form', async () => {
    server.use(http.post(TOKEN_URL, () => HttpResponse.error()))
    const { user, onError } = renderLoginFlow()
    await signIn(user, 'demo', PASSWORD)
    expect(await screen.findByRole('alert')).toHaveTextContent(en('errors.network'))
    expect(onError).toHaveBeenCalledWith({ step: 'credentials', messageKey: 'errors.network' })
    expect((await credentialsForm()).username).toHaveValue('demo')
  })

  it('shows the network message when a custom fetchToken throws', async () => {
    const fetchToken = vi.fn(async () => {
      throw new TypeError('Failed to fetch')
    })
    const { user } = renderLoginFlow({ fetchToken })
    await signIn(user, 'demo', PASSWORD)
    expect(await screen.findByRole('alert')).toHaveTextContent(en('errors.network'))
    expect(fetchToken).toHaveBeenCalledTimes(1)
  })

  it('shows the unreadable-answer message for a proxy page', async () => {
    server.use(
      http.post(TOKEN_URL, () => HttpResponse.html('<h1>502 Bad Gateway</h1>', { status: 502 })),
    )
    const { user } = renderLoginFlow()
    await signIn(user, 'demo', PASSWORD)
    expect(await screen.findByRole('alert')).toHaveTextContent(en('errors.invalidResponse'))
    expect(document.body).not.toHaveTextContent('Bad Gateway')
  })
})
