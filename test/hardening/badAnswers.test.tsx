import { act, renderHook, screen, waitFor } from '@testing-library/react'
import { HttpResponse, http } from 'msw'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import {
  createIdmTokenFetcher,
  initialLoginState,
  type LoginState,
  outcomeEvent,
  type TokenFetcher,
  type TokenOutcome,
  transition,
  useLoginFlow,
} from '../../src/index.js'
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

/** Answers held back by a test, released after it so that no handler outlives its test. */
const held: (() => void)[] = []
afterEach(() => {
  for (const release of held.splice(0)) release()
  vi.unstubAllEnvs()
  vi.restoreAllMocks()
})

const STATUSES = [200, 400, 401, 403, 404, 429, 500, 502, 503, 504] as const

/** Three megabytes of a body that would parse as STS_0002, were it read to the end. */
const HUGE = `{"error":"${'x'.repeat(3 * 1024 * 1024)}","result_code":"STS_0002"}`

const NGINX_502 =
  '<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body>' +
  '<center><h1>502 Bad Gateway</h1></center><hr><center>nginx/1.25.3</center></body></html>'

interface BadBody {
  name: string
  body: string
  type: string
  /** What the outcome must match. */
  outcome: Partial<TokenOutcome>
  /** The English message the user sees. */
  message: string
  /** Server text that must never reach the page. */
  hidden?: string
}

const unreadable = english('errors.invalidResponse')

const BODIES: BadBody[] = [
  {
    name: 'an empty body',
    body: '',
    type: 'text/plain',
    outcome: { type: 'invalidResponse', reason: 'empty' },
    message: unreadable,
  },
  {
    name: 'plain text',
    body: 'Service Unavailable: upstream overloaded',
    type: 'text/plain',
    outcome: { type: 'invalidResponse', reason: 'notJson' },
    message: unreadable,
    hidden: 'upstream overloaded',
  },
  {
    name: 'an HTML page',
    body: NGINX_502,
    type: 'text/html',
    outcome: { type: 'invalidResponse', reason: 'html' },
    message: unreadable,
    hidden: 'nginx',
  },
  {
    name: 'truncated JSON',
    body: '{"error":"Two-factor pin is inv',
    type: 'application/json',
    outcome: { type: 'invalidResponse', reason: 'notJson' },
    message: unreadable,
    hidden: 'Two-factor pin',
  },
  {
    name: 'a JSON array',
    body: '[{"result_code":"STS_0000","access_token":"array-token"}]',
    type: 'application/json',
    outcome: { type: 'invalidResponse', reason: 'notObject' },
    message: unreadable,
  },
  {
    name: 'a JSON string',
    body: '"STS_0002"',
    type: 'application/json',
    outcome: { type: 'invalidResponse', reason: 'notObject' },
    message: unreadable,
  },
  {
    name: 'JSON null',
    body: 'null',
    type: 'application/json',
    outcome: { type: 'invalidResponse', reason: 'notObject' },
    message: unreadable,
  },
  {
    name: 'JSON without result_code',
    body: '{"error":"invalid_grant","error_description":"Bad credentials, mate"}',
    type: 'application/json',
    outcome: { type: 'invalidResponse', reason: 'noCode' },
    message: unreadable,
    hidden: 'Bad credentials',
  },
  {
    name: 'a result_code that is not a string',
    body: '{"result_code":2,"error":"Password is incorrect."}',
    type: 'application/json',
    outcome: { type: 'invalidResponse', reason: 'noCode' },
    message: unreadable,
    hidden: 'Password is incorrect',
  },
  {
    name: 'an unknown code',
    body: '{"result_code":"STS_0042","error":"Quantum flux overload.","request_captcha":false}',
    type: 'application/json',
    outcome: { type: 'unknownCode', code: 'STS_0042' },
    message: english('errors.unknownCode', { code: 'STS_0042' }),
    hidden: 'Quantum flux',
  },
  {
    name: 'a 3 MB body',
    body: HUGE,
    type: 'application/json',
    outcome: { type: 'invalidResponse', reason: 'tooLarge' },
    message: unreadable,
  },
  {
    name: 'a success body without a token',
    body: '{"result_code":"STS_0000","token_type":"bearer","expires_in":31535999}',
    type: 'application/json',
    outcome: { type: 'invalidResponse', reason: 'noToken' },
    message: unreadable,
  },
]

function answerWith(status: number, bad: BadBody) {
  server.use(
    http.post(TOKEN_URL, () => {
      return new HttpResponse(bad.body, { status, headers: { 'content-type': bad.type } })
    }),
  )
}

const pendingCredentials = transition(initialLoginState(), {
  type: 'CREDENTIALS.SUBMIT',
  username: 'ada',
})

const MATRIX = STATUSES.flatMap((status) => BODIES.map((bad) => ({ status, name: bad.name, bad })))

