// @vitest-environment node
// Node's own fetch, AbortController and streams: jsdom's AbortSignal is foreign to Node's fetch.
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { createIdmTokenFetcher, type TokenRequest } from '../../src/core/index.js'
import {
  ALTERNATE_TOKEN_PATH,
  createIdmEmulator,
  createIdmHandlers,
  DEMO_PASSWORD,
  DEMO_PIN,
} from '../../src/testing/index.js'

const ORIGIN = 'http://idm.test'
const emulator = createIdmEmulator()
const server = setupServer(...createIdmHandlers(emulator, { origin: ORIGIN }))

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterEach(() => emulator.reset())
afterAll(() => server.close())

const fetchToken = createIdmTokenFetcher({ baseUrl: ORIGIN, clientId: 'demo-client' })
const ask = (request: Partial<TokenRequest> & { username: string }, fetcher = fetchToken) =>
  fetcher({ password: DEMO_PASSWORD, ...request }, new AbortController().signal)

describe('given the MSW handlers and the real token fetcher', () => {
  it('signs demo in with a token', async () => {
    const outcome = await ask({ username: 'demo' })
    expect(outcome).toMatchObject({ type: 'success', code: 'STS_0000', status: 200 })
    if (outcome.type !== 'success') throw new Error('expected a token')
    expect(outcome.token.accessToken).toMatch(/^[0-9a-f]{64}$/)
    expect(outcome.token.raw.acces_token).toBe(outcome.token.accessToken)
    expect(outcome.token).toMatchObject({ tokenType: 'bearer', expiresIn: 31_535_999 })
  })

  it('runs the two-factor login in two requests', async () => {
    expect(await ask({ username: 'mfa' })).toMatchObject({ type: 'result', code: 'STS_0011' })
    expect(await ask({ username: 'mfa', pin: '000000' })).toMatchObject({ code: 'STS_0013' })
    expect(await ask({ username: 'mfa', pin: DEMO_PIN })).toMatchObject({ type: 'success' })
  })

  it('reports a wrong password with the server sentence, then a captcha request', async () => {
    const first = await ask({ username: 'demo', password: 'nope' })
    expect(first).toMatchObject({
      type: 'result',
      code: 'STS_0002',
      status: 400,
      captchaRequired: false,
      serverMessage: 'Password is incorrect.',
    })
    await ask({ username: 'demo', password: 'nope' })
    const third = await ask({ username: 'demo', password: 'nope' })
    expect(third).toMatchObject({ code: 'STS_0002', captchaRequired: true })
  })

  it('passes the server failures and an unknown code through', async () => {
    expect(await ask({ username: 'server-error' })).toMatchObject({ code: 'STS_9999', status: 500 })
    expect(await ask({ username: 'future' })).toMatchObject({
      type: 'unknownCode',
      code: 'STS_0042',
    })
  })

  it('answers on the alternate token path and without a client id', async () => {
    const alternate = createIdmTokenFetcher({
      baseUrl: ORIGIN,
      tokenPath: ALTERNATE_TOKEN_PATH,
      clientId: 'demo-client',
    })
    expect(await ask({ username: 'demo' }, alternate)).toMatchObject({ type: 'success' })
    const anonymous = createIdmTokenFetcher({ baseUrl: ORIGIN })
    expect(await ask({ username: 'demo' }, anonymous)).toMatchObject({ code: 'STS_0019' })
  })

  it('serves the password check to a plain fetch', async () => {
    const response = await fetch(`${ORIGIN}/api/password/check`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', client_id: 'demo-client' },
      body: JSON.stringify({ Password: 'lowercase' }),
    })
    expect(response.status).toBe(200)
    const body = (await response.json()) as { ErrorList: { ResultCode: string }[] }
    expect(body.ErrorList.map((error) => error.ResultCode)).toEqual([
      'PAS_0005',
      'PAS_0006',
      'PAS_0007',
    ])
  })

  it('answers an oversized body with 413 without reading all of it', async () => {
    const response = await fetch(`${ORIGIN}/legacy/sts/api/oauth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: `username=demo&pad=${'x'.repeat(40_000)}`,
    })
    expect(response.status).toBe(413)
    expect(await response.json()).toMatchObject({ result_code: 'GLB_0002' })
  })
})

describe('given handlers without an origin', () => {
  const anyOrigin = setupServer(...createIdmHandlers(createIdmEmulator()))

  it('answers the emulator paths on any origin', async () => {
    server.close()
    anyOrigin.listen({ onUnhandledRequest: 'error' })
    try {
      const fetcher = createIdmTokenFetcher({
        baseUrl: 'https://elsewhere.test',
        clientId: 'demo-client',
      })
      expect(await ask({ username: 'demo' }, fetcher)).toMatchObject({ type: 'success' })
    } finally {
      anyOrigin.close()
      server.listen({ onUnhandledRequest: 'error' })
    }
  })
})
