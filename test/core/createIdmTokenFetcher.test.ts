import type { IncomingHttpHeaders, Server, ServerResponse } from 'node:http'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { gzipSync } from 'node:zlib'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import {
  createIdmTokenFetcher,
  DEFAULT_TOKEN_PATH,
  type IdmTokenFetcherOptions,
  type TokenRequest,
} from '../../src/core/index.js'

interface Received {
  method: string
  url: string
  headers: IncomingHttpHeaders
  body: string
  form: URLSearchParams
}

type Handler = (request: Received, response: ServerResponse) => void

const SUCCESS = {
  access_token: 'at-0916',
  acces_token: 'at-0916',
  token_type: 'bearer',
  expires_in: 31535999,
  refresh_token: 'rt-0916',
}

const answerJson =
  (status: number, body: unknown): Handler =>
  (_request, response) => {
    response.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8' })
    response.end(typeof body === 'string' ? body : JSON.stringify(body))
  }

const neverAnswer: Handler = () => {}

let server: Server
let origin = ''
let handler: Handler = answerJson(200, SUCCESS)
let received: Received[] = []
let waiters: ((request: Received) => void)[] = []
const responses = new Set<ServerResponse>()

/** Resolves once the server has read the whole body of the next request. */
function nextArrival(): Promise<Received> {
  return new Promise((resolve) => waiters.push(resolve))
}

function listen(target: Server): Promise<number> {
  return new Promise((resolve) => {
    target.listen(0, '127.0.0.1', () => resolve((target.address() as AddressInfo).port))
  })
}

function close(target: Server): Promise<void> {
  target.closeAllConnections()
  return new Promise((resolve) => target.close(() => resolve()))
}

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8')
      const request: Received = {
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        body,
        form: new URLSearchParams(body),
      }
      received.push(request)
      // A fresh connection per request, so that no test reuses a socket another test tore down.
      res.setHeader('Connection', 'close')
      responses.add(res)
      handler(request, res)
      for (const wake of waiters.splice(0)) wake(request)
    })
  })
  origin = `http://127.0.0.1:${await listen(server)}`
})

afterEach(() => {
  // Only the sockets of answers a test left hanging: closing idle ones as well would race with
  // the spare connection the client keeps open, and fail the next test with a reset.
  for (const response of responses) {
    if (!response.writableFinished) response.socket?.destroy()
  }
  responses.clear()
  handler = answerJson(200, SUCCESS)
  received = []
  waiters = []
  vi.restoreAllMocks()
  vi.unstubAllEnvs()
})

afterAll(async () => {
  await close(server)
})

const ADA: TokenRequest = { username: 'ada', password: 'S3cret!' }

function fetcher(options: IdmTokenFetcherOptions = {}) {
  return createIdmTokenFetcher({ baseUrl: origin, timeoutMs: 3000, ...options })
}

function live(): AbortSignal {
  return new AbortController().signal
}

/** Sends one request and returns what the server received. */
async function send(
  request: TokenRequest = ADA,
  options: IdmTokenFetcherOptions = {},
): Promise<Received> {
  await expect(fetcher(options)(request, live())).resolves.toMatchObject({ type: 'success' })
  expect(received).toHaveLength(1)
  return received[0] as Received
}

/** A fetch that never answers and never looks at its signal, as some wrappers and mocks do. */
const deafFetch: typeof fetch = () => new Promise<Response>(() => {})

/** `promise`, or a rejection once `ms` have passed: a hung request fails the test quickly. */
function within<T>(promise: Promise<T>, ms: number): Promise<T> {
  return Promise.race([
    promise,
    delay(ms).then(() => Promise.reject(new Error(`still pending after ${ms} ms`))),
  ])
}

function silenceSecretWarning() {
  vi.spyOn(console, 'error').mockImplementation(() => {})
}