describe(`given every status × body (${MATRIX.length} combinations) at the fetcher`, () => {
  const fetchToken = createIdmTokenFetcher({
    url: TOKEN_URL,
    clientId: 'demo-client',
    timeoutMs: 5000,
  })

  it.each(MATRIX)(
    'reads status $status with $name as an error on the same step',
    async ({ status, bad }) => {
      answerWith(status, bad)
      const outcome = await fetchToken(
        { username: 'ada', password: 'pw' },
        new AbortController().signal,
      )
      expect(outcome).toMatchObject({ ...bad.outcome, status, captchaRequired: false })

      const next = transition(pendingCredentials, outcomeEvent(outcome)) as Extract<
        LoginState,
        { step: 'credentials' }
      >
      expect(next).toMatchObject({ step: 'credentials', pending: null, username: 'ada' })
      const code = next.error?.code ?? ''
      expect(english(next.error?.messageKey ?? 'missing', { code })).toBe(bad.message)
    },
  )

  it('stops reading a never-ending stream at 1 MB, declared length or not', async () => {
    let sent = 0
    server.use(
      http.post(TOKEN_URL, () => {
        const chunk = new TextEncoder().encode('x'.repeat(64 * 1024))
        const stream = new ReadableStream<Uint8Array>({
          pull(controller) {
            // Bounded, so that a broken limit fails the test instead of hanging it.
            if (sent > 64 * 1024 * 1024) return controller.close()
            sent += chunk.byteLength
            controller.enqueue(chunk)
          },
        })
        return new HttpResponse(stream, { status: 200 })
      }),
    )
    const outcome = await fetchToken({ username: 'a', password: 'b' }, new AbortController().signal)
    expect(outcome).toMatchObject({ type: 'invalidResponse', reason: 'tooLarge' })
    expect(sent).toBeLessThan(4 * 1024 * 1024)
  })
})

/** A representative subset through the UI: every body once and every status once. */
const UI_CASES = [
  ...BODIES.map((bad, index) => ({ status: STATUSES[index % STATUSES.length] ?? 500, bad })),
  ...STATUSES.map((status, index) => ({ status, bad: BODIES[(index + 5) % BODIES.length] })),
].map(({ status, bad }) => ({ status, name: (bad as BadBody).name, bad: bad as BadBody }))

describe(`given a bad answer through <LoginFlow> (${UI_CASES.length} cases, production)`, () => {
  beforeEach(() => {
    vi.stubEnv('NODE_ENV', 'production')
  })

  it.each(UI_CASES)(
    'shows a calm message for status $status with $name',
    async ({ status, bad }) => {
      const output = watchConsole()
      answerWith(status, bad)
      const { user, container, onSuccess } = renderFlow()
      await signIn(user, 'ada.lovelace', 'S3cret!')

      expect(await screen.findByRole('alert')).toHaveTextContent(bad.message)
      expect(screen.getByRole('heading', { name: 'Sign in' })).toBeInTheDocument()
      expect(screen.getByLabelText('Username or e-mail')).toHaveValue('ada.lovelace')
      expect(screen.getByLabelText('Password')).toBeEnabled()
      const submit = screen.getByRole('button', { name: 'Sign in' })
      expect(submit).not.toHaveAttribute('aria-disabled')
      expect(container.querySelector('form')).toHaveAttribute('data-state', 'idle')
      if (bad.hidden) expect(container.textContent).not.toContain(bad.hidden)
      expect(onSuccess).not.toHaveBeenCalled()
      expect(output.error).not.toHaveBeenCalled()
    },
  )

  it('lets the user try again after a bad answer, and signs in', async () => {
    answerWith(502, BODIES[2] as BadBody)
    const { user, onSuccess } = renderFlow()
    await signIn(user, 'demo', DEMO_PASSWORD)
    await screen.findByRole('alert')
    server.resetHandlers()
    await signIn(user, 'demo', DEMO_PASSWORD)
    await screen.findByRole('heading', { name: 'You are signed in' })
    expect(onSuccess).toHaveBeenCalledTimes(1)
  })
})

