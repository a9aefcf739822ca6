import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { act, render, renderHook, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import type { ReactNode } from 'react'
import { renderToString } from 'react-dom/server'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { SecretVault } from '../../src/react/createSecretVault.js'
import {
  LoginFlow,
  type TokenFetcher,
  type TokenOutcome,
  type TokenRequest,
  useLoginFlow,
} from '../../src/index.js'
import { DEMO_PASSWORD, DEMO_PIN } from '../../src/testing/index.js'
import { IDM_ORIGIN, startEmulatorServer } from '../support/emulatorServer.js'
import {
  en,
  english,
  failOnUnhandledRejections,
  renderFlow,
  signIn,
  watchConsole,
} from './support.js'

/** Every vault the hook creates, so a test can look inside after the fact (behaviour unchanged). */
const vaults = vi.hoisted(() => [] as SecretVault[])
vi.mock('../../src/react/createSecretVault.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../src/react/createSecretVault.js')>()
  return {
    createSecretVault: () => {
      const vault = original.createSecretVault()
      vaults.push(vault)
      return vault
    },
  }
})

startEmulatorServer()
failOnUnhandledRejections()

beforeEach(() => {
  vaults.length = 0
})
afterEach(() => {
  vi.restoreAllMocks()
  vi.unstubAllEnvs()
  localStorage.clear()
  sessionStorage.clear()
})

const IDM = { baseUrl: IDM_ORIGIN, clientId: 'demo-client' }

describe('given server-side rendering, before any script runs', () => {
  it('renders every form with method="post", so no submit can put the password in a URL', () => {
    const output = watchConsole()
    const html = renderToString(<LoginFlow locale="en" locales={{ en }} idm={IDM} />)
    const doc = new DOMParser().parseFromString(html, 'text/html')

    expect(doc.querySelector('h2')?.textContent).toBe('Sign in')
    const forms = [...doc.querySelectorAll('form')]
    expect(forms.length).toBeGreaterThan(0)
    for (const form of forms) {
      expect(form.getAttribute('method')).toBe('post')
      expect(form.getAttribute('action') ?? '').not.toContain('?')
    }
    expect(doc.querySelectorAll('form:not([method]), form[method="get" i]')).toHaveLength(0)
    const passwords = [...doc.querySelectorAll('input[type="password"], input[name="password"]')]
    expect(passwords.length).toBeGreaterThan(0)
    for (const input of passwords) {
      expect(input.closest('form')?.getAttribute('method')).toBe('post')
      expect(input.getAttribute('value')).toBeNull()
    }
    expect(output.calls()).toEqual([])
  })

  it.each([
    ['the PIN step', 'mfa', 'Verification code'],
    ['the expired-password step', 'expired', 'New password'],
  ])('renders %s as a form with method="post" too', async (_step, username, label) => {
    const { user, container } = renderFlow({ changePassword: async () => ({ ok: true }) })
    await signIn(user, username, DEMO_PASSWORD)
    await screen.findByLabelText(label)
    const forms = [...container.querySelectorAll('form')]
    expect(forms.length).toBeGreaterThan(0)
    for (const form of forms) expect(form.getAttribute('method')).toBe('post')
  })
})

