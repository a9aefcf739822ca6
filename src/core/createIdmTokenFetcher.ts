import { parseTokenAnswer } from './parseTokenAnswer.js'
import type { TokenFetcher, TokenOutcome, TokenRequest } from './tokenOutcome.js'
import { warnOnce } from './warn.js'

/** The token path of the IDM's own documentation. Another of its pages writes `/api/legacy/sts/oauth/token`. */
export const DEFAULT_TOKEN_PATH = '/legacy/sts/api/oauth/token'

/** Options of {@link createIdmTokenFetcher}. */
export interface IdmTokenFetcherOptions {
  /** The IDM's address, such as `https://idm.example.com`; empty for the page's own origin. */
  baseUrl?: string
  /**
   * The token endpoint's path below `baseUrl`.
   * @default '/legacy/sts/api/oauth/token'
   */
  tokenPath?: string
  /**
   * The token endpoint's full address, replacing `baseUrl` and `tokenPath`: such as `/api/login`
   * for a backend of yours (`react-idm-login/server`) that adds the client secret.
   */
  url?: string
  /** The OAuth `client_id`. Leave it out when a backend (such as `react-idm-login/server`) adds it. */
  clientId?: string
  /**
   * The OAuth `client_secret`. Anything in a browser bundle is public: prefer a backend that adds
   * the secret. Given in a browser, a development build warns once.
   */
  clientSecret?: string
  /** Extra body fields sent with every request, such as `{ lang: 'TRTR', customer_id: '42' }`. */
  extraFields?: Readonly<Record<string, string>> | (() => Readonly<Record<string, string>>)
  /**
   * Milliseconds to wait for the whole answer, body included.
   * @default 30000
   */
  timeoutMs?: number
  /**
   * The largest body, in bytes, that is read; a larger one is an `invalidResponse` (`tooLarge`).
   * @default 1048576
   */
  maxResponseBytes?: number
  /** The `fetch` to use. @default globalThis.fetch */
  fetch?: typeof fetch
}

/**
 * The default {@link TokenFetcher}: speaks the IDM's password grant exactly, with a URL-encoded
 * body, and turns every answer, failure, timeout and abort into an outcome.
 *
 * @example
 * const fetchToken = createIdmTokenFetcher({ baseUrl: 'https://idm.example.com', clientId: 'web' })
 * const outcome = await fetchToken({ username: 'ada', password: 's3cret' }, new AbortController().signal)
 * if (outcome.type === 'success') console.log(outcome.token.expiresIn)
 */
export function createIdmTokenFetcher(options: IdmTokenFetcherOptions = {}): TokenFetcher {
  const url = options.url ?? joinUrl(options.baseUrl ?? '', options.tokenPath ?? DEFAULT_TOKEN_PATH)
  const timeoutMs = options.timeoutMs ?? 30_000
  const maxBytes = options.maxResponseBytes ?? 1_048_576

  if (
    options.clientSecret &&
    typeof document !== 'undefined' &&
    process.env.NODE_ENV !== 'production'
  ) {
    warnOnce(
      'client-secret',
      'createIdmTokenFetcher: a clientSecret in a browser can be read by anyone who opens the page. ' +
        'Send the token request through your own backend (react-idm-login/server) and let it add the secret.',
    )
  }

  return async (request, signal) => {
    if (signal.aborted) return { type: 'aborted' }
    const controller = new AbortController()
    let timedOut = false
    const timer = setTimeout(() => {
      timedOut = true
      controller.abort()
    }, timeoutMs)
    const onAbort = () => controller.abort()
    signal.addEventListener('abort', onAbort)

    try {
      const sent = (options.fetch ?? globalThis.fetch)(url, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/x-www-form-urlencoded;charset=UTF-8',
          Accept: 'application/json',
        },
        body: encodeBody(request, options),
        signal: controller.signal,
        credentials: 'same-origin',
        cache: 'no-store',
      })
      // A fetch that ignores its signal (a wrapper, a polyfill, a mock) must not outlive the
      // timeout or the user leaving: give up on it when the signal aborts.
      const aborted = new Promise<never>((_, reject) => {
        controller.signal.addEventListener('abort', reject)
      })
      const response = await Promise.race([sent, aborted])
      const text = await readText(response, maxBytes, controller)
      if (text === undefined) {
        return {
          type: 'invalidResponse',
          reason: 'tooLarge',
          status: response.status,
          captchaRequired: false,
        }
      }
      return parseTokenAnswer(response.status, text)
    } catch {
      return failureOutcome(signal.aborted, timedOut)
    } finally {
      clearTimeout(timer)
      signal.removeEventListener('abort', onAbort)
    }
  }
}

function failureOutcome(aborted: boolean, timedOut: boolean): TokenOutcome {
  if (aborted) return { type: 'aborted' }
  if (timedOut) return { type: 'timeout' }
  return { type: 'networkError' }
}

/** The body fields that the fetcher alone writes. */
const PROTOCOL_FIELDS = [
  'grant_type',
  'username',
  'password',
  'client_id',
  'client_secret',
  'twofactor_authentication_validation_pin',
] as const

function encodeBody(request: TokenRequest, options: IdmTokenFetcherOptions): URLSearchParams {
  const extra =
    typeof options.extraFields === 'function' ? options.extraFields() : options.extraFields
  const body = new URLSearchParams(extra)
  for (const [name, value] of Object.entries(request.fields ?? {})) body.set(name, value)
  // Only the options and the request may set a protocol field: an extra field must not add a PIN
  // to the first step, or a client_secret that the options left out on purpose.
  for (const name of PROTOCOL_FIELDS) body.delete(name)
  body.set('grant_type', 'password')
  body.set('username', request.username)
  body.set('password', request.password)
  if (options.clientId !== undefined) body.set('client_id', options.clientId)
  if (options.clientSecret !== undefined) body.set('client_secret', options.clientSecret)
  if (request.pin !== undefined) body.set('twofactor_authentication_validation_pin', request.pin)
  return body
}

/** Reads the body as UTF-8 text, or `undefined` once it passes `maxBytes`. */
async function readText(
  response: Response,
  maxBytes: number,
  controller: AbortController,
): Promise<string | undefined> {
  const declared = Number(response.headers.get('content-length'))
  if (declared > maxBytes) {
    controller.abort()
    return undefined
  }
  if (!response.body) return ''
  const reader = response.body.getReader()
  // Not every fetch ties the body to its signal (a wrapper, a polyfill, a mock): cancel it here,
  // or a body that never ends would outlive the timeout and keep the form busy for good.
  const cancel = () => {
    reader.cancel().catch(() => undefined)
  }
  controller.signal.addEventListener('abort', cancel)
  const decoder = new TextDecoder()
  let text = ''
  let received = 0
  try {
    for (;;) {
      const { done, value } = await reader.read()
      // A cancelled read ends as if complete: that is a failure, not the whole body.
      if (controller.signal.aborted) throw new Error('aborted')
      if (done) return text + decoder.decode()
      received += value.byteLength
      if (received > maxBytes) {
        controller.abort()
        return undefined
      }
      text += decoder.decode(value, { stream: true })
    }
  } finally {
    controller.signal.removeEventListener('abort', cancel)
  }
}

function joinUrl(base: string, path: string): string {
  if (base === '') return path
  return `${base.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`
}