describe('given a request that gets no answer', () => {
  beforeEach(() => {
    vi.stubEnv('NODE_ENV', 'production')
  })

  async function expectFormError(message: string, props: Parameters<typeof renderFlow>[0] = {}) {
    const output = watchConsole()
    const { user } = renderFlow(props)
    await signIn(user, 'ada', 'pw')
    expect(await screen.findByRole('alert')).toHaveTextContent(message)
    expect(screen.getByLabelText('Username or e-mail')).toHaveValue('ada')
    expect(screen.getByRole('button', { name: 'Sign in' })).not.toHaveAttribute('aria-disabled')
    expect(output.error).not.toHaveBeenCalled()
  }

  it('says the server could not be reached on a network failure', async () => {
    server.use(http.post(TOKEN_URL, () => HttpResponse.error()))
    await expectFormError(english('errors.network'))
  })

  it('says the same when the browser refuses the answer (CORS: a TypeError)', async () => {
    const refuse: typeof fetch = () => Promise.reject(new TypeError('Failed to fetch'))
    await expectFormError(english('errors.network'), { idm: { fetch: refuse } })
  })

  it('says the same when a custom fetchToken throws', async () => {
    const fetchToken: TokenFetcher = () => Promise.reject(new Error('backend exploded'))
    await expectFormError(english('errors.network'), { fetchToken })
  })

  it('says the server took too long after timeoutMs', async () => {
    const answer = gate()
    held.push(() => answer.open())
    server.use(
      http.post(TOKEN_URL, async () => {
        await answer.promise
        return HttpResponse.json({ access_token: 'too-late' })
      }),
    )
    await expectFormError(english('errors.timeout'), { idm: { timeoutMs: 200 } })
  })

  it('times out on an answer whose body never ends', async () => {
    server.use(
      http.post(TOKEN_URL, () => {
        const stream = new ReadableStream<Uint8Array>({
          start(controller) {
            controller.enqueue(new TextEncoder().encode('{"access_token":"'))
          },
        })
        return new HttpResponse(stream, { status: 200 })
      }),
    )
    await expectFormError(english('errors.timeout'), { idm: { timeoutMs: 200 } })
  })
})

describe('given an answer that arrives after the user moved on', () => {
  it('ignores a PIN answer that arrives after "Use a different account"', async () => {
    const { user, onSuccess, onError } = renderFlow()
    await signIn(user, 'mfa', DEMO_PASSWORD)
    await user.type(await screen.findByLabelText('Verification code'), DEMO_PIN)

    const answer = gate()
    held.push(() => answer.open())
    server.use(
      http.post(TOKEN_URL, async () => {
        await answer.promise
        return HttpResponse.json({ access_token: 'late', token_type: 'bearer' })
      }),
    )
    await user.click(screen.getByRole('button', { name: 'Verify' }))
    await user.click(screen.getByRole('button', { name: 'Use a different account' }))
    expect(await screen.findByRole('heading', { name: 'Sign in' })).toBeInTheDocument()

    answer.open()
    await delay(50)
    expect(screen.getByRole('heading', { name: 'Sign in' })).toBeInTheDocument()
    expect(screen.queryByRole('alert')).toBeNull()
    expect(onSuccess).not.toHaveBeenCalled()
    expect(onError).not.toHaveBeenCalled()
  })

  it('ignores an answer that arrives after unmount, without errors', async () => {
    const output = watchConsole()
    let answered = 0
    const answer = gate()
    held.push(() => answer.open())
    server.use(
      http.post(TOKEN_URL, async () => {
        await answer.promise
        answered++
        return HttpResponse.json({ access_token: 'late' })
      }),
    )
    const { user, onSuccess, unmount } = renderFlow()
    await signIn(user, 'ada', 'pw')
    unmount()
    answer.open()
    await delay(50)
    expect(answered).toBe(1)
    expect(onSuccess).not.toHaveBeenCalled()
    expect(output.error).not.toHaveBeenCalled()
  })

  it.each(['restart', 'unmount'] as const)(
    'ignores a late success from a fetchToken that disregards the abort signal (%s)',
    async (event) => {
      const answer = gate<TokenOutcome>()
      const fetchToken: TokenFetcher = () => answer.promise
      const onSuccess = vi.fn()
      const { result, unmount } = renderHook(() => useLoginFlow({ fetchToken, onSuccess }))
      act(() => {
        result.current.submitCredentials({ username: 'ada', password: 'pw' })
      })
      expect(result.current.isSubmitting).toBe(true)
      if (event === 'restart') act(() => result.current.restart())
      else unmount()

      await act(async () => {
        answer.open({
          type: 'success',
          code: 'STS_0000',
          status: 200,
          captchaRequired: false,
          token: { accessToken: 'late', raw: {} },
        })
        await delay(10)
      })
      expect(onSuccess).not.toHaveBeenCalled()
      if (event === 'restart') {
        expect(result.current.step).toBe('credentials')
        expect(result.current.isSubmitting).toBe(false)
      }
    },
  )
})

describe('given a custom fetchToken that breaks its contract', () => {
  it.each([
    ['undefined', undefined],
    ['null', null],
    ['a string', 'ok'],
    ['an object of no known type', { type: 'teapot' }],
  ])('ends the request with an error when it resolves to %s', async (_name, value) => {
    const fetchToken = (() => Promise.resolve(value)) as unknown as TokenFetcher
    const { result } = renderHook(() => useLoginFlow({ fetchToken }))
    act(() => {
      result.current.submitCredentials({ username: 'ada', password: 'pw' })
    })
    await waitFor(() => expect(result.current.isSubmitting).toBe(false))
    expect(result.current.step).toBe('credentials')
    expect(result.current.error?.messageKey).toBe('errors.network')
  })
})
