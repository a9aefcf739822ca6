// @vitest-environment node
import {
  createServer,
  type IncomingHttpHeaders,
  request as httpRequest,
  type Server,
  type ServerResponse,
} from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { createIdmTokenFetcher, type TokenRequest } from '../../src/core/index.js'
import {
  createIdmTokenProxy,
  DEFAULT_ALLOWED_FIELDS,
  type IdmTokenProxyOptions,
  toNodeHandler,
} from '../../src/server/index.js'
import {
  ALTERNATE_TOKEN_PATH,
  createIdmEmulator,
  DEMO_CLIENT_ID,
  DEMO_PASSWORD,
} from '../../src/testing/index.js'

const SECRET = 'server-only-secret'
const PIN_FIELD = 'twofactor_authentication_validation_pin'
const emulator = createIdmEmulator({ clientSecret: SECRET })

interface Received {
  method: string
  url: string
  headers: IncomingHttpHeaders
  body: string
  form: URLSearchParams
}

/** What the IDM stand-in does with a request; the default is the emulator. */
type IdmBehaviour = (request: Received, res: ServerResponse) => void

const emulated: IdmBehaviour = (request, res) => {
  const answer = emulator.handle({
    method: request.method,
    path: request.url,
    headers: Object.fromEntries(
      Object.entries(request.headers).map(([name, value]) => [name, String(value)]),
    ),
    body: request.body,
  })
  res.writeHead(answer.status, answer.headers)
  res.end(answer.body)
}

let idm: Server
let proxyServer: Server
let idmOrigin = ''
let proxyOrigin = ''
let behaviour: IdmBehaviour = emulated
let received: Received[] = []
let idmClosed: Promise<void>[] = []
const idmResponses = new Set<ServerResponse>()
let proxyOptions: Partial<IdmTokenProxyOptions> = {}

function listen(target: Server): Promise<string> {
  return new Promise((resolve) => {
    target.listen(0, '127.0.0.1', () => {
      resolve(`http://127.0.0.1:${(target.address() as AddressInfo).port}`)
    })
  })
}

function close(target: Server): Promise<void> {
  target.closeAllConnections()
  return new Promise((resolve) => target.close(() => resolve()))
}

function proxy(overrides: Partial<IdmTokenProxyOptions> = {}) {
  return createIdmTokenProxy({
    idmUrl: idmOrigin,
    clientId: DEMO_CLIENT_ID,
    clientSecret: SECRET,
    timeoutMs: 2000,
    ...proxyOptions,
    ...overrides,
  })
}

beforeAll(async () => {
  idm = createServer((req, res) => {
    idmClosed.push(new Promise((resolve) => res.on('close', () => resolve())))
    idmResponses.add(res)
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8')
      const request = {
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        body,
        form: new URLSearchParams(body),
      }
      received.push(request)
      behaviour(request, res)
    })
  })
  idmOrigin = await listen(idm)
  // The proxy is rebuilt per request, so that each test can set its own options.
  proxyServer = createServer((req, res) => void toNodeHandler(proxy())(req, res))
  proxyOrigin = await listen(proxyServer)
})

afterEach(() => {
  // Only the answers a test left hanging: closing idle keep-alive sockets too would race with
  // the client's connection pool and fail the next test with a reset.
  for (const res of idmResponses) if (!res.writableFinished) res.socket?.destroy()
  idmResponses.clear()
  behaviour = emulated
  received = []
  idmClosed = []
  proxyOptions = {}
  emulator.reset()
  vi.restoreAllMocks()
})

afterAll(async () => {
  await Promise.all([close(idm), close(proxyServer)])
})

const live = () => new AbortController().signal
const DEMO: TokenRequest = { username: 'demo', password: DEMO_PASSWORD }

/** The browser's default fetcher, pointed at the proxy with the one `url` option. */
function browserFetcher() {
  return createIdmTokenFetcher({ url: `${proxyOrigin}/api/login`, timeoutMs: 5000 })
}

function post(body: BodyInit | null, headers: Record<string, string> = {}, method = 'POST') {
  return fetch(`${proxyOrigin}/api/login`, {
    method,
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    ...(body === null ? {} : { body }),
  })
}