describe('given the address it posts to', () => {
  it('POSTs to baseUrl plus /legacy/sts/api/oauth/token, with no query string', async () => {
    const request = await send()
    expect(request.method).toBe('POST')
    expect(DEFAULT_TOKEN_PATH).toBe('/legacy/sts/api/oauth/token')
    expect(request.url).toBe('/legacy/sts/api/oauth/token')
  })

  it.each([
    ['', undefined, '/legacy/sts/api/oauth/token'],
    ['/', undefined, '/legacy/sts/api/oauth/token'],
    ['///', undefined, '/legacy/sts/api/oauth/token'],
    ['', '/api/legacy/sts/oauth/token', '/api/legacy/sts/oauth/token'],
    ['', 'api/legacy/sts/oauth/token', '/api/legacy/sts/oauth/token'],
    ['/', '/api/legacy/sts/oauth/token', '/api/legacy/sts/oauth/token'],
    ['/idm', '/api/token', '/idm/api/token'],
    ['/idm/', '//api/token', '/idm/api/token'],
    ['/idm//', 'api/token', '/idm/api/token'],
  ])('joins base%j and tokenPath %j into %s', async (suffix, tokenPath, path) => {
    const request = await send(ADA, { baseUrl: `${origin}${suffix}`, tokenPath })
    expect(request.url).toBe(path)
  })

  it('posts to url as given, ignoring baseUrl and tokenPath', async () => {
    const options = { url: `${origin}/api/login`, baseUrl: `${origin}/idm`, tokenPath: '/token' }
    const request = await send(ADA, options)
    expect(request.url).toBe('/api/login')
  })

  it('posts to the bare path when baseUrl is empty, for the page its own origin', async () => {
    const urls: string[] = []
    const relative: typeof fetch = (input, init) => {
      urls.push(String(input))
      return fetch(`${origin}${String(input)}`, init)
    }
    const request = await send(ADA, { baseUrl: '', fetch: relative })
    expect(urls).toEqual(['/legacy/sts/api/oauth/token'])
    expect(request.url).toBe('/legacy/sts/api/oauth/token')
  })
})

