import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { act, renderHook } from '@testing-library/react'
import type { ReactNode } from 'react'
import { describe, expect, it, vi } from 'vitest'
import type { TokenFetcher, TokenOutcome, TokenRequest } from '../../src/core/index.js'
import { type ChangePassword, type UseLoginFlowOptions, useLoginFlow } from '../../src/index.js'

const TOKEN = { accessToken: 'tok-1', tokenType: 'bearer', raw: { access_token: 'tok-1' } }
const SUCCESS: TokenOutcome = {
  type: 'success',
  code: 'STS_0000',
  token: TOKEN,
  status: 200,
  captchaRequired: false,
}
const answer = (code: string): TokenOutcome =>
  ({ type: 'result', code, status: 400, captchaRequired: false }) as TokenOutcome

/** A fetcher whose answers the test hands out one by one, recording what it was asked. */
function controlledFetcher() {
  const calls: { request: TokenRequest; signal: AbortSignal }[] = []
  const pending: ((outcome: TokenOutcome) => void)[] = []
  const fetchToken = vi.fn<TokenFetcher>(
    (request, signal) =>
      new Promise((resolve) => {
        calls.push({ request, signal })
        pending.push(resolve)
      }),
  )
  /** Settles the oldest open request, inside act so React applies the result. */
  const respond = async (outcome: TokenOutcome) => {
    const resolve = pending.shift()
    if (!resolve) throw new Error('no request is open')
    await act(async () => resolve(outcome))
  }
  /** Waits until `count` requests have reached the fetcher (the mutation starts them async). */
  const requested = (count: number) => vi.waitFor(() => expect(calls).toHaveLength(count))
  return { fetchToken, calls, respond, requested }
}

/** Lets every queued promise and timer callback run, so a retry would have happened. */
const settle = () => act(() => new Promise((resolve) => setTimeout(resolve, 30)))

function renderFlow(options: UseLoginFlowOptions) {
  return renderHook(() => useLoginFlow(options))
}

describe('given a custom fetchToken', () => {
  it('sends one request with the credentials and reports isSubmitting while it runs', async () => {
    const { fetchToken, calls, respond, requested } = controlledFetcher()
    const onSuccess = vi.fn()
    const { result } = renderFlow({ fetchToken, onSuccess })
    expect(result.current.isSubmitting).toBe(false)

    let started = false
    act(() => {
      started = result.current.submitCredentials({ username: 'ada', password: 'pw-1' })
    })
    expect(started).toBe(true)
    expect(result.current.isSubmitting).toBe(true)
    await requested(1)
    expect(result.current.isSubmitting).toBe(true)
    expect(calls[0]?.request).toEqual({ username: 'ada', password: 'pw-1' })

    let second = true
    act(() => {
      second = result.current.submitCredentials({ username: 'ada', password: 'pw-1' })
    })
    expect(second).toBe(false)
    expect(fetchToken).toHaveBeenCalledTimes(1)

    await respond(SUCCESS)
    expect(result.current.isSubmitting).toBe(false)
    expect(result.current.step).toBe('signedIn')
    expect(result.current.isSignedIn).toBe(true)
    expect(onSuccess).toHaveBeenCalledWith(TOKEN, { username: 'ada' })
  })

  it('sends the password again with the PIN, and the PIN only then', async () => {
    const { fetchToken, calls, respond, requested } = controlledFetcher()
    const { result } = renderFlow({ fetchToken })
    act(() => void result.current.submitCredentials({ username: 'ada', password: 'pw-1' }))
    await requested(1)
    await respond(answer('STS_0011'))
    expect(result.current.step).toBe('twoFactor')

    act(() => void result.current.submitPin({ pin: '999999' }))
    await requested(2)
    expect(calls[1]?.request).toEqual({ username: 'ada', password: 'pw-1', pin: '999999' })
    await respond(answer('STS_0013'))
    expect(result.current.error).toMatchObject({ messageKey: 'errors.STS_0013', target: 'pin' })

    act(() => void result.current.resendPin())
    expect(result.current.isResending).toBe(true)
    await requested(3)
    expect(calls[2]?.request).toEqual({ username: 'ada', password: 'pw-1' })
  })

  it('turns a fetcher that throws into the network error message', async () => {
    const fetchToken = vi.fn<TokenFetcher>(async () => {
      throw new TypeError('Failed to fetch')
    })
    const onError = vi.fn()
    const { result } = renderFlow({ fetchToken, onError })
    act(() => void result.current.submitCredentials({ username: 'ada', password: 'pw-1' }))
    await settle()
    expect(result.current.step).toBe('credentials')
    expect(result.current.isSubmitting).toBe(false)
    expect(result.current.error).toMatchObject({ messageKey: 'errors.network', target: 'form' })
    expect(onError).toHaveBeenCalledWith({ step: 'credentials', messageKey: 'errors.network' })
  })

  it.each([
    ['a thrown error', async () => Promise.reject(new Error('boom'))],
    ['a server error', async () => answer('STS_9999')],
    ['a network failure', async (): Promise<TokenOutcome> => ({ type: 'networkError' })],
    ['a timeout', async (): Promise<TokenOutcome> => ({ type: 'timeout' })],
  ])('never retries after %s', async (_, outcome) => {
    const fetchToken = vi.fn<TokenFetcher>(outcome)
    // A host client that would retry, to prove the flow switches retries off itself.
    const client = new QueryClient({ defaultOptions: { mutations: { retry: 3, retryDelay: 1 } } })
    const wrapper = ({ children }: { children: ReactNode }) => (
      <QueryClientProvider client={client}>{children}</QueryClientProvider>
    )
    const { result } = renderHook(() => useLoginFlow({ fetchToken }), { wrapper })
    act(() => void result.current.submitCredentials({ username: 'ada', password: 'pw-1' }))
    await settle()
    await settle()
    expect(result.current.error).not.toBeNull()
    expect(fetchToken).toHaveBeenCalledTimes(1)
  })
})