async function expectRefusal(response: Response, status: number, code: string) {
  expect(response.status).toBe(status)
  expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8')
  expect(response.headers.get('cache-control')).toBe('no-store')
  const body = (await response.json()) as Record<string, unknown>
  expect(body).toEqual({ error: expect.any(String), request_captcha: false, result_code: code })
}

describe('given a browser fetcher pointed at the proxy with `url`', () => {
  it('signs in: the proxy adds client_id and the secret, and passes the token back', async () => {
    const outcome = await browserFetcher()(DEMO, live())
    expect(outcome).toMatchObject({ type: 'success', status: 200, token: { tokenType: 'bearer' } })
    expect(received).toHaveLength(1)
    const [sent] = received
    expect(sent?.url).toBe('/legacy/sts/api/oauth/token')
    expect(Object.fromEntries(sent?.form ?? [])).toEqual({
      username: 'demo',
      password: DEMO_PASSWORD,
      grant_type: 'password',
      client_id: DEMO_CLIENT_ID,
      client_secret: SECRET,
    })
  })

  it('posts to `url` exactly, whatever baseUrl and tokenPath say', async () => {
    const urls: string[] = []
    const fetchToken = createIdmTokenFetcher({
      url: `${proxyOrigin}/api/login?v=2`,
      baseUrl: 'http://wrong.invalid',
      tokenPath: '/wrong',
      fetch: (input, init) => {
        urls.push(String(input))
        return fetch(input, init)
      },
    })
    await expect(fetchToken(DEMO, live())).resolves.toMatchObject({ type: 'success' })
    expect(urls).toEqual([`${proxyOrigin}/api/login?v=2`])
  })

  it('reaches the PIN step and signs in with the PIN through the proxy', async () => {
    const fetchToken = browserFetcher()
    const mfa = { username: 'mfa', password: DEMO_PASSWORD }
    await expect(fetchToken(mfa, live())).resolves.toMatchObject({ code: 'STS_0011' })
    await expect(fetchToken({ ...mfa, pin: '000000' }, live())).resolves.toMatchObject({
      code: 'STS_0013',
    })
    await expect(fetchToken({ ...mfa, pin: '123456' }, live())).resolves.toMatchObject({
      type: 'success',
    })
    expect(received[2]?.form.get('twofactor_authentication_validation_pin')).toBe('123456')
  })

  it('sends nothing but the secret it was configured with, on the alternate path too', async () => {
    proxyOptions = { tokenPath: ALTERNATE_TOKEN_PATH, clientSecret: 'wrong' }
    const outcome = await browserFetcher()(DEMO, live())
    expect(outcome).toMatchObject({ type: 'result', code: 'GLB_0001', status: 401 })
    expect(received[0]?.url).toBe(ALTERNATE_TOKEN_PATH)
  })

  it('turns a 100 000-character password into 413 STS_0007, not calling the IDM', async () => {
    const outcome = await browserFetcher()(
      { username: 'demo', password: 'x'.repeat(100_000) },
      live(),
    )
    expect(outcome).toMatchObject({ type: 'result', code: 'STS_0007', status: 413 })
    expect(received).toHaveLength(0)
  })
})

