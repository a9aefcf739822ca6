import { act, renderHook, screen } from '@testing-library/react'
import { HttpResponse, http } from 'msw'
import { afterEach, describe, expect, it, vi } from 'vitest'
import {
  RESULT_CODES,
  type ResultCode,
  type TokenFetcher,
  type TokenOutcome,
  type TokenRequest,
  useLoginFlow,
} from '../../src/index.js'
import { DEMO_PASSWORD } from '../../src/testing/index.js'
import { startEmulatorServer } from '../support/emulatorServer.js'
import {
  english,
  failOnUnhandledRejections,
  renderFlow,
  signIn,
  TOKEN_URL,
  watchConsole,
} from './support.js'

const { server } = startEmulatorServer()
failOnUnhandledRejections()

afterEach(() => {
  server.events.removeAllListeners()
  vi.restoreAllMocks()
})

const codesOf = (kind: string) =>
  (Object.keys(RESULT_CODES) as ResultCode[]).filter((code) => RESULT_CODES[code].kind === kind)
const STOP_CODES = codesOf('stop')
const MISCONFIGURED_CODES = codesOf('misconfigured')

/** Counts the requests to the token endpoint and answers each with `resultCode`. */
function answerAlways(resultCode: string) {
  let count = 0
  server.use(
    http.post(TOKEN_URL, () => {
      count++
      return HttpResponse.json({ result_code: resultCode, error: 'x' }, { status: 400 })
    }),
  )
  return () => count
}

describe.each([
  ['stop', STOP_CODES, "You can't sign in right now", 'Back to sign-in'],
  ['configuration', MISCONFIGURED_CODES, 'Sign-in is unavailable', 'Try again'],
])('given a %s code', (_kind, codes, title, back) => {
  it.each(codes)('shows %s with no form left to submit until the user goes back', async (code) => {
    watchConsole()
    const requests = answerAlways(code)
    const { user, container } = renderFlow()
    await signIn(user, 'ada', 'pw')

    expect(await screen.findByRole('heading', { name: title })).toBeInTheDocument()
    expect(screen.getByText(english(`errors.${code}`))).toBeInTheDocument()
    expect(container.querySelector('form, input, textarea, select, [type="submit"]')).toBeNull()
    expect(screen.getAllByRole('button').map((button) => button.textContent)).toEqual([back])
    await user.keyboard('{Enter}')
    expect(requests()).toBe(1)

    await user.click(screen.getByRole('button', { name: back }))
    expect(await screen.findByLabelText('Password')).toHaveValue('')
    expect(screen.getByLabelText('Username or e-mail')).toHaveValue('ada')
    expect(requests()).toBe(1)
  })
})

/** A fetchToken that answers from a script and records every request. */
function scripted(...answers: TokenOutcome[]) {
  const requests: TokenRequest[] = []
  const fetchToken = vi.fn<TokenFetcher>(async (request) => {
    requests.push(request)
    return answers.shift() ?? { type: 'networkError' }
  })
  return { fetchToken, requests }
}

const answer = (code: string, captchaRequired = false): TokenOutcome =>
  ({ type: 'result', code, status: 400, captchaRequired }) as TokenOutcome

async function settled(action: () => unknown) {
  let value: unknown
  await act(async () => {
    value = action()
  })
  await act(async () => {
    await new Promise((resolve) => setTimeout(resolve, 0))
  })
  return value
}

describe('given the headless hook after a stop', () => {
  it.each(STOP_CODES)('refuses every submit after %s, and sends nothing', async (code) => {
    watchConsole()
    const { fetchToken } = scripted(answer(code))
    const { result } = renderHook(() =>
      useLoginFlow({ fetchToken, changePassword: async () => ({ ok: true }) }),
    )
    await settled(() => result.current.submitCredentials({ username: 'ada', password: 'pw' }))
    expect(result.current.step).toBe('stopped')

    const attempts = [
      result.current.submitCredentials({ username: 'ada', password: 'pw' }),
      result.current.submitCredentials({ username: 'other', password: 'pw', captcha: 'c' }),
      result.current.submitPin({ pin: '123456' }),
      result.current.resendPin(),
      result.current.changePassword({ newPassword: 'N3w-Password!' }),
    ]
    await settled(() => undefined)
    expect(attempts).toEqual([false, false, false, false, false])
    expect(fetchToken).toHaveBeenCalledTimes(1)
    expect(result.current.step).toBe('stopped')

    act(() => result.current.restart())
    expect(
      await settled(() => result.current.submitCredentials({ username: 'a', password: 'b' })),
    ).toBe(true)
    expect(fetchToken).toHaveBeenCalledTimes(2)
  })

  it('stops on STS_0004 from the PIN step too', async () => {
    const { fetchToken } = scripted(answer('STS_0011'), answer('STS_0004'))
    const { result } = renderHook(() => useLoginFlow({ fetchToken }))
    await settled(() => result.current.submitCredentials({ username: 'ada', password: 'pw' }))
    await settled(() => result.current.submitPin({ pin: '123456' }))
    expect(result.current.step).toBe('stopped')
    expect(result.current.submitPin({ pin: '123456' })).toBe(false)
    expect(result.current.resendPin()).toBe(false)
    expect(fetchToken).toHaveBeenCalledTimes(2)
  })
})