describe('given an answer that arrives late', () => {
  it('ignores it after restart(), and aborts the request', async () => {
    const { fetchToken, calls, respond, requested } = controlledFetcher()
    const onSuccess = vi.fn()
    const onStepChange = vi.fn()
    const { result } = renderFlow({ fetchToken, onSuccess, onStepChange })
    act(() => void result.current.submitCredentials({ username: 'ada', password: 'pw-1' }))
    await requested(1)
    act(() => result.current.restart())
    expect(calls[0]?.signal.aborted).toBe(true)
    expect(result.current.isSubmitting).toBe(false)

    await respond(SUCCESS)
    expect(result.current.step).toBe('credentials')
    expect(result.current.state.username).toBe('ada')
    expect(onSuccess).not.toHaveBeenCalled()
    expect(onStepChange).not.toHaveBeenCalled()
  })

  it('ignores a late PIN answer after restart(), and the next login starts clean', async () => {
    const { fetchToken, calls, respond, requested } = controlledFetcher()
    const { result } = renderFlow({ fetchToken })
    act(() => void result.current.submitCredentials({ username: 'ada', password: 'pw-1' }))
    await requested(1)
    await respond(answer('STS_0011'))
    act(() => void result.current.submitPin({ pin: '123456' }))
    await requested(2)
    act(() => result.current.restart())
    await respond(SUCCESS)
    expect(result.current.step).toBe('credentials')

    act(() => void result.current.submitCredentials({ username: 'bob', password: 'pw-2' }))
    await requested(3)
    expect(calls[2]?.request).toEqual({ username: 'bob', password: 'pw-2' })
  })

  it('ignores it after unmount, and aborts the request', async () => {
    const { fetchToken, calls, respond, requested } = controlledFetcher()
    const onSuccess = vi.fn()
    const onError = vi.fn()
    const { result, unmount } = renderFlow({ fetchToken, onSuccess, onError })
    act(() => void result.current.submitCredentials({ username: 'ada', password: 'pw-1' }))
    await requested(1)
    unmount()
    expect(calls[0]?.signal.aborted).toBe(true)
    await respond(SUCCESS)
    expect(onSuccess).not.toHaveBeenCalled()
    expect(onError).not.toHaveBeenCalled()
  })
})