describe('given the body it sends', () => {
  it('sends a URL-encoded form that asks for JSON', async () => {
    const request = await send()
    const [mediaType, ...parameters] = (request.headers['content-type'] ?? '').split(';')
    expect(mediaType?.trim()).toBe('application/x-www-form-urlencoded')
    expect(parameters.map((p) => p.trim().toLowerCase())).toEqual(['charset=utf-8'])
    expect(request.headers.accept).toBe('application/json')
  })

  it('sends only grant_type, username and password when nothing else is configured', async () => {
    const request = await send()
    expect([...request.form.keys()].sort()).toEqual(['grant_type', 'password', 'username'])
    expect(request.form.get('grant_type')).toBe('password')
    expect(request.form.get('username')).toBe('ada')
    expect(request.form.get('password')).toBe('S3cret!')
  })

  it.each([
    'a&b',
    'a&password=evil',
    'p+q',
    'k=v=w',
    '100%',
    '%41%zz',
    'with inner spaces',
    '  leading and trailing  ',
    'ğüşİıçöĞÜŞÇÖ',
    '🔐 parola 🦄',
    'tab\tnew\nline',
    'quote"\'<>\\',
  ])('sends the password %j exactly as typed', async (password) => {
    const request = await send({ username: 'ayşe+test@örnek.com.tr', password })
    expect(request.form.getAll('password')).toEqual([password])
    expect(request.form.getAll('username')).toEqual(['ayşe+test@örnek.com.tr'])
    expect(request.form.getAll('grant_type')).toEqual(['password'])
  })

  it('keeps the password out of the address and the headers', async () => {
    const password = 'unique-Pa55word-marker'
    const request = await send({ username: 'ada', password })
    expect(request.url).not.toContain('?')
    expect(JSON.stringify(request.headers)).not.toContain(password)
    expect(request.body).toContain(password)
  })

  it('sends client_id only when given', async () => {
    const request = await send(ADA, { clientId: 'web-portal' })
    expect(request.form.getAll('client_id')).toEqual(['web-portal'])
    expect(request.form.has('client_secret')).toBe(false)
  })

  it('sends client_secret when given', async () => {
    silenceSecretWarning()
    const request = await send(ADA, { clientId: 'web-portal', clientSecret: 's&cr=t' })
    expect(request.form.getAll('client_id')).toEqual(['web-portal'])
    expect(request.form.getAll('client_secret')).toEqual(['s&cr=t'])
  })

  it('sends the two-factor PIN only with the second request, leading zeros kept', async () => {
    const first = await send(ADA)
    expect(first.form.has('twofactor_authentication_validation_pin')).toBe(false)
    received = []
    const second = await send({ ...ADA, pin: '004711' })
    expect(second.form.getAll('twofactor_authentication_validation_pin')).toEqual(['004711'])
    expect(second.form.get('password')).toBe('S3cret!')
  })

  it('sends extraFields given as an object', async () => {
    const extraFields = { lang: 'TRTR', customer_id: '42', firm: 'Örnek & Ortakları' }
    const request = await send(ADA, { extraFields })
    expect(request.form.get('lang')).toBe('TRTR')
    expect(request.form.get('customer_id')).toBe('42')
    expect(request.form.get('firm')).toBe('Örnek & Ortakları')
  })

  it('calls extraFields given as a function once per request', async () => {
    let calls = 0
    const fetchToken = fetcher({ extraFields: () => ({ lang: calls++ === 0 ? 'TRTR' : 'ENUS' }) })
    await expect(fetchToken(ADA, live())).resolves.toMatchObject({ type: 'success' })
    await expect(fetchToken(ADA, live())).resolves.toMatchObject({ type: 'success' })
    expect(calls).toBe(2)
    expect(received.map((r) => r.form.get('lang'))).toEqual(['TRTR', 'ENUS'])
  })

  it('sends per-request fields such as a captcha, over an extra field of that name', async () => {
    const request = await send(
      { ...ADA, fields: { captcha_response: '03AGdBq2', lang: 'ENUS' } },
      { extraFields: { lang: 'TRTR' } },
    )
    expect(request.form.getAll('captcha_response')).toEqual(['03AGdBq2'])
    expect(request.form.getAll('lang')).toEqual(['ENUS'])
  })

  describe('when extra or per-request fields name a protocol field', () => {
    const forged = {
      grant_type: 'client_credentials',
      username: 'mallory',
      password: 'forged',
      client_id: 'forged-client',
      client_secret: 'forged-secret',
      twofactor_authentication_validation_pin: '000000',
    }

    it.each([
      ['extraFields', { extraFields: forged }, {}],
      ['a function extraFields', { extraFields: () => forged }, {}],
      ['request.fields', {}, { fields: forged }],
    ])('ignores them in %s when the options leave them out', async (_name, options, extra) => {
      const request = await send({ ...ADA, ...extra }, options)
      expect(request.form.getAll('grant_type')).toEqual(['password'])
      expect(request.form.getAll('username')).toEqual(['ada'])
      expect(request.form.getAll('password')).toEqual(['S3cret!'])
      expect(request.form.has('client_id')).toBe(false)
      expect(request.form.has('client_secret')).toBe(false)
      expect(request.form.has('twofactor_authentication_validation_pin')).toBe(false)
    })

    it('sends only the configured values when the options give them', async () => {
      silenceSecretWarning()
      const request = await send(
        { ...ADA, pin: '123456', fields: forged },
        { extraFields: forged, clientId: 'web', clientSecret: 'real-secret' },
      )
      expect(request.form.getAll('grant_type')).toEqual(['password'])
      expect(request.form.getAll('username')).toEqual(['ada'])
      expect(request.form.getAll('password')).toEqual(['S3cret!'])
      expect(request.form.getAll('client_id')).toEqual(['web'])
      expect(request.form.getAll('client_secret')).toEqual(['real-secret'])
      expect(request.form.getAll('twofactor_authentication_validation_pin')).toEqual(['123456'])
    })
  })
})

