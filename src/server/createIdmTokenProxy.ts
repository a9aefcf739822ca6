import { DEFAULT_TOKEN_PATH } from '../core/createIdmTokenFetcher.js'

/** The fields a browser may send through the proxy unless `allowedFields` says otherwise. */
export const DEFAULT_ALLOWED_FIELDS: readonly string[] = Object.freeze([
  'username',
  'password',
  'twofactor_authentication_validation_pin',
])

/** Fields only the proxy writes: a browser's value is dropped, whatever the options say. */
const SERVER_FIELDS = new Set(['grant_type', 'client_id', 'client_secret'])

/** Fields whose meaning would be ambiguous if a browser sent them twice. */

const FORM_TYPE = 'application/x-www-form-urlencoded'

/** Why the proxy answered by itself instead of passing on the IDM's answer. */
export type IdmTokenProxyProblem =
  /** Not a `POST`: 405. */
  | 'method'
  /** Not a URL-encoded form: 415. */
  | 'contentType'
  /** A cross-site request from an origin not in `allowedOrigins`: 403. */
  | 'crossSite'
  /** A body that is not a well-formed form, or names a field twice: 400. */
  | 'malformed'
  /** A body over `maxBodyBytes`: 413. */
  | 'tooLarge'
  /** The IDM could not be reached, redirected, or answered with something unusable: 502. */
  | 'unreachable'
  /** The browser had not sent its whole body within `timeoutMs`: 408. */
  | 'requestTimeout'
  /** The IDM had not answered in full within `timeoutMs`: 504. */
  | 'timeout'

/** Options of {@link createIdmTokenProxy}. */
export interface IdmTokenProxyOptions {
  /** The IDM's address, such as `https://idm.example.com`. */
  idmUrl: string
  /**
   * The token endpoint's path below `idmUrl`.
   * @default '/legacy/sts/api/oauth/token'
   */
  tokenPath?: string
  /** The OAuth `client_id` the proxy adds to every request. */
  clientId: string
  /** The OAuth `client_secret` the proxy adds; it never leaves the server. */
  clientSecret?: string
  /**
   * The body fields a browser may send; every other field is dropped. `grant_type`, `client_id`
   * and `client_secret` are always the proxy's own, even if listed here.
   * @default ['username', 'password', 'twofactor_authentication_validation_pin']
   * @example [...DEFAULT_ALLOWED_FIELDS, 'captcha', 'lang']
   */
  allowedFields?: readonly string[]
  /** Fields the proxy adds to every request, such as `{ customer_id: '42' }`. */
  extraFields?: Readonly<Record<string, string>>
  /**
   * Origins allowed to call from another site (`Sec-Fetch-Site: cross-site`). Same-site calls
   * always pass; cross-site ones are refused unless their `Origin` is listed here.
   * @default []
   */
  allowedOrigins?: readonly string[]
  /**
   * Milliseconds for the whole exchange: reading the browser's body, the IDM's answer and its
   * body. Keep it below the browser fetcher's `timeoutMs` (30 s) so that the browser gets a 504.
   * @default 20000
   */
  timeoutMs?: number
  /**
   * The largest request body, in bytes; a larger one gets 413 without being read further.
   * @default 8192
   */
  maxBodyBytes?: number
  /**
   * The largest IDM answer, in bytes, that is passed on; a larger one gets 502.
   * @default 1048576
   */
  maxResponseBytes?: number
  /** The `fetch` that calls the IDM. @default globalThis.fetch */
  fetch?: typeof fetch
  /**
   * Called when the proxy answers by itself, for your logs. It receives no body, field or
   * credential. The proxy logs nothing itself.
   */
  onProblem?: (details: { problem: IdmTokenProxyProblem; status: number }) => void
}

/** A request handler of the Web Fetch API, as Next.js route handlers, Remix and Hono use. */
export type IdmTokenProxy = (request: Request) => Promise<Response>

interface Config {
  url: string
  clientId: string
  clientSecret: string | undefined
  allowed: ReadonlySet<string>
  extraFields: Readonly<Record<string, string>>
  allowedOrigins: ReadonlySet<string>
  timeoutMs: number
  maxBodyBytes: number
  maxResponseBytes: number
  fetch: typeof fetch | undefined
  onProblem: IdmTokenProxyOptions['onProblem']
}

/**
 * A server-side endpoint for the browser's token requests that adds the client secret, so that
 * the secret never reaches a browser. The browser's fetcher points at it with one option:
 * `createIdmTokenFetcher({ url: '/api/login' })`, or `<LoginFlow idm={{ url: '/api/login' }} />`.
 *
 * It takes only a `POST` of a URL-encoded form under `maxBodyBytes`, keeps the `allowedFields`,
 * sets `grant_type=password`, `client_id` and `client_secret` itself, and passes the IDM's status
 * and body back unchanged, with `content-type` as the only header of the IDM's (no cookies) and
 * `cache-control: no-store`. When it answers by itself, it does so in the IDM's JSON shape so the
 * browser shows a sensible message. It logs nothing.
 *
 * @example
 * // app/api/login/route.ts (Next.js)
 * import { createIdmTokenProxy } from 'react-idm-login/server'
 * export const POST = createIdmTokenProxy({
 *   idmUrl: process.env.IDM_URL!,
 *   clientId: process.env.IDM_CLIENT_ID!,
 *   clientSecret: process.env.IDM_CLIENT_SECRET,
 * })
 */