describe('given a server that asks for a captcha', () => {
  it('sends nothing without the captcha, and the captcha with the next request', async () => {
    watchConsole()
    const { fetchToken, requests } = scripted(answer('STS_0002', true), answer('STS_0002', true))
    const { result } = renderHook(() => useLoginFlow({ fetchToken, captchaField: 'g-recaptcha' }))
    await settled(() => result.current.submitCredentials({ username: 'ada', password: 'pw' }))
    expect(result.current.isCaptchaRequired).toBe(true)

    expect(result.current.submitCredentials({ username: 'ada', password: 'pw' })).toBe(false)
    expect(result.current.submitCredentials({ username: 'ada', password: 'pw', captcha: '' })).toBe(
      false,
    )
    expect(fetchToken).toHaveBeenCalledTimes(1)

    await settled(() =>
      result.current.submitCredentials({ username: 'ada', password: 'pw', captcha: 'answer-1' }),
    )
    expect(requests[1]?.fields).toEqual({ 'g-recaptcha': 'answer-1' })

    // A captcha answer is spent by its request: the next one needs a new answer.
    expect(result.current.isCaptchaRequired).toBe(true)
    expect(result.current.submitCredentials({ username: 'ada', password: 'pw' })).toBe(false)
    expect(fetchToken).toHaveBeenCalledTimes(2)
  })

  it('holds back the PIN and the resend without the captcha as well', async () => {
    watchConsole()
    const { fetchToken, requests } = scripted(answer('STS_0011'), answer('STS_0013', true))
    const { result } = renderHook(() => useLoginFlow({ fetchToken }))
    await settled(() => result.current.submitCredentials({ username: 'ada', password: 'pw' }))
    await settled(() => result.current.submitPin({ pin: '000000' }))
    expect(result.current.isCaptchaRequired).toBe(true)
    expect(result.current.submitPin({ pin: '123456' })).toBe(false)
    expect(result.current.resendPin()).toBe(false)
    expect(fetchToken).toHaveBeenCalledTimes(2)
    await settled(() => result.current.resendPin({ captcha: 'c-2' }))
    expect(requests[2]?.fields).toEqual({ captcha: 'c-2' })
    expect(requests[2]?.pin).toBeUndefined()
  })

  it('through <LoginFlow>: wrong passwords lead to a captcha, then to the lock', async () => {
    watchConsole()
    const bodies: URLSearchParams[] = []
    server.events.on('request:start', ({ request }) => {
      void request
        .clone()
        .text()
        .then((text) => bodies.push(new URLSearchParams(text)))
    })
    const { user, container } = renderFlow({
      renderCaptcha: ({ onChange }) => (
        <button type="button" onClick={() => onChange('human')}>
          I am human
        </button>
      ),
    })
    // The emulator asks for a captcha from the third wrong password and locks at the fifth.
    for (let attempt = 1; attempt <= 3; attempt++) {
      await signIn(user, 'demo', `wrong-${attempt}`)
      await screen.findByText(english('errors.STS_0002'))
    }
    expect(bodies).toHaveLength(3)
    await signIn(user, 'demo', 'wrong-4')
    expect(await screen.findByText(english('captcha.required'))).toBeInTheDocument()
    expect(bodies).toHaveLength(3)

    await user.click(screen.getByRole('button', { name: 'I am human' }))
    await signIn(user, 'demo', 'wrong-4')
    await vi.waitFor(() => expect(bodies).toHaveLength(4))
    expect(bodies[3]?.get('captcha')).toBe('human')

    await user.click(await screen.findByRole('button', { name: 'I am human' }))
    await signIn(user, 'demo', DEMO_PASSWORD.replace('!', '?'))
    expect(await screen.findByText(english('errors.STS_0004'))).toBeInTheDocument()
    expect(container.querySelector('form')).toBeNull()
  })
})