describe('given an answer at any status', () => {
  it.each([
    [200, SUCCESS, { type: 'success', code: 'STS_0000', token: { accessToken: 'at-0916' } }],
    [
      400,
      { error: 'Two-factor validation required.', result_code: 'STS_0011' },
      { type: 'result', code: 'STS_0011', serverMessage: 'Two-factor validation required.' },
    ],
    [
      401,
      { error: 'Two-factor pin is invalid.', request_captcha: false, result_code: 'STS_0013' },
      { type: 'result', code: 'STS_0013', captchaRequired: false },
    ],
    [401, { result_code: 'STS_0002', request_captcha: true }, { captchaRequired: true }],
    [500, { error: 'Unidentified error', result_code: 'STS_9999' }, { code: 'STS_9999' }],
    [200, { result_code: 'STS_0042' }, { type: 'unknownCode', code: 'STS_0042' }],
    [200, { result_code: 'STS_0000' }, { type: 'invalidResponse', reason: 'noToken' }],
    [400, [], { type: 'invalidResponse', reason: 'notObject' }],
    [500, '', { type: 'invalidResponse', reason: 'empty' }],
    [500, 'Internal Server Error', { type: 'invalidResponse', reason: 'notJson' }],
    [200, '{"result_code": "STS_00', { type: 'invalidResponse', reason: 'notJson' }],
    [502, '<html><h1>502 Bad Gateway</h1></html>', { type: 'invalidResponse', reason: 'html' }],
    [504, '\n<!DOCTYPE html><title>504</title>', { type: 'invalidResponse', reason: 'html' }],
  ])('reads a %i answer %j', async (status, body, expected) => {
    handler = answerJson(status, body)
    const outcome = fetcher()(ADA, live())
    await expect(outcome).resolves.toMatchObject({ ...expected, status })
  })

  it('reads a 204 without a body as empty', async () => {
    handler = (_request, response) => {
      response.writeHead(204)
      response.end()
    }
    await expect(fetcher()(ADA, live())).resolves.toStrictEqual({
      type: 'invalidResponse',
      reason: 'empty',
      status: 204,
      captchaRequired: false,
    })
  })

  it('reads a gzip-compressed answer', async () => {
    handler = (_request, response) => {
      response.writeHead(200, { 'Content-Type': 'application/json', 'Content-Encoding': 'gzip' })
      response.end(gzipSync(JSON.stringify(SUCCESS)))
    }
    await expect(fetcher()(ADA, live())).resolves.toMatchObject({
      type: 'success',
      token: { accessToken: 'at-0916', refreshToken: 'rt-0916', expiresIn: 31535999 },
    })
  })

  it('decodes UTF-8 characters split across chunks', async () => {
    const message = 'Kullanıcı şifresi hatalı: ğüşİıçö 🔐'
    const bytes = Buffer.from(JSON.stringify({ error: message, result_code: 'STS_0002' }))
    const cut = bytes.indexOf(Buffer.from('İ')) + 1
    handler = (_request, response) => {
      response.writeHead(400, { 'Content-Type': 'application/json' })
      response.write(bytes.subarray(0, cut))
      setTimeout(() => response.end(bytes.subarray(cut)), 30)
    }
    await expect(fetcher()(ADA, live())).resolves.toMatchObject({
      type: 'result',
      code: 'STS_0002',
      serverMessage: message,
    })
  })
})

