import type { ResultCode } from './resultCodes.js'

/** What one token request sends. The password is passed through exactly as typed. */
export interface TokenRequest {
  username: string
  password: string
  /** The two-factor PIN, on the second step only. */
  pin?: string
  /** Fields for this request only, such as a captcha answer. */
  fields?: Readonly<Record<string, string>>
}

/** The token fields of a successful answer, normalised, with everything that arrived in `raw`. */
export interface TokenResponse {
  accessToken: string
  /** `token_type`, usually `bearer`. */
  tokenType?: string
  /** Lifetime in seconds (`expires_in`). */
  expiresIn?: number
  refreshToken?: string
  /** The whole JSON body, as the server sent it (including `acces_token` or `expire_date`). */
  raw: Readonly<Record<string, unknown>>
}

/** Why a body could not be read as an IDM answer. */
export type InvalidResponseReason =
  /** No body at all. */
  | 'empty'
  /** An HTML page, typically from a proxy (502, 504). */
  | 'html'
  /** Text that is not JSON, or is cut short. */
  | 'notJson'
  /** JSON that is not an object (an array, a string, `null`). */
  | 'notObject'
  /** An object with no usable `result_code` and no token. */
  | 'noCode'
  /** STS_0000 without an access token. */
  | 'noToken'
  /** Larger than the fetcher is willing to read. */
  | 'tooLarge'

interface AnswerDetails {
  /** The HTTP status. */
  status: number
  /** The server's own sentence (`error_description` or `error`): for developers, never for users. */
  serverMessage?: string
  /** The server wants a captcha on the next request (`request_captcha`). */
  captchaRequired: boolean
}

/** Everything a token request can end in. A fetcher resolves to one of these and never throws. */
export type TokenOutcome =
  | ({ type: 'success'; code: 'STS_0000'; token: TokenResponse } & AnswerDetails)
  | ({ type: 'result'; code: Exclude<ResultCode, 'STS_0000'> } & AnswerDetails)
  /** A code this library does not know, from a newer server. */
  | ({ type: 'unknownCode'; code: string } & AnswerDetails)
  | ({ type: 'invalidResponse'; reason: InvalidResponseReason } & AnswerDetails)
  /** The request never got an answer: offline, DNS, CORS refusal, connection reset. */
  | { type: 'networkError' }
  /** No complete answer within the fetcher's timeout. */
  | { type: 'timeout' }
  /** The caller aborted the request (the user left the step). */
  | { type: 'aborted' }

/** An outcome with a server answer, as opposed to a request that got none. */
export type AnswerOutcome = Extract<TokenOutcome, { status: number }>

/** Sends one token request. Resolves to an outcome for everything a server or network can do. */
export type TokenFetcher = (request: TokenRequest, signal: AbortSignal) => Promise<TokenOutcome>