export function createIdmTokenProxy(options: IdmTokenProxyOptions): IdmTokenProxy {
  const config = resolveConfig(options)
  return async (request) => {
    const deadline = new AbortController()
    const timer = setTimeout(() => deadline.abort(), config.timeoutMs)
    try {
      return await handle(config, request, deadline.signal)
    } catch {
      // Nothing above should throw; if it does, the browser still gets an answer it can read.
      return refuse(config, 'unreachable')
    } finally {
      clearTimeout(timer)
    }
  }
}

function resolveConfig(options: IdmTokenProxyOptions): Config {
  let base: URL
  try {
    base = new URL(options.idmUrl)
  } catch {
    throw new TypeError(
      '[react-idm-login] createIdmTokenProxy: `idmUrl` must be an absolute URL, ' +
        'such as https://idm.example.com.',
    )
  }
  if (typeof options.clientId !== 'string' || options.clientId === '') {
    throw new TypeError('[react-idm-login] createIdmTokenProxy: `clientId` is required.')
  }
  const path = (options.tokenPath ?? DEFAULT_TOKEN_PATH).replace(/^\/+/, '')
  return {
    url: `${base.href.replace(/\/+$/, '')}/${path}`,
    clientId: options.clientId,
    clientSecret: options.clientSecret,
    allowed: new Set(options.allowedFields ?? DEFAULT_ALLOWED_FIELDS),
    extraFields: options.extraFields ?? {},
    allowedOrigins: new Set(options.allowedOrigins ?? []),
    timeoutMs: positive(options.timeoutMs, 20_000),
    maxBodyBytes: positive(options.maxBodyBytes, 8192),
    maxResponseBytes: positive(options.maxResponseBytes, 1_048_576),
    fetch: options.fetch,
    onProblem: options.onProblem,
  }
}

function positive(value: number | undefined, fallback: number): number {
  return value !== undefined && Number.isFinite(value) && value > 0 ? value : fallback
}

async function handle(config: Config, request: Request, deadline: AbortSignal) {
  if (request.method !== 'POST') return refuse(config, 'method')
  if (isRefusedCrossSite(config, request.headers)) return refuse(config, 'crossSite')
  if (mediaType(request.headers) !== FORM_TYPE) return refuse(config, 'contentType')
  if (Number(request.headers.get('content-length')) > config.maxBodyBytes) {
    return refuse(config, 'tooLarge')
  }

  const read = await readCapped(request.body, config.maxBodyBytes, deadline)
  if (read.kind !== 'bytes') {
    return refuse(config, read.kind === 'aborted' ? 'requestTimeout' : read.kind)
  }
  const form = parseForm(read.bytes, config.allowed)
  if (form === undefined) return refuse(config, 'malformed')

  return forward(config, upstreamBody(config, form), request.signal, deadline)
}

function mediaType(headers: Headers): string {
  return (headers.get('content-type') ?? '').split(';', 1)[0]?.trim().toLowerCase() ?? ''
}

function isRefusedCrossSite(config: Config, headers: Headers): boolean {
  // Browsers mark a request that another site started; a form on that site could otherwise post
  // a victim's browser here (and render an IDM error page on this origin).
  if (headers.get('sec-fetch-site') !== 'cross-site') return false
  return !config.allowedOrigins.has(headers.get('origin') ?? '')
}

type ReadResult =
  | { kind: 'bytes'; bytes: Uint8Array<ArrayBuffer> }
  | { kind: 'tooLarge' | 'aborted' }

/** Reads a whole body, stopping once it passes `maxBytes` or the signal aborts. */
async function readCapped(
  body: ReadableStream<Uint8Array> | null,
  maxBytes: number,
  deadline: AbortSignal,
): Promise<ReadResult> {
  if (body === null) return { kind: 'bytes', bytes: new Uint8Array() }
  const reader = body.getReader()
  const stop = () => {
    // Not awaited: a runtime may settle the cancellation of a request body late, or never.
    reader.cancel().catch(() => undefined)
  }
  deadline.addEventListener('abort', stop)
  const chunks: Uint8Array[] = []
  let received = 0
  try {
    for (;;) {
      const { done, value } = await reader.read()
      if (done) break
      received += value.byteLength
      if (received > maxBytes) {
        stop()
        return { kind: 'tooLarge' }
      }
      chunks.push(value)
    }
  } catch {
    return { kind: 'aborted' }
  } finally {
    deadline.removeEventListener('abort', stop)
  }
  return deadline.aborted ? { kind: 'aborted' } : { kind: 'bytes', bytes: concat(chunks) }
}

function concat(chunks: readonly Uint8Array[]): Uint8Array<ArrayBuffer> {
  const all = new Uint8Array(chunks.reduce((sum, chunk) => sum + chunk.byteLength, 0))
  let offset = 0
  for (const chunk of chunks) {
    all.set(chunk, offset)
    offset += chunk.byteLength
  }
  return all
}

