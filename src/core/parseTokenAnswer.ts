import { isResultCode } from './resultCodes.js'
import type { AnswerOutcome, TokenResponse } from './tokenOutcome.js'

const MAX_SERVER_MESSAGE = 300

/**
 * Turns an HTTP status and body text into an outcome. Pure, and total: any string gives an
 * outcome, because the body may come from the IDM, a proxy, or something that only looks like one.
 */
export function parseTokenAnswer(status: number, text: string): AnswerOutcome {
  const base = { status, captchaRequired: false }
  if (text.trim() === '') return { ...base, type: 'invalidResponse', reason: 'empty' }

  let body: unknown
  try {
    body = JSON.parse(text)
  } catch {
    const reason = /^\s*</.test(text) ? 'html' : 'notJson'
    return { ...base, type: 'invalidResponse', reason }
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return { ...base, type: 'invalidResponse', reason: 'notObject' }
  }

  const fields = body as Record<string, unknown>
  const details = {
    status,
    captchaRequired: fields.request_captcha === true || fields.request_captcha === 'true',
    ...serverMessageOf(fields),
  }
  const raw = fields.result_code
  const code = typeof raw === 'string' ? raw.trim() : raw
  const token = tokenOf(fields)

  if (code === undefined || code === null || code === '' || /^STS_0000$/i.test(String(code))) {
    if (token) return { ...details, type: 'success', code: 'STS_0000', token }
    const reason = code ? 'noToken' : 'noCode'
    return { ...details, type: 'invalidResponse', reason }
  }
  if (typeof code !== 'string') return { ...details, type: 'invalidResponse', reason: 'noCode' }
  // Tolerate case as well as spacing: "sts_0004" still means locked, not "unknown, try again".
  const known = code.toUpperCase()
  if (isResultCode(known) && known !== 'STS_0000')
    return { ...details, type: 'result', code: known }
  return { ...details, type: 'unknownCode', code: code.slice(0, 40) }
}

function serverMessageOf(fields: Record<string, unknown>): { serverMessage?: string } {
  // An empty or non-text error_description must not hide a useful error beside it.
  const message = [fields.error_description, fields.error].find(
    (value): value is string => typeof value === 'string' && value !== '',
  )
  return message === undefined ? {} : { serverMessage: message.slice(0, MAX_SERVER_MESSAGE) }
}

function tokenOf(fields: Record<string, unknown>): TokenResponse | undefined {
  // The IDM sends the token twice, once under a misspelt name; some versions may send only one.
  const accessToken = fields.access_token ?? fields.acces_token
  if (typeof accessToken !== 'string' || accessToken.trim() === '') return undefined
  const token: TokenResponse = { accessToken, raw: fields }
  if (typeof fields.token_type === 'string') token.tokenType = fields.token_type
  if (typeof fields.expires_in === 'number') token.expiresIn = fields.expires_in
  if (typeof fields.refresh_token === 'string') token.refreshToken = fields.refresh_token
  return token
}
