// The demo's server side: runs in the Vite dev (or preview) server, never in the page. The page
// imports only `demoPaths.ts`; nothing here is passed to it.
import type { Plugin } from 'vite'
import { createIdmTokenProxy, DEFAULT_ALLOWED_FIELDS, toNodeHandler } from '../src/server/index.js'
import {
  createIdmEmulator,
  createIdmMiddleware,
  DEMO_CLIENT_ID,
  type IdmEmulator,
  type IdmMiddleware,
  PASSWORD_CHECK_PATH,
} from '../src/testing/index.js'
import { DEMO_LOGIN_PATH, DEMO_PASSWORD_CHECK_PATH } from './demoPaths.js'

/**
 * The client secret the built-in emulator demands, so that it behaves like the IDM of a
 * confidential client. It is written here, in the repository, so it is no secret at all: it only
 * shows that the page can log in without it. A real secret comes from `IDM_CLIENT_SECRET`.
 */
export const DEMO_CLIENT_SECRET = 'demo-secret-not-for-production'

/**
 * The address the proxies use for the built-in emulator. A `.invalid` host never resolves, and
 * the emulator's `fetch` answers only this origin, so no request leaves the process.
 */
export const EMULATOR_ORIGIN = 'http://idm-emulator.invalid'

/** The body field of the demo's stand-in captcha (`<LoginFlow>`'s default `captchaField`). */
const CAPTCHA_FIELD = 'captcha'

/** What the demo's server side talks to, read from the environment on the server only. */
export interface DemoIdmSettings {
  /** The real IDM's address, or `undefined` for the built-in emulator. */
  idmUrl: string | undefined
  clientId: string
  clientSecret: string | undefined
}

/**
 * The settings from `IDM_URL`, `IDM_CLIENT_ID` and `IDM_CLIENT_SECRET`. Without `IDM_URL` the
 * built-in emulator answers, with client `demo-client` and {@link DEMO_CLIENT_SECRET}, whatever
 * the other two say.
 */
export function readDemoIdmSettings(env: Readonly<Record<string, string | undefined>>) {
  const idmUrl = readIdmUrl(env.IDM_URL)
  const settings: DemoIdmSettings =
    idmUrl === undefined
      ? { idmUrl, clientId: DEMO_CLIENT_ID, clientSecret: DEMO_CLIENT_SECRET }
      : {
          idmUrl,
          clientId: env.IDM_CLIENT_ID?.trim() || DEMO_CLIENT_ID,
          // Taken as given: a secret's spaces may be its own. Empty means a public client.
          clientSecret: env.IDM_CLIENT_SECRET || undefined,
        }
  return settings
}

function readIdmUrl(value: string | undefined): string | undefined {
  if (!value?.trim()) return undefined
  const url = URL.canParse(value) ? new URL(value) : undefined
  if (url?.protocol !== 'http:' && url?.protocol !== 'https:') {
    throw new Error('demo: IDM_URL must be an http(s) address, such as https://idm.example.com.')
  }
  // The address is shown on the page, so it must not carry a user name or password.
  if (url.username || url.password) {
    throw new Error('demo: IDM_URL must not contain credentials (user:password@).')
  }
  return url.href.replace(/\/+$/, '')
}

/** The demo's server side, ready to mount. */
export interface DemoIdmServer {
  /**
   * Serves {@link DEMO_LOGIN_PATH} and {@link DEMO_PASSWORD_CHECK_PATH}; with the emulator, also
   * the emulator's own endpoints (its password change above all). Calls `next()` for the rest.
   */
  middleware: IdmMiddleware
  /** The built-in emulator, or `undefined` when a real IDM answers. */
  emulator: IdmEmulator | undefined
}

/**
 * The token proxy and the password-check proxy, both adding the client's credentials on the
 * server. With the emulator they call it in-process; else they call `settings.idmUrl`.
 */