describe('given maxResponseBytes', () => {
  const padded = (size: number) => {
    const base = JSON.stringify({ ...SUCCESS, pad: '' })
    return JSON.stringify({ ...SUCCESS, pad: 'x'.repeat(size - base.length) })
  }

  it('reads a body of exactly the limit', async () => {
    const body = padded(1000)
    expect(Buffer.byteLength(body)).toBe(1000)
    handler = answerJson(200, body)
    const outcome = fetcher({ maxResponseBytes: 1000 })(ADA, live())
    await expect(outcome).resolves.toMatchObject({ type: 'success' })
  })

  it('refuses a body whose Content-Length is over the limit', async () => {
    handler = answerJson(200, padded(1001))
    await expect(fetcher({ maxResponseBytes: 1000 })(ADA, live())).resolves.toStrictEqual({
      type: 'invalidResponse',
      reason: 'tooLarge',
      status: 200,
      captchaRequired: false,
    })
  })

  it('refuses a declared Content-Length over the limit before the body arrives', async () => {
    handler = (_request, response) => {
      response.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': '5000000' })
      response.write('{"access_token": "at-')
    }
    const outcome = fetcher({ maxResponseBytes: 1000, timeoutMs: 3000 })(ADA, live())
    await expect(outcome).resolves.toMatchObject({ type: 'invalidResponse', reason: 'tooLarge' })
  })

  it('stops reading a chunked body once it passes the limit', async () => {
    handler = (_request, response) => {
      response.writeHead(500, { 'Content-Type': 'text/html' })
      for (let i = 0; i < 4; i++) response.write(`<p>${'x'.repeat(400)}</p>`)
      response.end()
    }
    await expect(fetcher({ maxResponseBytes: 1000 })(ADA, live())).resolves.toMatchObject({
      type: 'invalidResponse',
      reason: 'tooLarge',
      status: 500,
    })
  })

  it('gives up on an endless chunked body without waiting for the timeout', async () => {
    handler = (_request, response) => {
      response.writeHead(200, { 'Content-Type': 'application/json' })
      response.write(`{"pad": "${'x'.repeat(2000)}`)
    }
    const outcome = fetcher({ maxResponseBytes: 1000, timeoutMs: 3000 })(ADA, live())
    await expect(outcome).resolves.toMatchObject({ type: 'invalidResponse', reason: 'tooLarge' })
  })
})