describe('given a changePassword that does not keep to its type (plain JavaScript)', () => {
  it.each([
    [
      'throws before returning a promise',
      () => {
        throw new Error('down')
      },
    ],
    ['resolves to nothing', async () => undefined],
  ])('reports a failed change when it %s, and takes another try', async (_, change) => {
    const { fetchToken, respond, requested } = controlledFetcher()
    const onError = vi.fn()
    const changePassword = vi.fn(change) as unknown as ChangePassword
    const { result } = renderFlow({ fetchToken, onError, changePassword })
    act(() => void result.current.submitCredentials({ username: 'ada', password: 'pw-1' }))
    await requested(1)
    await respond(answer('STS_0009'))
    expect(result.current.step).toBe('passwordExpired')

    act(() => void result.current.changePassword({ newPassword: 'New-Pass-2026' }))
    await settle()
    expect(result.current.step).toBe('passwordExpired')
    expect(result.current.isSubmitting).toBe(false)
    expect(result.current.error).toMatchObject({ messageKey: 'errors.passwordChangeFailed' })
    expect(onError).toHaveBeenCalledWith({
      step: 'passwordExpired',
      messageKey: 'errors.passwordChangeFailed',
    })

    let again = false
    act(() => {
      again = result.current.changePassword({ newPassword: 'New-Pass-2027' })
    })
    expect(again).toBe(true)
    await settle()
    expect(changePassword).toHaveBeenCalledTimes(2)
    expect(result.current.isSubmitting).toBe(false)
  })
})

describe('given the captcha', () => {
  it('refuses a submit without one once asked, and sends it under its field', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined)
    const { fetchToken, calls, respond, requested } = controlledFetcher()
    const { result } = renderFlow({ fetchToken })
    act(() => void result.current.submitCredentials({ username: 'ada', password: 'pw-1' }))
    await requested(1)
    await respond({ ...answer('STS_0002'), captchaRequired: true } as TokenOutcome)
    expect(result.current.isCaptchaRequired).toBe(true)

    let started = true
    act(() => {
      started = result.current.submitCredentials({ username: 'ada', password: 'pw-2' })
    })
    expect(started).toBe(false)
    expect(fetchToken).toHaveBeenCalledTimes(1)

    act(() => {
      result.current.submitCredentials({ username: 'ada', password: 'pw-2', captcha: 'c-1' })
    })
    await requested(2)
    expect(calls[1]?.request).toEqual({
      username: 'ada',
      password: 'pw-2',
      fields: { captcha: 'c-1' },
    })
    vi.restoreAllMocks()
  })
})

describe('given a restart or unmount before the request has even started', () => {
  it('never hands a token to onSuccess after restart()', async () => {
    const fetchToken = vi.fn<TokenFetcher>(async () => SUCCESS)
    const onSuccess = vi.fn()
    const { result } = renderFlow({ fetchToken, onSuccess })
    act(() => {
      result.current.submitCredentials({ username: 'ada', password: 'pw-1' })
      result.current.restart()
    })
    await settle()
    expect(result.current.step).toBe('credentials')
    expect(fetchToken).not.toHaveBeenCalled()
    expect(onSuccess).not.toHaveBeenCalled()
  })

  it('never hands a token to onSuccess after unmount', async () => {
    const fetchToken = vi.fn<TokenFetcher>(async () => SUCCESS)
    const onSuccess = vi.fn()
    const { result, unmount } = renderFlow({ fetchToken, onSuccess })
    act(() => void result.current.submitCredentials({ username: 'ada', password: 'pw-1' }))
    unmount()
    await settle()
    expect(fetchToken).not.toHaveBeenCalled()
    expect(onSuccess).not.toHaveBeenCalled()
  })
})
