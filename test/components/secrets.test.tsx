import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { screen } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, type MockInstance, vi } from 'vitest'
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../../src/testing/index.js'
import { startEmulatorServer } from '../support/emulatorServer.js'
import { message } from '../support/messages.js'
import { findStepHeading, renderLoginFlow, signIn, submitPin } from '../support/renderLoginFlow.js'

const SECRET = 'Qx9-Tangerine!Vault'
const PIN = '864209'

startEmulatorServer({
  users: [
    ...DEMO_ACCOUNTS,
    { username: 'ada', password: SECRET, behaviour: { kind: 'signIn' }, description: '' },
    {
      username: 'grace',
      password: SECRET,
      behaviour: { kind: 'twoFactor', pin: PIN },
      description: '',
    },
  ],
})
const en = (key: string) => message('en', key)

let consoleSpies: MockInstance[] = []
beforeEach(() => {
  consoleSpies = (['error', 'warn', 'log', 'info', 'debug', 'trace'] as const).map((method) =>
    vi.spyOn(console, method),
  )
})
afterEach(() => {
  vi.restoreAllMocks()
  localStorage.clear()
  sessionStorage.clear()
})

function renderWithClient() {
  const client = new QueryClient()
  const flow = renderLoginFlow(
    {},
    { wrap: (ui) => <QueryClientProvider client={client}>{ui}</QueryClientProvider> },
  )
  return { client, ...flow }
}

/** Everything the Query cache holds about mutations, variables and results included. */
function mutationCache(client: QueryClient): string {
  const mutations = client.getMutationCache().getAll()
  return JSON.stringify(mutations.map((m) => ({ state: m.state, options: m.options })))
}

function storage(store: Storage): string {
  const entries: string[] = []
  for (let i = 0; i < store.length; i++) {
    const key = store.key(i) ?? ''
    entries.push(key, store.getItem(key) ?? '')
  }
  return entries.join('\n')
}

/** Every place outside the flow's closure where a credential could be left behind. */
function leftovers(client: QueryClient, spies: Record<string, { mock: { calls: unknown[] } }>) {
  return {
    mutationCache: mutationCache(client),
    localStorage: storage(localStorage),
    sessionStorage: storage(sessionStorage),
    cookie: document.cookie,
    href: window.location.href,
    console: JSON.stringify(consoleSpies.map((spy) => spy.mock.calls)),
    callbacks: JSON.stringify(Object.values(spies).map((spy) => spy.mock.calls)),
    inputs: [...document.querySelectorAll('input')].map((input) => input.value).join('\n'),
    html: document.documentElement.outerHTML,
  }
}

describe('given a successful login with a distinctive password', () => {
  it('leaves the password nowhere, and keeps no copy of the token', async () => {
    const { client, user, onSuccess, onError, onStepChange } = renderWithClient()
    await signIn(user, 'ada', SECRET)
    await findStepHeading('signedIn.title')
    expect(onSuccess).toHaveBeenCalledTimes(1)
    const token = onSuccess.mock.calls[0]?.[0].accessToken ?? ''
    expect(token).toMatch(/^[0-9a-f]{64}$/)

    // The cache really holds the login mutation, so the check below looks at something.
    expect(client.getMutationCache().getAll().length).toBeGreaterThan(0)
    const places = leftovers(client, { onError, onStepChange })
    for (const [place, text] of Object.entries(places)) {
      expect({ place, hasPassword: text.includes(SECRET) }).toEqual({ place, hasPassword: false })
    }
    for (const place of ['mutationCache', 'localStorage', 'sessionStorage', 'cookie', 'html']) {
      expect({ place, hasToken: places[place as keyof typeof places].includes(token) }).toEqual({
        place,
        hasToken: false,
      })
    }
  })
})

describe('given a two-step login', () => {
  it('keeps the password out of every cache while the PIN step waits, and after', async () => {
    const { client, user, onSuccess, onError, onStepChange } = renderWithClient()
    await signIn(user, 'grace', SECRET)
    await findStepHeading('twoFactor.title')
    for (const text of Object.values(leftovers(client, { onError, onStepChange }))) {
      expect(text.includes(SECRET)).toBe(false)
    }

    await submitPin(user, '000000')
    await screen.findByText(en('errors.STS_0013'))
    await submitPin(user, PIN)
    await findStepHeading('signedIn.title')
    expect(onSuccess).toHaveBeenCalledTimes(1)
    for (const text of Object.values(leftovers(client, { onError, onStepChange }))) {
      expect(text.includes(SECRET)).toBe(false)
      expect(text.includes(PIN)).toBe(false)
    }
  })
})

describe('given a failed login', () => {
  it('leaves the wrong password nowhere either', async () => {
    const { client, user, onError, onStepChange } = renderWithClient()
    await signIn(user, 'demo', SECRET)
    await screen.findByText(en('errors.STS_0002'))
    expect(onError).toHaveBeenCalledTimes(1)
    for (const text of Object.values(leftovers(client, { onError, onStepChange }))) {
      expect(text.includes(SECRET)).toBe(false)
    }
    // The demo password is not a secret of this test; it must not show up by accident.
    expect(mutationCache(client)).not.toContain(DEMO_PASSWORD)
  })
})