describe('given a whole sign-in with a wrong password, then a PIN', () => {
  const WRONG = 'Wr0ng-Pa55word-Ünï'

  function wrapper(client: QueryClient) {
    return ({ children }: { children: ReactNode }) => (
      <QueryClientProvider client={client}>{children}</QueryClientProvider>
    )
  }

  it('leaves the password in no storage, URL, cache, callback or console output', async () => {
    const output = watchConsole()
    const client = new QueryClient({ defaultOptions: { mutations: { gcTime: 60_000 } } })
    const seen: unknown[] = []
    const record = (...args: unknown[]) => seen.push(args)
    const user = userEvent.setup()
    const { container } = render(
      <LoginFlow
        locale="en"
        locales={{ en }}
        idm={IDM}
        onSuccess={record}
        onError={record}
        onStepChange={record}
      />,
      { wrapper: wrapper(client) },
    )
    await signIn(user, 'mfa', WRONG)
    await screen.findByText(english('errors.STS_0002'))
    await signIn(user, 'mfa', DEMO_PASSWORD)
    await user.type(await screen.findByLabelText('Verification code'), DEMO_PIN)
    await user.click(screen.getByRole('button', { name: 'Verify' }))
    await screen.findByRole('heading', { name: 'You are signed in' })
    expect(seen.length).toBeGreaterThan(0)

    const places: [string, string][] = [
      ['localStorage', JSON.stringify({ ...localStorage })],
      ['sessionStorage', JSON.stringify({ ...sessionStorage })],
      ['document.cookie', document.cookie],
      ['location', window.location.href],
      ['history.state', JSON.stringify(window.history.state)],
      [
        'mutation cache',
        JSON.stringify(
          client
            .getMutationCache()
            .getAll()
            .map((m) => m.state),
        ),
      ],
      [
        'query cache',
        JSON.stringify(
          client
            .getQueryCache()
            .getAll()
            .map((q) => q.state),
        ),
      ],
      ['callbacks', JSON.stringify(seen)],
      ['console', output.text()],
      ['page', container.innerHTML],
      ['inputs', [...container.querySelectorAll('input')].map((input) => input.value).join()],
    ]
    expect(client.getMutationCache().getAll().length).toBeGreaterThan(0)
    for (const [place, text] of places) {
      for (const password of [WRONG, DEMO_PASSWORD]) {
        expect(text.includes(password), `${password} in ${place}`).toBe(false)
      }
    }
  })

  it('keeps no password in the mutation cache while a request is in flight either', async () => {
    const client = new QueryClient()
    let release: (outcome: TokenOutcome) => void = () => {}
    const fetchToken: TokenFetcher = () => new Promise((resolve) => (release = resolve))
    const { result } = renderHook(() => useLoginFlow({ fetchToken }), { wrapper: wrapper(client) })
    act(() => {
      result.current.submitCredentials({ username: 'ada', password: 'in-flight-secret' })
    })
    await vi.waitFor(() => expect(client.getMutationCache().getAll()).toHaveLength(1))
    expect(JSON.stringify(client.getMutationCache().getAll()[0]?.state)).not.toContain(
      'in-flight-secret',
    )
    await act(async () => release({ type: 'networkError' }))
  })
})

/** A fetchToken that answers from a script and records the password of every request. */
function scripted(...answers: TokenOutcome[]) {
  const requests: TokenRequest[] = []
  const fetchToken: TokenFetcher = async (request) => {
    requests.push(request)
    return answers.shift() ?? { type: 'networkError' }
  }
  return { fetchToken, passwords: () => requests.map((request) => request.password), requests }
}

const code = (resultCode: string): TokenOutcome =>
  ({ type: 'result', code: resultCode, status: 400, captchaRequired: false }) as TokenOutcome
const SIGNED_IN: TokenOutcome = {
  type: 'success',
  code: 'STS_0000',
  status: 200,
  captchaRequired: false,
  token: { accessToken: 'token', raw: {} },
}

/** Renders the hook, signs in with `secret` and reaches the PIN step. */
async function atPinStep(...after: TokenOutcome[]) {
  const script = scripted(code('STS_0011'), ...after)
  const hook = renderHook(() => useLoginFlow({ fetchToken: script.fetchToken }))
  await act(async () => {
    hook.result.current.submitCredentials({ username: 'ada', password: 'secret' })
  })
  await vi.waitFor(() => expect(hook.result.current.step).toBe('twoFactor'))
  const vault = vaults.at(-1) as SecretVault
  return { ...hook, ...script, vault }
}

async function settle(action: () => unknown) {
  await act(async () => {
    action()
  })
  await act(async () => {
    await new Promise((resolve) => setTimeout(resolve, 0))
  })
}