/** The form's fields, or `undefined` for bad UTF-8, a broken escape or a field sent twice. */
function parseForm(bytes: Uint8Array, allowed: ReadonlySet<string>): URLSearchParams | undefined {
  let text: string
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
    // URLSearchParams quietly repairs broken escapes; the strict decoder finds them.
    decodeURIComponent(text.replace(/\+/g, ' '))
  } catch {
    return undefined
  }
  const form = new URLSearchParams(text)
  // A field sent twice (two passwords, two captcha answers) could be read one way here and
  // another way by the IDM; every field that is passed on must be unambiguous.
  for (const name of allowed) if (form.getAll(name).length > 1) return undefined
  return form
}

function upstreamBody(config: Config, form: URLSearchParams): URLSearchParams {
  const body = new URLSearchParams(config.extraFields)
  for (const [name, value] of form) {
    if (config.allowed.has(name) && !SERVER_FIELDS.has(name)) body.set(name, value)
  }
  for (const name of SERVER_FIELDS) body.delete(name)
  body.set('grant_type', 'password')
  body.set('client_id', config.clientId)
  if (config.clientSecret !== undefined) body.set('client_secret', config.clientSecret)
  return body
}

async function forward(
  config: Config,
  body: URLSearchParams,
  browserGone: AbortSignal,
  deadline: AbortSignal,
): Promise<Response> {
  const signal = AbortSignal.any([browserGone, deadline])
  let upstream: Response
  try {
    const sent = (config.fetch ?? globalThis.fetch)(config.url, {
      method: 'POST',
      headers: { 'content-type': `${FORM_TYPE};charset=UTF-8`, accept: 'application/json' },
      body,
      signal,
      // A redirect would carry the credentials to wherever it points.
      redirect: 'error',
      cache: 'no-store',
    })
    // A fetch that ignores its signal must not hold the browser past the deadline.
    upstream = await Promise.race([
      sent,
      new Promise<never>((_, reject) => {
        if (signal.aborted) reject(signal.reason)
        signal.addEventListener('abort', () => reject(signal.reason), { once: true })
      }),
    ])
  } catch {
    return refuse(config, deadline.aborted ? 'timeout' : 'unreachable')
  }

  const read = await readCapped(upstream.body, config.maxResponseBytes, signal).catch(
    (): ReadResult => ({ kind: 'aborted' }),
  )
  if (read.kind === 'aborted') return refuse(config, deadline.aborted ? 'timeout' : 'unreachable')
  if (read.kind !== 'bytes' || upstream.status < 200 || upstream.status > 599) {
    return refuse(config, 'unreachable')
  }
  return passOn(upstream, read.bytes)
}

/** Statuses whose response must not carry a body. */
const NULL_BODY_STATUSES = new Set([204, 205, 304])

function passOn(upstream: Response, bytes: Uint8Array<ArrayBuffer>): Response {
  const headers = safeHeaders()
  const type = upstream.headers.get('content-type')
  if (type !== null) headers.set('content-type', type)
  const body = NULL_BODY_STATUSES.has(upstream.status) ? null : bytes
  return new Response(body, { status: upstream.status, headers })
}

function safeHeaders(): Headers {
  return new Headers({
    'cache-control': 'no-store',
    pragma: 'no-cache',
    'x-content-type-options': 'nosniff',
    // The answer is data for a script; should a browser ever render it, it may run nothing.
    'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
    'referrer-policy': 'no-referrer',
  })
}

const REFUSALS: Record<IdmTokenProxyProblem, { status: number; code: string; error: string }> = {
  method: { status: 405, code: 'GLB_0002', error: 'Only POST is accepted.' },
  contentType: {
    status: 415,
    code: 'GLB_0002',
    error: 'The body must be application/x-www-form-urlencoded.',
  },
  crossSite: { status: 403, code: 'GLB_0002', error: 'Cross-site requests are not accepted.' },
  malformed: { status: 400, code: 'GLB_0002', error: 'Invalid authorization request.' },
  // Only what a user typed can make a login this large: let them correct it on the form.
  tooLarge: { status: 413, code: 'STS_0007', error: 'The request body is too large.' },
  unreachable: { status: 502, code: 'GLB_9999', error: 'The identity server is unavailable.' },
  requestTimeout: { status: 408, code: 'GLB_9999', error: 'The request body came too slowly.' },
  timeout: { status: 504, code: 'GLB_9999', error: 'The identity server did not answer in time.' },
}

function refuse(config: Config, problem: IdmTokenProxyProblem): Response {
  const { status, code, error } = REFUSALS[problem]
  try {
    config.onProblem?.({ problem, status })
  } catch {
    // A failing logger must not cost the browser its answer.
  }
  const headers = safeHeaders()
  headers.set('content-type', 'application/json; charset=utf-8')
  if (problem === 'method') headers.set('allow', 'POST')
  const body = JSON.stringify({ error, request_captcha: false, result_code: code })
  return new Response(body, { status, headers })
}
