import {
  DEMO_CLIENT_ID,
  DEMO_PASSWORD,
  type EmulatorRequest,
  type IdmEmulator,
} from '../../src/testing/index.js'

/** The emulator's default token path, spelt out so that a change to the constant shows here. */
export const TOKEN_PATH = '/legacy/sts/api/oauth/token'

/** A well-formed token request for `fields`, with any part of the request replaced. */
export function tokenRequest(
  fields: Record<string, string>,
  overrides: Partial<EmulatorRequest> = {},
): EmulatorRequest {
  return {
    method: 'POST',
    path: TOKEN_PATH,
    headers: { 'content-type': 'application/x-www-form-urlencoded;charset=UTF-8' },
    body: new URLSearchParams(fields).toString(),
    ...overrides,
  }
}

/** The fields of a password grant for the demo client. */
export function grant(
  username: string,
  password = DEMO_PASSWORD,
  extra: Record<string, string> = {},
): Record<string, string> {
  return { grant_type: 'password', username, password, client_id: DEMO_CLIENT_ID, ...extra }
}

/** A parsed answer: the status, the JSON body, and the result code (STS_0000 for a token). */
export interface ParsedAnswer {
  status: number
  body: Record<string, unknown>
  code: unknown
}

/** Sends a request and parses the answer. */
export function send(emulator: IdmEmulator, request: EmulatorRequest): ParsedAnswer {
  const answer = emulator.handle(request)
  const body = JSON.parse(answer.body) as Record<string, unknown>
  const code = 'access_token' in body ? 'STS_0000' : body.result_code
  return { status: answer.status, body, code }
}

/** Logs in with the demo client, as the token fetcher would. */
export function login(
  emulator: IdmEmulator,
  username: string,
  password = DEMO_PASSWORD,
  extra: Record<string, string> = {},
): ParsedAnswer {
  return send(emulator, tokenRequest(grant(username, password, extra)))
}

/** A JSON request to one of the password endpoints. */
export function jsonRequest(
  path: string,
  value: unknown,
  headers: Record<string, string> = {},
): EmulatorRequest {
  return {
    method: 'POST',
    path,
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(value),
  }
}
