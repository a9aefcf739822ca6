import { onlineManager } from '@tanstack/react-query'
import { act, fireEvent, renderHook, screen } from '@testing-library/react'
import { HttpResponse, http } from 'msw'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { type TokenFetcher, type TokenOutcome, useLoginFlow } from '../../src/index.js'
import { DEMO_PASSWORD, DEMO_PIN } from '../../src/testing/index.js'
import { startEmulatorServer } from '../support/emulatorServer.js'
import {
  delay,
  english,
  failOnUnhandledRejections,
  gate,
  renderFlow,
  signIn,
  TOKEN_URL,
  watchConsole,
} from './support.js'

const { server } = startEmulatorServer()
failOnUnhandledRejections()

const held: (() => void)[] = []
afterEach(() => {
  for (const release of held.splice(0)) release()
  onlineManager.setOnline(true)
  vi.restoreAllMocks()
  delete (window as { pwned?: unknown }).pwned
})

/** Markup that would run code if it ever became an element. */
const IMG = '<img src=x onerror="window.pwned=1">'
const SCRIPT = '<script>window.pwned=2</script>'

interface HostileAnswer {
  name: string
  status: number
  body: string
  /** The English message the page shows instead. */
  message: string
}

const hostile = (fields: Record<string, unknown>) =>
  JSON.stringify({ error: IMG, error_description: SCRIPT, request_captcha: false, ...fields })

const HOSTILE_ANSWERS: HostileAnswer[] = [
  {
    name: 'a wrong password',
    status: 400,
    body: hostile({ result_code: 'STS_0002' }),
    message: english('errors.STS_0002'),
  },
  {
    name: 'an invalid login',
    status: 400,
    body: hostile({ result_code: 'STS_0007' }),
    message: english('errors.STS_0007'),
  },
  {
    name: 'a locked account',
    status: 400,
    body: hostile({ result_code: 'STS_0004' }),
    message: english('errors.STS_0004'),
  },
  {
    name: 'a configuration error',
    status: 401,
    body: hostile({ result_code: 'GLB_0001' }),
    message: english('errors.GLB_0001'),
  },
  {
    name: 'an unknown code',
    status: 400,
    body: hostile({ result_code: 'STS_0042' }),
    message: english('errors.unknownCode', { code: 'STS_0042' }),
  },
  {
    name: 'an HTML error page',
    status: 500,
    body: `<html><body>${IMG}${SCRIPT}</body></html>`,
    message: english('errors.invalidResponse'),
  },
  {
    name: 'no result_code',
    status: 400,
    body: hostile({}),
    message: english('errors.invalidResponse'),
  },
]

/** The markup, its pieces, and what `onerror` would have done: none of it may reach the page. */
function expectNoServerText(container: HTMLElement) {
  expect(container.querySelector('img,script,iframe,object,embed')).toBeNull()
  for (const piece of ['onerror', 'pwned', '<img', '<script', 'img src']) {
    expect(container.innerHTML).not.toContain(piece)
    expect(container.textContent).not.toContain(piece)
  }
  expect((window as { pwned?: unknown }).pwned).toBeUndefined()
}

describe('given server text with markup in error and error_description', () => {
  it.each(HOSTILE_ANSWERS)('shows only the localized message for $name', async (answer) => {
    watchConsole()
    server.use(
      http.post(TOKEN_URL, () => {
        return new HttpResponse(answer.body, {
          status: answer.status,
          headers: { 'content-type': 'application/json' },
        })
      }),
    )
    const { user, container } = renderFlow()
    await signIn(user, 'ada', 'pw')
    expect(await screen.findByText(answer.message)).toBeInTheDocument()
    expectNoServerText(container)
  })

  it('shows only the localized message for a wrong PIN', async () => {
    const { user, container } = renderFlow()
    await signIn(user, 'mfa', DEMO_PASSWORD)
    await user.type(await screen.findByLabelText('Verification code'), '000000')
    server.use(
      http.post(TOKEN_URL, () =>
        HttpResponse.json(JSON.parse(hostile({ result_code: 'STS_0013' })), { status: 400 }),
      ),
    )
    await user.click(screen.getByRole('button', { name: 'Verify' }))
    expect(await screen.findByText(english('errors.STS_0013'))).toBeInTheDocument()
    expectNoServerText(container)
  })

  it('does not show a result_code that carries markup either', async () => {
    watchConsole()
    server.use(
      http.post(TOKEN_URL, () =>
        HttpResponse.json({ result_code: IMG, error: SCRIPT }, { status: 400 }),
      ),
    )
    const { user, container } = renderFlow()
    await signIn(user, 'ada', 'pw')
    await screen.findByRole('alert')
    expectNoServerText(container)
  })

  it('does not show a result_code that reads as a message to the user', async () => {
    watchConsole()
    const phishing = 'Call +1 555 0100 to unlock'
    server.use(http.post(TOKEN_URL, () => HttpResponse.json({ result_code: phishing })))
    const { user, container } = renderFlow()
    await signIn(user, 'ada', 'pw')
    await screen.findByRole('alert')
    expect(container.textContent).not.toContain('555')
  })
})

/** Collects the form bodies the token endpoint receives, and answers each with `answer`. */
function recordRequests(answer: () => Response | Promise<Response>) {
  const bodies: URLSearchParams[] = []
  server.use(
    http.post(TOKEN_URL, async ({ request }) => {
      bodies.push(new URLSearchParams(await request.text()))
      return answer()
    }),
  )
  return bodies
}