export function createDemoIdmServer(
  settings: DemoIdmSettings,
  options: { fetch?: typeof fetch } = {},
): DemoIdmServer {
  const { clientId, clientSecret } = settings
  const emulator =
    settings.idmUrl === undefined ? createIdmEmulator({ clientId, clientSecret }) : undefined
  const idmUrl = settings.idmUrl ?? EMULATOR_ORIGIN
  const send = emulator ? emulatorFetch(emulator) : (options.fetch ?? globalThis.fetch)

  const login = toNodeHandler(
    createIdmTokenProxy({
      idmUrl,
      clientId,
      clientSecret,
      allowedFields: [...DEFAULT_ALLOWED_FIELDS, CAPTCHA_FIELD],
      fetch: send,
    }),
  )
  const check = toNodeHandler(
    createPasswordCheckProxy({
      url: `${idmUrl}${PASSWORD_CHECK_PATH}`,
      clientId,
      clientSecret,
      fetch: send,
    }),
  )
  const emulatorMiddleware = emulator ? createIdmMiddleware(emulator) : undefined

  const middleware: IdmMiddleware = (req, res, next) => {
    const path = (req.url ?? '').split(/[?#]/, 1)[0]
    if (path === DEMO_LOGIN_PATH) void login(req, res)
    else if (path === DEMO_PASSWORD_CHECK_PATH) void check(req, res)
    else if (emulatorMiddleware) emulatorMiddleware(req, res, next)
    else next()
  }
  return { middleware, emulator }
}

/** Mounts the demo's server side on the dev server and on `vite preview`. */
export function demoIdmPlugin(server: DemoIdmServer): Plugin {
  return {
    name: 'demo:idm-server',
    configureServer(devServer) {
      devServer.middlewares.use(server.middleware)
    },
    configurePreviewServer(previewServer) {
      previewServer.middlewares.use(server.middleware)
    },
  }
}

/**
 * A `fetch` that hands each request to the emulator's `handle()` in-process, so the proxies need
 * no network and no address of the dev server. It answers only {@link EMULATOR_ORIGIN}.
 */
export function emulatorFetch(emulator: IdmEmulator): typeof fetch {
  return async (input, init) => {
    const request = new Request(input, init)
    const url = new URL(request.url)
    if (url.origin !== EMULATOR_ORIGIN) {
      throw new TypeError(`demo: the emulator answers only ${EMULATOR_ORIGIN}.`)
    }
    const answer = emulator.handle({
      method: request.method,
      path: url.pathname,
      headers: Object.fromEntries(request.headers),
      body: await request.text(),
    })
    return new Response(answer.body, { status: answer.status, headers: answer.headers })
  }
}

/** The largest body the password-check proxy reads: a 128-character password fits many times. */
const CHECK_MAX_BYTES = 4096
/** The largest IDM answer it passes on. */
const CHECK_MAX_ANSWER_CHARS = 65_536
const CHECK_TIMEOUT_MS = 10_000

interface PasswordCheckTarget {
  url: string
  clientId: string
  clientSecret: string | undefined
  fetch: typeof fetch
}

/**
 * A server-side endpoint for the IDM's policy check: takes `{ "Password": … }` as JSON, adds the
 * `client_id` and `client_secret` headers, and passes the IDM's status and JSON back. When it
 * answers by itself, the body has no `Success: false`, so the page's check never blocks a user.
 */
function createPasswordCheckProxy(target: PasswordCheckTarget) {
  return async (request: Request): Promise<Response> => {
    if (request.method !== 'POST') return checkRefusal(405, 'Only POST is accepted.')
    if (request.headers.get('sec-fetch-site') === 'cross-site') {
      return checkRefusal(403, 'Cross-site requests are not accepted.')
    }
    const type = request.headers.get('content-type')?.split(';', 1)[0]?.trim().toLowerCase()
    if (type !== 'application/json') return checkRefusal(415, 'The body must be JSON.')
    const text = await readCapped(request, CHECK_MAX_BYTES)
    if (text === undefined) return checkRefusal(413, 'The request body is too large.')
    const password = passwordOf(text)
    if (password === undefined) return checkRefusal(400, 'The body needs a string "Password".')

    const headers: Record<string, string> = {
      'content-type': 'application/json',
      accept: 'application/json',
      client_id: target.clientId,
    }
    if (target.clientSecret !== undefined) headers.client_secret = target.clientSecret
    try {
      const upstream = await target.fetch(target.url, {
        method: 'POST',
        headers,
        body: JSON.stringify({ Password: password }),
        // A redirect would carry the credentials to wherever it points.
        redirect: 'error',
        signal: AbortSignal.any([request.signal, AbortSignal.timeout(CHECK_TIMEOUT_MS)]),
      })
      const answer = await upstream.text()
      // Only a JSON answer goes on (an HTML error page of a proxy on the way does not).
      if (answer.length > CHECK_MAX_ANSWER_CHARS || !isJson(answer) || upstream.status < 200) {
        return checkRefusal(502, 'The identity server is unavailable.')
      }
      return new Response(answer, { status: upstream.status, headers: checkHeaders() })
    } catch {
      return checkRefusal(502, 'The identity server is unavailable.')
    }
  }
}

async function readCapped(request: Request, maxBytes: number): Promise<string | undefined> {
  if (Number(request.headers.get('content-length')) > maxBytes) return undefined
  if (request.body === null) return ''
  const reader = request.body.getReader()
  const decoder = new TextDecoder()
  let text = ''
  let received = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) return text + decoder.decode()
    received += value.byteLength
    if (received > maxBytes) {
      await reader.cancel().catch(() => undefined)
      return undefined
    }
    text += decoder.decode(value, { stream: true })
  }
}

function passwordOf(text: string): string | undefined {
  try {
    const body: unknown = JSON.parse(text)
    const password = (body as { Password?: unknown } | null)?.Password
    return typeof password === 'string' ? password : undefined
  } catch {
    return undefined
  }
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text)
    return true
  } catch {
    return false
  }
}

function checkHeaders(): Headers {
  return new Headers({
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  })
}

function checkRefusal(status: number, message: string): Response {
  return new Response(JSON.stringify({ Message: message }), { status, headers: checkHeaders() })
}