describe('given a request that gets no complete answer', () => {
  it('times out when the server never answers', async () => {
    handler = neverAnswer
    const started = performance.now()
    await expect(fetcher({ timeoutMs: 150 })(ADA, live())).resolves.toStrictEqual({
      type: 'timeout',
    })
    expect(performance.now() - started).toBeGreaterThanOrEqual(100)
    expect(received).toHaveLength(1)
  })

  it('times out when the headers come but the body never ends', async () => {
    handler = (_request, response) => {
      response.writeHead(200, { 'Content-Type': 'application/json' })
      response.write('{"access_token": "at-')
    }
    await expect(fetcher({ timeoutMs: 150 })(ADA, live())).resolves.toStrictEqual({
      type: 'timeout',
    })
  })

  it('reports aborted when the signal aborts while waiting for the answer', async () => {
    handler = neverAnswer
    const controller = new AbortController()
    const arrived = nextArrival()
    const outcome = fetcher({ timeoutMs: 3000 })(ADA, controller.signal)
    await arrived
    const abortedAt = performance.now()
    controller.abort()
    await expect(outcome).resolves.toStrictEqual({ type: 'aborted' })
    expect(performance.now() - abortedAt).toBeLessThan(1000)
  })

  it('times out even when the given fetch ignores its signal', async () => {
    const started = performance.now()
    const outcome = fetcher({ timeoutMs: 100, fetch: deafFetch })(ADA, live())
    await expect(within(outcome, 2000)).resolves.toStrictEqual({ type: 'timeout' })
    expect(performance.now() - started).toBeGreaterThanOrEqual(90)
  })

  it('reports aborted at once even when the given fetch ignores its signal', async () => {
    const controller = new AbortController()
    const outcome = fetcher({ timeoutMs: 3000, fetch: deafFetch })(ADA, controller.signal)
    await delay(20)
    controller.abort()
    await expect(within(outcome, 500)).resolves.toStrictEqual({ type: 'aborted' })
  })

  it('reports aborted when the signal aborts while the body streams', async () => {
    let wrote: () => void = () => {}
    const headersSent = new Promise<void>((resolve) => {
      wrote = resolve
    })
    handler = (_request, response) => {
      response.writeHead(200, { 'Content-Type': 'application/json' })
      response.write('{"access_token": "at-', () => wrote())
    }
    const controller = new AbortController()
    const outcome = fetcher({ timeoutMs: 3000 })(ADA, controller.signal)
    await headersSent
    await delay(30)
    const abortedAt = performance.now()
    controller.abort()
    await expect(outcome).resolves.toStrictEqual({ type: 'aborted' })
    expect(performance.now() - abortedAt).toBeLessThan(1000)
  })

  it('sends nothing when the signal is already aborted', async () => {
    const controller = new AbortController()
    controller.abort()
    const spy = vi.fn<typeof fetch>((input, init) => fetch(input, init))
    await expect(fetcher({ fetch: spy })(ADA, controller.signal)).resolves.toStrictEqual({
      type: 'aborted',
    })
    expect(spy).not.toHaveBeenCalled()
    await delay(20)
    expect(received).toHaveLength(0)
  })

  it('reports networkError when the connection is refused', async () => {
    const closed = createServer()
    const port = await listen(closed)
    await close(closed)
    const fetchToken = createIdmTokenFetcher({ baseUrl: `http://127.0.0.1:${port}` })
    await expect(fetchToken(ADA, live())).resolves.toStrictEqual({ type: 'networkError' })
  })

  it('reports networkError when the socket closes before any answer', async () => {
    handler = (_request, response) => {
      response.socket?.destroy()
    }
    await expect(fetcher()(ADA, live())).resolves.toStrictEqual({ type: 'networkError' })
  })

  it('reports networkError when the socket closes in the middle of the body', async () => {
    handler = (_request, response) => {
      response.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': '400' })
      response.write('{"access_token": "at-', () => {
        setTimeout(() => response.socket?.destroy(), 20)
      })
    }
    await expect(fetcher()(ADA, live())).resolves.toStrictEqual({ type: 'networkError' })
  })

  it('resolves instead of throwing when extraFields throws', async () => {
    const extraFields = () => {
      throw new Error('integrator bug')
    }
    await expect(fetcher({ extraFields })(ADA, live())).resolves.toStrictEqual({
      type: 'networkError',
    })
    expect(received).toHaveLength(0)
  })

  it('resolves instead of throwing when the given fetch throws something odd', async () => {
    const odd = (() => {
      throw 'not an error'
    }) as unknown as typeof fetch
    await expect(fetcher({ fetch: odd })(ADA, live())).resolves.toStrictEqual({
      type: 'networkError',
    })
  })
})

describe('given a clientSecret in a browser', () => {
  const warning =
    '[react-idm-login] createIdmTokenFetcher: a clientSecret in a browser can be read by anyone ' +
    'who opens the page. Send the token request through your own backend ' +
    '(react-idm-login/server) and let it add the secret.'

  async function freshModule() {
    vi.resetModules()
    return import('../../src/core/createIdmTokenFetcher.js')
  }

  it('warns once in development, however many fetchers are made', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {})
    const { createIdmTokenFetcher: create } = await freshModule()
    create({ baseUrl: origin, clientSecret: 'shh' })
    create({ baseUrl: origin, clientSecret: 'shh' })
    expect(error).toHaveBeenCalledTimes(1)
    expect(error).toHaveBeenCalledWith(warning)
    expect(String(error.mock.calls[0]?.[0])).not.toContain('shh')
  })

  it('stays quiet without a clientSecret, and in production', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {})
    const { createIdmTokenFetcher: create } = await freshModule()
    create({ baseUrl: origin, clientId: 'web' })
    vi.stubEnv('NODE_ENV', 'production')
    create({ baseUrl: origin, clientSecret: 'shh' })
    expect(error).not.toHaveBeenCalled()
  })
})