describe('given the password held for the PIN step', () => {
  it('sends it again with a wrong PIN and a resend, and keeps it for the next try', async () => {
    const flow = await atPinStep(code('STS_0013'), code('STS_0011'), SIGNED_IN)
    await settle(() => flow.result.current.submitPin({ pin: '000000' }))
    await settle(() => flow.result.current.resendPin())
    expect(flow.vault.readPassword()).toBe('secret')
    await settle(() => flow.result.current.submitPin({ pin: '123456' }))
    expect(flow.passwords()).toEqual(['secret', 'secret', 'secret', 'secret'])
    expect(flow.requests[3]?.pin).toBe('123456')
  })

  it('drops it on success', async () => {
    const flow = await atPinStep(SIGNED_IN)
    await settle(() => flow.result.current.submitPin({ pin: '123456' }))
    expect(flow.result.current.step).toBe('signedIn')
    expect(flow.vault.readPassword()).toBeUndefined()
  })

  it('drops it on restart, and the next sign-in sends only what was typed then', async () => {
    const flow = await atPinStep(code('STS_0011'))
    act(() => flow.result.current.restart())
    expect(flow.vault.readPassword()).toBeUndefined()
    await settle(() =>
      flow.result.current.submitCredentials({ username: 'ada', password: 'second' }),
    )
    expect(flow.passwords()).toEqual(['secret', 'second'])
  })

  it('drops it on a restart in the same tick as a PIN submit, which sends nothing', async () => {
    const flow = await atPinStep(SIGNED_IN)
    await settle(() => {
      flow.result.current.submitPin({ pin: '123456' })
      flow.result.current.restart()
    })
    expect(flow.vault.readPassword()).toBeUndefined()
    expect(flow.result.current.step).toBe('credentials')
    expect(flow.passwords()).toEqual(['secret'])
  })

  it.each([
    ['a stop', 'STS_0004', 'stopped'],
    ['a configuration error', 'GLB_0004', 'misconfigured'],
    ['the setup step', 'STS_0012', 'twoFactorSetup'],
  ])('drops it on %s', async (_name, resultCode, step) => {
    const flow = await atPinStep(code(resultCode))
    await settle(() => flow.result.current.submitPin({ pin: '123456' }))
    expect(flow.result.current.step).toBe(step)
    expect(flow.vault.readPassword()).toBeUndefined()
  })

  it('drops it on unmount', async () => {
    const flow = await atPinStep()
    expect(flow.vault.readPassword()).toBe('secret')
    flow.unmount()
    expect(flow.vault.readPassword()).toBeUndefined()
  })

  it('does not bring the password back into the form after "Use a different account"', async () => {
    const { user } = renderFlow()
    await signIn(user, 'mfa', DEMO_PASSWORD)
    await user.click(await screen.findByRole('button', { name: 'Use a different account' }))
    expect(await screen.findByLabelText('Password')).toHaveValue('')
    expect(vaults.at(-1)?.readPassword()).toBeUndefined()
  })
})

describe('given a client secret in the browser', () => {
  const WARNING =
    '[react-idm-login] createIdmTokenFetcher: a clientSecret in a browser can be read by anyone ' +
    'who opens the page. Send the token request through your own backend ' +
    '(react-idm-login/server) and let it add the secret.'

  async function freshFetcherModule() {
    // The warning is once per page: a fresh module is a fresh page.
    vi.resetModules()
    return import('../../src/core/createIdmTokenFetcher.js')
  }

  it('warns once in development, naming neither the secret nor anything typed', async () => {
    const { createIdmTokenFetcher } = await freshFetcherModule()
    const output = watchConsole()
    createIdmTokenFetcher({ clientSecret: 'top-secret-1' })
    createIdmTokenFetcher({ clientSecret: 'top-secret-2' })
    expect(output.error).toHaveBeenCalledTimes(1)
    expect(output.error).toHaveBeenCalledWith(WARNING)
    expect(output.text()).not.toContain('top-secret')
  })

  it('stays quiet in production', async () => {
    vi.stubEnv('NODE_ENV', 'production')
    const { createIdmTokenFetcher } = await freshFetcherModule()
    const output = watchConsole()
    createIdmTokenFetcher({ clientSecret: 'top-secret' })
    expect(output.calls()).toEqual([])
  })

  it('says nothing without a secret', async () => {
    const { createIdmTokenFetcher } = await freshFetcherModule()
    const output = watchConsole()
    createIdmTokenFetcher({ clientId: 'web', url: '/api/login' })
    expect(output.calls()).toEqual([])
  })
})