describe('given what a browser sends', () => {
  it('drops a browser-sent client_id, client_secret, grant_type and unknown fields', async () => {
    const body = new URLSearchParams({
      username: 'demo',
      password: DEMO_PASSWORD,
      client_id: 'evil-client',
      client_secret: 'guessed',
      grant_type: 'client_credentials',
      scope: 'admin',
      redirect_uri: 'https://evil.example',
    })
    const response = await post(body)
    expect(response.status).toBe(200)
    expect([...(received[0]?.form.keys() ?? [])].sort()).toEqual([
      'client_id',
      'client_secret',
      'grant_type',
      'password',
      'username',
    ])
    expect(received[0]?.form.get('client_id')).toBe(DEMO_CLIENT_ID)
    expect(received[0]?.form.get('client_secret')).toBe(SECRET)
    expect(received[0]?.form.get('grant_type')).toBe('password')
  })

  it('keeps the server its own fields even when allowedFields lists them', async () => {
    proxyOptions = { allowedFields: [...DEFAULT_ALLOWED_FIELDS, 'client_secret', 'grant_type'] }
    await post('username=demo&password=x&client_secret=guessed&grant_type=implicit')
    expect(received[0]?.form.getAll('client_secret')).toEqual([SECRET])
    expect(received[0]?.form.getAll('grant_type')).toEqual(['password'])
  })

  it('forwards the extras an integrator allows, and adds its server-side extraFields', async () => {
    proxyOptions = {
      allowedFields: [...DEFAULT_ALLOWED_FIELDS, 'captcha', 'lang'],
      extraFields: { customer_id: '42', lang: 'ENUS' },
    }
    await post('username=demo&password=p&captcha=c-1&lang=TRTR&firm=other')
    const form = received[0]?.form
    expect(form?.get('captcha')).toBe('c-1')
    // The browser's own choice of an allowed field wins over the server's default for it.
    expect(form?.get('lang')).toBe('TRTR')
    expect(form?.get('customer_id')).toBe('42')
    expect(form?.has('firm')).toBe(false)
  })

  it('posts a URL-encoded form and never forwards cookies or authorization', async () => {
    await post('username=demo&password=p', {
      cookie: 'session=abc',
      authorization: 'Bearer browser',
      'x-forwarded-for': '6.6.6.6',
    })
    const headers = received[0]?.headers ?? {}
    expect(headers['content-type']).toBe('application/x-www-form-urlencoded;charset=UTF-8')
    expect(headers.cookie).toBeUndefined()
    expect(headers.authorization).toBeUndefined()
    expect(headers['x-forwarded-for']).toBeUndefined()
  })

  it.each(['GET', 'PUT', 'DELETE', 'PATCH', 'OPTIONS'])('refuses %s with 405', async (method) => {
    const response = await fetch(`${proxyOrigin}/api/login?username=demo&password=p`, { method })
    await expectRefusal(response, 405, 'GLB_0002')
    expect(response.headers.get('allow')).toBe('POST')
    expect(received).toHaveLength(0)
  })

  it.each([
    ['application/json', '{"username":"demo","password":"p"}'],
    ['multipart/form-data; boundary=x', '--x--'],
    ['text/plain', 'username=demo&password=p'],
    ['', 'username=demo&password=p'],
  ])('refuses the content type %j with 415', async (type, body) => {
    const response =
      type === ''
        ? await fetch(`${proxyOrigin}/api/login`, { method: 'POST', body: Buffer.from(body) })
        : await post(body, { 'content-type': type })
    await expectRefusal(response, 415, 'GLB_0002')
    expect(received).toHaveLength(0)
  })

  it('accepts the form type in any case and with parameters', async () => {
    const response = await post('username=demo&password=p', {
      'content-type': 'Application/X-WWW-Form-URLEncoded ; charset=utf-8',
    })
    expect(response.status).toBe(400)
    expect(received).toHaveLength(1)
  })

  it.each([
    ['a broken escape', 'username=demo&password=%zz'],
    ['an escape of invalid UTF-8', 'username=demo&password=%C3%28'],
    ['a password sent twice', 'username=demo&password=a&password=b'],
    ['a username sent twice', 'username=demo&username=admin&password=a'],
    ['a PIN sent twice', `username=demo&password=a&${PIN_FIELD}=1&${PIN_FIELD}=2`],
  ])('refuses %s with 400 GLB_0002', async (_name, body) => {
    await expectRefusal(await post(body), 400, 'GLB_0002')
    expect(received).toHaveLength(0)
  })

  it('refuses an allowed extra field sent twice with 400 GLB_0002', async () => {
    proxyOptions = { allowedFields: [...DEFAULT_ALLOWED_FIELDS, 'captcha'] }
    await expectRefusal(await post('username=demo&password=p&captcha=x&captcha=y'), 400, 'GLB_0002')
    expect(received).toHaveLength(0)
  })

  it('refuses raw bytes that are not UTF-8 with 400 GLB_0002', async () => {
    const bytes = new Uint8Array([...Buffer.from('username=demo&password='), 0xff, 0xfe])
    await expectRefusal(await post(bytes), 400, 'GLB_0002')
    expect(received).toHaveLength(0)
  })

  it('refuses a declared body over maxBodyBytes with 413 before reading it', async () => {
    const response = await post(`username=demo&password=${'x'.repeat(9000)}`)
    await expectRefusal(response, 413, 'STS_0007')
    expect(received).toHaveLength(0)
  })

  it('passes a body just under the limit', async () => {
    proxyOptions = { maxBodyBytes: 100 }
    const body = `username=demo&password=${'x'.repeat(100 - 23)}`
    expect(Buffer.byteLength(body)).toBe(100)
    expect((await post(body)).status).toBe(400)
    expect(received[0]?.form.get('password')).toHaveLength(77)
  })

  it('stops reading a chunked body at the limit, answers 413, closes the connection', async () => {
    proxyOptions = { maxBodyBytes: 1000 }
    const { status, body, connection } = await streamBody(64, 100)
    expect(status).toBe(413)
    expect(JSON.parse(body)).toMatchObject({ result_code: 'STS_0007' })
    expect(connection).toBe('close')
    expect(received).toHaveLength(0)
  })

  it('answers 408 to a browser that stops sending its body', async () => {
    proxyOptions = { timeoutMs: 200 }
    const { status, body } = await streamBody(1, 0)
    expect(status).toBe(408)
    expect(JSON.parse(body)).toMatchObject({ result_code: 'GLB_9999' })
  })

  it('refuses a cross-site request unless its origin is allowed', async () => {
    const crossSite = { 'sec-fetch-site': 'cross-site', origin: 'https://evil.example' }
    await expectRefusal(await post('username=demo&password=p', crossSite), 403, 'GLB_0002')
    expect(received).toHaveLength(0)

    proxyOptions = { allowedOrigins: ['https://evil.example'] }
    expect((await post('username=demo&password=p', crossSite)).status).toBe(400)
    const sameSite = { 'sec-fetch-site': 'same-site', origin: 'https://other.example' }
    proxyOptions = {}
    expect((await post('username=demo&password=p', sameSite)).status).toBe(400)
    expect(received).toHaveLength(2)
  })
})

