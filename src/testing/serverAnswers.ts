import type { ResultCode } from '../core/index.js'
import type { EmulatorPasswordPolicyError } from './passwordPolicy.js'
import type { EmulatorResponse } from './emulatorTypes.js'

/**
 * The English sentence the emulator puts in `error` for each code. The compiler checks that every
 * documented error code has one; they imitate the terse style of the sentences seen from a real
 * server ("Two-factor pin is invalid.").
 */
const SERVER_SENTENCES: Record<Exclude<ResultCode, 'STS_0000'>, string> = {
  STS_0001: 'Username or email is incorrect.',
  STS_0002: 'Password is incorrect.',
  STS_0003: 'User is not active.',
  STS_0004: 'User account is locked.',
  STS_0005: 'Username or email is required.',
  STS_0006: 'Password is required.',
  STS_0007: 'Username, email or password is invalid.',
  STS_0008: 'User activation is required.',
  STS_0009: 'Password has expired and must be changed.',
  STS_0010: 'User update error. Please contact the administrator.',
  STS_0011: 'Two-factor validation required.',
  STS_0012: 'Two-factor setup required.',
  STS_0013: 'Two-factor pin is invalid.',
  STS_0014: 'Two-factor SMS could not be sent.',
  STS_0015: 'No license was found for this product.',
  STS_0016: 'Impersonation token validation error.',
  STS_0017: 'Impersonation application validation error.',
  STS_0018: 'Impersonation user validation error.',
  STS_0019: 'client_id is required.',
  STS_9999: 'An unidentified error occurred.',
  GLB_0001: 'client_id is invalid.',
  GLB_0002: 'Invalid authorization request.',
  GLB_0003: 'Unsupported grant_type.',
  GLB_0004: 'Unauthorized client.',
  GLB_9999: 'An unidentified global error occurred.',
}

/**
 * The HTTP status of each error code. The IDM does not document its statuses, so these follow
 * OAuth 2.0 (RFC 6749 §5.2): 400 for everything the request or the account causes, 401 for a
 * client the server refuses, 500 for the server's own failures. A code not listed (an
 * undocumented one such as STS_0042) gets 400.
 */
const STATUS_OF: Partial<Record<ResultCode, number>> = {
  GLB_0001: 401,
  GLB_0004: 401,
  STS_9999: 500,
  GLB_9999: 500,
}

const JSON_HEADERS = {
  'content-type': 'application/json; charset=utf-8',
  // Token answers must never be cached (RFC 6749 §5.1); the other answers do not need to be.
  'cache-control': 'no-store',
  pragma: 'no-cache',
}

/** A JSON answer with the emulator's usual headers. */
export function jsonAnswer(status: number, value: unknown): EmulatorResponse {
  return { status, headers: { ...JSON_HEADERS }, body: JSON.stringify(value) }
}

/** The sentence for a code, or a generic one for a code the IDM never documented. */
export function sentenceOf(code: string): string {
  return Object.hasOwn(SERVER_SENTENCES, code)
    ? SERVER_SENTENCES[code as keyof typeof SERVER_SENTENCES]
    : 'An error occurred.'
}

/** A token endpoint error, in the IDM's exact shape. */
export function tokenError(
  code: string,
  details: { captcha?: boolean; status?: number } = {},
): EmulatorResponse {
  const status = details.status ?? STATUS_OF[code as ResultCode] ?? 400
  return jsonAnswer(status, {
    error: sentenceOf(code),
    request_captcha: details.captcha ?? false,
    result_code: code,
  })
}

/** The IDM's token lifetime: one year less one second. */
const EXPIRES_IN = 31_535_999

/** A successful token answer: no `result_code`, and the token twice, once misspelt. */
export function tokenSuccess(now: number): EmulatorResponse {
  const accessToken = randomToken()
  return jsonAnswer(200, {
    access_token: accessToken,
    acces_token: accessToken,
    token_type: 'bearer',
    expires_in: EXPIRES_IN,
    refresh_token: randomToken(),
    expire_date: new Date(now + EXPIRES_IN * 1000).toISOString(),
  })
}

/** An answer of the password endpoints, in the IDM's `{ Success, Message, ErrorList }` shape. */
export function passwordAnswer(
  status: number,
  message: string,
  errors: readonly EmulatorPasswordPolicyError[] = [],
): EmulatorResponse {
  return jsonAnswer(status, { Success: errors.length === 0, Message: message, ErrorList: errors })
}

/** A password endpoint refusal carrying a token result code, such as GLB_0002 or STS_0004. */
export function passwordRefusal(code: string, status?: number): EmulatorResponse {
  const error = { ResultCode: code, Message: sentenceOf(code) }
  return passwordAnswer(status ?? STATUS_OF[code as ResultCode] ?? 400, sentenceOf(code), [error])
}

/** 64 hex digits from the platform's cryptographic random source: looks like a real token. */
function randomToken(): string {
  const bytes = new Uint8Array(32)
  globalThis.crypto.getRandomValues(bytes)
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('')
}