const ODD_INPUTS: { name: string; username: string; password: string }[] = [
  { name: '100 000 characters each', username: 'u'.repeat(100_000), password: 'p'.repeat(100_000) },
  {
    name: 'control characters',
    username: 'ada\u0001\u0007\t\u001b[31m\u007f\u0085',
    password: '\u0000nul\u0008bs\u001f\u009f',
  },
  { name: 'emoji', username: '👩‍💻 ada 🦄', password: '🔐🇹🇷👍🏽 parola' },
  { name: 'RTL text', username: 'مرحبا\u202eadmin\u202c', password: 'שלום\u200fסיסמה\u202b' },
  { name: 'Turkish letters', username: 'İıĞğŞşÇçÖöÜü', password: 'ğüşİıçö' },
  { name: 'form syntax', username: 'a&b=c+d%20e', password: '&password=evil&%zz+%2B' },
  { name: 'surrounding spaces', username: '  ada  ', password: ' pw ' },
]

describe('given unusual input', () => {
  it.each(ODD_INPUTS)('sends $name exactly as typed, without a crash', async (input) => {
    const output = watchConsole()
    const bodies = recordRequests(() =>
      HttpResponse.json({ result_code: 'STS_0007', request_captcha: false }, { status: 400 }),
    )
    const { user } = renderFlow()
    await signIn(user, input.username, input.password)
    expect(await screen.findByRole('alert')).toHaveTextContent(english('errors.STS_0007'))
    expect(bodies).toHaveLength(1)
    expect(bodies[0]?.getAll('username')).toEqual([input.username])
    expect(bodies[0]?.getAll('password')).toEqual([input.password])
    expect(bodies[0]?.getAll('grant_type')).toEqual(['password'])
    expect(screen.getByLabelText('Username or e-mail')).toHaveValue(input.username)
    expect(output.error).not.toHaveBeenCalled()
  })
})

describe('given impatient users', () => {
  /** Holds every request until the test releases it, counting them. */
  function holdRequests() {
    const answer = gate()
    held.push(() => answer.open())
    let count = 0
    server.use(
      http.post(TOKEN_URL, async () => {
        count++
        await answer.promise
        return HttpResponse.json({ result_code: 'STS_0002' }, { status: 400 })
      }),
    )
    return { count: () => count, release: () => answer.open() }
  }

  it('sends one request for ten clicks, Enter and submits while one is in flight', async () => {
    const requests = holdRequests()
    const { user, container } = renderFlow()
    await signIn(user, 'ada', 'pw')
    const button = screen.getByRole('button', { name: 'Signing in…' })
    for (let i = 0; i < 10; i++) await user.click(button)
    await user.type(screen.getByLabelText('Password'), '{Enter}')
    for (let i = 0; i < 5; i++) fireEvent.submit(container.querySelector('form') as HTMLFormElement)
    await delay(50)
    expect(requests.count()).toBe(1)

    requests.release()
    expect(await screen.findByText(english('errors.STS_0002'))).toBeInTheDocument()
    await delay(300)
    expect(requests.count()).toBe(1)
  })

  it('sends one request for Enter and a click in the same moment', async () => {
    const requests = holdRequests()
    const { user } = renderFlow()
    await user.type(screen.getByLabelText('Username or e-mail'), 'ada')
    await user.type(screen.getByLabelText('Password'), 'pw')
    await Promise.all([
      user.keyboard('{Enter}'),
      user.click(screen.getByRole('button', { name: 'Sign in' })),
    ])
    await delay(50)
    expect(requests.count()).toBe(1)
  })

  it('sends one PIN request for many clicks on Verify and on resend', async () => {
    const { user } = renderFlow({ resendCooldownSeconds: 0 })
    await signIn(user, 'mfa', DEMO_PASSWORD)
    await user.type(await screen.findByLabelText('Verification code'), DEMO_PIN)
    const requests = holdRequests()
    const verify = screen.getByRole('button', { name: 'Verify' })
    for (let i = 0; i < 5; i++) await user.click(verify)
    await user.click(screen.getByRole('button', { name: /Send a new code|Sending/ }))
    await user.type(screen.getByLabelText('Verification code'), '{Enter}')
    await delay(50)
    expect(requests.count()).toBe(1)
  })

  it('never retries by itself after a network failure: one request per submit', async () => {
    let count = 0
    server.use(
      http.post(TOKEN_URL, () => {
        count++
        return HttpResponse.error()
      }),
    )
    const { user } = renderFlow()
    await signIn(user, 'ada', 'pw')
    await screen.findByText(english('errors.network'))
    await delay(300)
    expect(count).toBe(1)
    await user.click(screen.getByRole('button', { name: 'Sign in' }))
    await delay(300)
    expect(count).toBe(2)
  })

  it('fails at once while offline, and sends nothing when the connection returns', async () => {
    let count = 0
    server.use(
      http.post(TOKEN_URL, () => {
        count++
        return HttpResponse.error()
      }),
    )
    const { user } = renderFlow()
    onlineManager.setOnline(false)
    await signIn(user, 'ada', 'pw')
    expect(await screen.findByText(english('errors.network'))).toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'Sign in' })).not.toHaveAttribute('aria-disabled')
    expect(count).toBe(1)
    act(() => onlineManager.setOnline(true))
    await delay(300)
    expect(count).toBe(1)
  })

  it('starts one request for five submits in one tick through the headless hook', async () => {
    const answer = gate<TokenOutcome>()
    held.push(() => answer.open({ type: 'networkError' }))
    const fetchToken = vi.fn<TokenFetcher>(() => answer.promise)
    const { result } = renderHook(() => useLoginFlow({ fetchToken }))
    const started: boolean[] = []
    act(() => {
      for (let i = 0; i < 5; i++) {
        started.push(result.current.submitCredentials({ username: 'ada', password: 'pw' }))
      }
    })
    await delay(20)
    expect(started).toEqual([true, false, false, false, false])
    expect(fetchToken).toHaveBeenCalledTimes(1)
  })
})