/** Sends `chunks` chunks of `size` bytes without a content length, then stops (never ends). */
function streamBody(
  chunks: number,
  size: number,
): Promise<{ status: number; body: string; connection: string | undefined }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(`${proxyOrigin}/api/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    })
    req.on('response', (res) => {
      const parts: Buffer[] = []
      res.on('data', (chunk: Buffer) => parts.push(chunk))
      res.on('end', () => {
        resolve({
          status: res.statusCode ?? 0,
          body: Buffer.concat(parts).toString('utf8'),
          connection: res.headers.connection,
        })
        req.destroy()
      })
    })
    req.on('error', reject)
    req.write('username=demo&password=')
    let sent = 0
    const timer = setInterval(() => {
      if (sent++ >= chunks || req.destroyed) return clearInterval(timer)
      req.write('x'.repeat(size))
    }, 5)
  })
}

describe('given what the IDM answers', () => {
  const answers: [number, string, string][] = [
    [200, 'application/json', '{"access_token":"t","token_type":"bearer"}'],
    [
      400,
      'application/json; charset=utf-8',
      '{"error":"Two-factor pin is invalid.","request_captcha":false,"result_code":"STS_0013"}',
    ],
    [401, 'application/json', '{"result_code":"GLB_0001"}'],
    [500, 'text/plain', 'Internal Server Error'],
    [502, 'text/html', '<html><body><h1>502 Bad Gateway</h1></body></html>'],
    [503, 'application/json', '[1,2,3]'],
    [429, 'application/json', '{"result_code":"STS_0042","error":"<img src=x onerror=alert(1)>"}'],
    [404, 'text/html', ''],
  ]

  it.each(answers)(
    'passes status %i and the body back unchanged (%s)',
    async (status, type, body) => {
      behaviour = (_request, res) => {
        res.writeHead(status, { 'content-type': type })
        res.end(body)
      }
      const response = await post('username=demo&password=p')
      expect(response.status).toBe(status)
      expect(response.headers.get('content-type')).toBe(type)
      expect(await response.text()).toBe(body)
    },
  )

  it('passes bytes back exactly, even when they are not UTF-8', async () => {
    const bytes = Buffer.from([0x7b, 0xff, 0x00, 0xc3, 0x7d])
    behaviour = (_request, res) => {
      res.writeHead(400, { 'content-type': 'application/octet-stream' })
      res.end(bytes)
    }
    const response = await post('username=demo&password=p')
    expect(Buffer.from(await response.arrayBuffer())).toEqual(bytes)
  })

  it('passes 204 back with no body', async () => {
    behaviour = (_request, res) => {
      res.writeHead(204)
      res.end()
    }
    const response = await post('username=demo&password=p')
    expect(response.status).toBe(204)
    expect(await response.text()).toBe('')
  })

  it('keeps content-type, drops set-cookie and every other IDM header, adds no-store', async () => {
    behaviour = (_request, res) => {
      res.writeHead(400, {
        'content-type': 'application/json',
        'set-cookie': ['idm_session=1; HttpOnly', 'tracking=2'],
        'x-powered-by': 'IDM/1.0',
        server: 'idm',
        'access-control-allow-origin': '*',
        'www-authenticate': 'Basic',
        location: 'https://evil.example',
        'cache-control': 'public, max-age=3600',
        'strict-transport-security': 'max-age=1',
        'keep-alive': 'timeout=100',
        'content-encoding': 'identity',
      })
      res.end('{"result_code":"STS_0002"}')
    }
    const response = await post('username=demo&password=p')
    expect(response.headers.getSetCookie()).toEqual([])
    expect(response.headers.get('cache-control')).toBe('no-store')
    expect(response.headers.get('x-content-type-options')).toBe('nosniff')
    const names = [...response.headers.keys()].sort()
    const allowed = [
      'cache-control',
      'connection',
      'content-length',
      'content-security-policy',
      'content-type',
      'date',
      'keep-alive',
      'pragma',
      'referrer-policy',
      'transfer-encoding',
      'x-content-type-options',
    ]
    expect(names.filter((name) => !allowed.includes(name))).toEqual([])
    // What a Node server adds itself says nothing about the IDM's connection.
    expect(response.headers.get('keep-alive')).not.toBe('timeout=100')
  })

  it('answers 502 GLB_9999 when the IDM cannot be reached', async () => {
    const closed = createServer()
    const origin = await listen(closed)
    await close(closed)
    proxyOptions = { idmUrl: origin }
    await expectRefusal(await post('username=demo&password=p'), 502, 'GLB_9999')
    // The browser library shows its retryable "something went wrong" message for it.
    const outcome = await browserFetcher()(DEMO, live())
    expect(outcome).toMatchObject({ type: 'result', code: 'GLB_9999', status: 502 })
  })

  it('answers 504 GLB_9999 when the IDM does not answer within timeoutMs', async () => {
    proxyOptions = { timeoutMs: 150 }
    behaviour = () => {}
    const started = Date.now()
    await expectRefusal(await post('username=demo&password=p'), 504, 'GLB_9999')
    expect(Date.now() - started).toBeLessThan(1500)
    await idmClosed[0]
  })

  it('answers 504 when the IDM sends headers but never finishes its body', async () => {
    proxyOptions = { timeoutMs: 150 }
    behaviour = (_request, res) => {
      res.writeHead(200, { 'content-type': 'application/json' })
      res.write('{"access_token":')
    }
    await expectRefusal(await post('username=demo&password=p'), 504, 'GLB_9999')
  })

  it('answers 502 when the IDM breaks the connection mid-body', async () => {
    behaviour = (_request, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': '1000' })
      res.write('{"access_token":', () => res.socket?.destroy())
    }
    await expectRefusal(await post('username=demo&password=p'), 502, 'GLB_9999')
  })

  it('answers 502 to an answer over maxResponseBytes', async () => {
    proxyOptions = { maxResponseBytes: 1000 }
    behaviour = (_request, res) => {
      res.writeHead(200, { 'content-type': 'text/plain' })
      res.end('x'.repeat(5000))
    }
    await expectRefusal(await post('username=demo&password=p'), 502, 'GLB_9999')
  })

  it('does not follow a redirect: the credentials go nowhere else', async () => {
    behaviour = (request, res) => {
      if (request.url.startsWith('/elsewhere')) return emulated(request, res)
      res.writeHead(307, { location: `${idmOrigin}/elsewhere` })
      res.end()
    }
    await expectRefusal(await post('username=demo&password=p'), 502, 'GLB_9999')
    expect(received.map((request) => request.url)).toEqual(['/legacy/sts/api/oauth/token'])
  })

  it('aborts the IDM request when the browser goes away', async () => {
    behaviour = () => {}
    const controller = new AbortController()
    const pending = browserFetcher()(DEMO, controller.signal)
    await vi.waitFor(() => expect(received).toHaveLength(1))
    controller.abort()
    await expect(pending).resolves.toEqual({ type: 'aborted' })
    await idmClosed[0]
  })
})

describe('given its logs', () => {
  it('writes nothing to the console, and onProblem gets no body or credential', async () => {
    const spies = (['log', 'info', 'warn', 'error', 'debug', 'trace'] as const).map((name) =>
      vi.spyOn(console, name).mockImplementation(() => {}),
    )
    const problems: unknown[] = []
    proxyOptions = { onProblem: (details) => problems.push(details), maxBodyBytes: 60 }
    await post('username=demo&password=Hunter2-secret')
    await post('username=demo&password=Hunter2-secret', {}, 'PUT')
    await post(`username=demo&password=Hunter2-secret${'x'.repeat(60)}`)
    behaviour = (_request, res) => res.socket?.destroy()
    await post('username=demo&password=Hunter2-secret')
    for (const spy of spies) expect(spy).not.toHaveBeenCalled()
    expect(problems).toEqual([
      { problem: 'method', status: 405 },
      { problem: 'tooLarge', status: 413 },
      { problem: 'unreachable', status: 502 },
    ])
    expect(JSON.stringify(problems)).not.toContain('Hunter2')
  })

  it('still answers when onProblem throws', async () => {
    proxyOptions = {
      onProblem: () => {
        throw new Error('logger down')
      },
    }
    await expectRefusal(await post('x', {}, 'PUT'), 405, 'GLB_0002')
  })
})

describe('given the handler on its own (Next.js, Remix, Hono)', () => {
  it('takes a Request and gives a Response, calling the IDM through the fetch option', async () => {
    const calls: { url: string; body: string }[] = []
    const handler = createIdmTokenProxy({
      idmUrl: 'https://idm.example.com/base/',
      tokenPath: '/oauth/token',
      clientId: 'web',
      clientSecret: 's',
      fetch: async (input, init) => {
        calls.push({ url: String(input), body: String(init?.body) })
        return new Response('{"access_token":"t"}', {
          status: 200,
          headers: { 'content-type': 'application/json', 'set-cookie': 'a=b' },
        })
      },
    })
    const response = await handler(
      new Request('https://app.example.com/api/login', {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: 'username=ada&password=p%26q',
      }),
    )
    expect(response.status).toBe(200)
    expect(await response.json()).toEqual({ access_token: 't' })
    expect(response.headers.get('set-cookie')).toBeNull()
    expect(calls).toEqual([
      {
        url: 'https://idm.example.com/base/oauth/token',
        body: 'username=ada&password=p%26q&grant_type=password&client_id=web&client_secret=s',
      },
    ])
  })

  it('answers 502 when the fetch option throws synchronously', async () => {
    const handler = createIdmTokenProxy({
      idmUrl: 'https://idm.example.com',
      clientId: 'web',
      fetch: () => {
        throw new TypeError('boom')
      },
    })
    const response = await handler(
      new Request('https://app.example.com/', {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: 'username=a&password=b',
      }),
    )
    await expectRefusal(response, 502, 'GLB_9999')
  })

  it('answers 504 at timeoutMs even when the fetch option ignores its signal', async () => {
    const handler = createIdmTokenProxy({
      idmUrl: 'https://idm.example.com',
      clientId: 'web',
      timeoutMs: 100,
      fetch: () => new Promise<Response>(() => {}),
    })
    const answer = handler(
      new Request('https://app.example.com/', {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: 'username=a&password=b',
      }),
    )
    const hung = new Promise<never>((_, reject) => {
      setTimeout(() => reject(new Error('no answer within 2 s')), 2000)
    })
    await expectRefusal(await Promise.race([answer, hung]), 504, 'GLB_9999')
  })

  it.each([
    [{ idmUrl: 'idm.example.com', clientId: 'web' }, /idmUrl/],
    [{ idmUrl: '', clientId: 'web' }, /idmUrl/],
    [{ idmUrl: 'https://idm.example.com', clientId: '' }, /clientId/],
  ])('throws at once on a configuration error: %j', (options, message) => {
    expect(() => createIdmTokenProxy(options)).toThrow(message)
  })
})
