import { DEFAULT_TOKEN_PATH } from '../core/index.js'
import { DEMO_ACCOUNTS, DEMO_CLIENT_ID, type DemoAccount } from './demoAccounts.js'
import type {
  EmulatorRequest,
  EmulatorResponse,
  IdmEmulator,
  IdmEmulatorOptions,
} from './emulatorTypes.js'
import { checkPasswordPolicy, type EmulatorPasswordPolicy } from './passwordPolicy.js'
import {
  jsonAnswer,
  passwordAnswer,
  passwordRefusal,
  tokenError,
  tokenSuccess,
} from './serverAnswers.js'

/** The token path that another page of the IDM's documentation gives; the emulator serves both. */
export const ALTERNATE_TOKEN_PATH = '/api/legacy/sts/oauth/token'

/** The IDM's documented password policy check, below `basePath`. */
export const PASSWORD_CHECK_PATH = '/api/password/check'

/**
 * The emulator's own password change endpoint, below `basePath`. The real IDM's way of changing
 * a password is not public, so this one exists only in the emulator: `POST` a JSON body
 * `{ "username", "oldPassword", "newPassword" }` and get `{ Success, Message, ErrorList }` back.
 * A demo's `changePassword` function can call it.
 */
export const PASSWORD_CHANGE_PATH = '/emulator/password/change'

/** Usernames longer than this many code points get STS_0007. */
const MAX_USERNAME_LENGTH = 256
const PIN_FIELD = 'twofactor_authentication_validation_pin'

/** Fields whose meaning would be ambiguous if sent twice: GLB_0002. */
const PROTOCOL_FIELDS = new Set([
  'grant_type',
  'username',
  'password',
  'client_id',
  'client_secret',
  PIN_FIELD,
])

interface AccountState {
  /** Wrong passwords in a row. */
  failures: number
  locked: boolean
  /** The password set through the change endpoint, if any. */
  password: string | undefined
  /** Whether the sms-fail behaviour has already failed once. */
  smsFailed: boolean
}

interface Config {
  clientId: string
  clientSecret: string | undefined
  disabledClients: ReadonlySet<string>
  lockAfter: number
  captchaAfter: number
  maxBodyBytes: number
  passwordPolicy: Partial<EmulatorPasswordPolicy>
  now: () => number
}

interface Context {
  config: Config
  /** Every username and alias, normalised, to its account. */
  accounts: ReadonlyMap<string, DemoAccount>
  /** Keyed by the account object, so that aliases share one state. */
  states: Map<DemoAccount, AccountState>
}

/** A request after defensive normalisation: every field is present and of the right type. */
interface Input {
  method: string
  headers: ReadonlyMap<string, string>
  body: string
  tooLarge: boolean
}

/**
 * Creates an IDM emulator: the IDM's token protocol as a function from request to response,
 * with a table of demo users that reach every result code, and state of its own.
 *
 * Endpoints, all below `basePath` and all `POST`:
 * - `/legacy/sts/api/oauth/token` and `/api/legacy/sts/oauth/token`: the password grant, with a
 *   URL-encoded body.
 * - `/api/password/check`: the password policy check (`client_id` header, JSON `{ Password }`).
 * - `/emulator/password/change`: see {@link PASSWORD_CHANGE_PATH}.
 *
 * The emulator's own rules, where the IDM documents none:
 * - GLB_0002 (400): a method other than `POST`; a content type other than
 *   `application/x-www-form-urlencoded` (JSON for the password endpoints); a body with a broken
 *   percent-escape or invalid UTF-8; a protocol field (`username`, `client_id`…) sent twice.
 *   With status 413: a body over `maxBodyBytes`.
 * - STS_0019 without `client_id`; GLB_0001 (401) for an unknown `client_id` or a wrong
 *   `client_secret`; GLB_0003 for a `grant_type` other than `password`; GLB_0004 (401) for a
 *   client in `passwordGrantDisabledClients`. Checked in that order, before the credentials.
 * - STS_0005 for an empty (or all-space) username, then STS_0006 for an empty password, then
 *   STS_0007 for a malformed username: one holding a control character (U+0000–U+001F,
 *   U+007F–U+009F) or longer than 256 code points.
 * - Usernames match without regard to case or surrounding spaces; an unknown one gives STS_0001.
 * - The password is checked before the account's state: a wrong password gives STS_0002 for every
 *   account (and counts towards the lock), except one already locked by wrong passwords, which
 *   gives STS_0004 until `reset()`. PIN failures do not count.
 * - Statuses: 200 for a token, 400 for request, credential and account errors, 401 for GLB_0001
 *   and GLB_0004, 500 for STS_9999 and GLB_9999, 404 for any other path.
 *
 * @example
 * const emulator = createIdmEmulator()
 * const answer = emulator.handle({
 *   method: 'POST',
 *   path: '/legacy/sts/api/oauth/token',
 *   headers: { 'content-type': 'application/x-www-form-urlencoded' },
 *   body: 'grant_type=password&username=mfa&password=Demo.2026!&client_id=demo-client',
 * })
 * JSON.parse(answer.body).result_code // 'STS_0011'
 */
export function createIdmEmulator(options: IdmEmulatorOptions = {}): IdmEmulator {
  const config = resolveConfig(options)
  const ctx: Context = {
    config,
    accounts: indexAccounts(options.users ?? DEMO_ACCOUNTS),
    states: new Map(),
  }
  const base = normaliseBasePath(options.basePath)
  const tokenPaths = [base + DEFAULT_TOKEN_PATH, base + ALTERNATE_TOKEN_PATH]
  const checkPath = base + PASSWORD_CHECK_PATH
  const changePath = base + PASSWORD_CHANGE_PATH
  const routes = Object.freeze([...tokenPaths, checkPath, changePath])

  return {
    routes,
    maxBodyBytes: config.maxBodyBytes,
    owns: (path) => routes.includes(pathOf(path)),
    reset: () => ctx.states.clear(),
    handle(request) {
      try {
        const path = pathOf(isObject(request) ? request.path : undefined)
        const input = readInput(request, config.maxBodyBytes)
        if (tokenPaths.includes(path)) return handleToken(ctx, input)
        if (path === checkPath) return handlePasswordCheck(ctx, input)
        if (path === changePath) return handlePasswordChange(ctx, input)
        return jsonAnswer(404, { error: 'Not found.' })
      } catch {
        // A bug here must look like a server failure, never crash a test run or a dev server.
        return tokenError('GLB_9999')
      }
    },
  }
}

function resolveConfig(options: IdmEmulatorOptions): Config {
  return {
    clientId: options.clientId ?? DEMO_CLIENT_ID,
    clientSecret: options.clientSecret,
    disabledClients: new Set(options.passwordGrantDisabledClients ?? ['no-password-grant']),
    lockAfter: positiveInteger(options.lockAfter, 5),
    captchaAfter: positiveInteger(options.captchaAfter, 3),
    maxBodyBytes: positiveInteger(options.maxBodyBytes, 16_384),
    passwordPolicy: options.passwordPolicy ?? {},
    now: options.now ?? Date.now,
  }
}

function positiveInteger(value: number | undefined, fallback: number): number {
  return value !== undefined && Number.isFinite(value) && value >= 1 ? Math.floor(value) : fallback
}

function indexAccounts(users: readonly DemoAccount[]): Map<string, DemoAccount> {
  const accounts = new Map<string, DemoAccount>()
  for (const account of users) {
    for (const name of [account.username, ...(account.aliases ?? [])]) {
      const key = nameKey(name)
      // Two accounts under one name would make every answer for it a guess.
      if (accounts.has(key)) {
        throw new Error(`createIdmEmulator: the username "${name}" appears twice in users.`)
      }
      accounts.set(key, account)
    }
  }
  return accounts
}

function normaliseBasePath(basePath: string | undefined): string {
  const trimmed = (basePath ?? '').replace(/\/+$/, '')
  return trimmed === '' || trimmed.startsWith('/') ? trimmed : `/${trimmed}`
}

function nameKey(name: string): string {
  return name.trim().toLowerCase()
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null
}

function pathOf(path: unknown): string {
  return typeof path === 'string' ? (path.split(/[?#]/, 1)[0] ?? '') : ''
}

/** Reads a request defensively: callers in plain JavaScript may pass anything. */
function readInput(request: EmulatorRequest, maxBytes: number): Input {
  const raw: Record<string, unknown> = isObject(request) ? { ...request } : {}
  const body = typeof raw.body === 'string' ? raw.body : ''
  return {
    method: typeof raw.method === 'string' ? raw.method.toUpperCase() : '',
    headers: lowerCaseHeaders(raw.headers),
    body,
    tooLarge: raw.bodyTooLarge === true || utf8Length(body) > maxBytes,
  }
}

function lowerCaseHeaders(headers: unknown): Map<string, string> {
  const result = new Map<string, string>()
  if (!isObject(headers)) return result
  for (const [name, value] of Object.entries(headers)) {
    // Node gives repeated headers as arrays; join them as HTTP would.
    if (typeof value === 'string') result.set(name.toLowerCase(), value)
    else if (Array.isArray(value)) result.set(name.toLowerCase(), value.join(', '))
  }
  return result
}

function utf8Length(text: string): number {
  // Each UTF-16 unit is at least one byte, so a long string needs no encoding to be judged.
  if (text.length > 65_536) return text.length
  return new TextEncoder().encode(text).byteLength
}

function mediaType(input: Input): string {
  return (input.headers.get('content-type') ?? '').split(';', 1)[0]?.trim().toLowerCase() ?? ''
}

/** The GLB_0002 answers that every endpoint shares, or `undefined` for a usable request. */
function requestProblem(input: Input): { status: number } | undefined {
  if (input.method !== 'POST') return { status: 400 }
  if (input.tooLarge) return { status: 413 }
  return undefined
}

/** The code that refuses this client, if any (STS_0019 or GLB_0001). */
function clientProblem(ctx: Context, clientId = '', secret?: string): string | undefined {
  const { config } = ctx
  if (clientId === '') return 'STS_0019'
  if (clientId !== config.clientId && !config.disabledClients.has(clientId)) return 'GLB_0001'
  if (config.clientSecret !== undefined && secret !== config.clientSecret) return 'GLB_0001'
  return undefined
}

function handleToken(ctx: Context, input: Input): EmulatorResponse {
  const problem = requestProblem(input)
  if (problem) return tokenError('GLB_0002', problem)
  const form = parseForm(input)
  if (form === undefined) return tokenError('GLB_0002')

  const clientId = form.get('client_id')
  const clientCode = clientProblem(ctx, clientId, form.get('client_secret'))
  if (clientCode) return tokenError(clientCode)
  if (form.get('grant_type') !== 'password') return tokenError('GLB_0003')
  if (clientId !== undefined && ctx.config.disabledClients.has(clientId)) {
    return tokenError('GLB_0004')
  }
  return handleCredentials(ctx, form)
}

/** The form fields, or `undefined` for a body that is not a well-formed URL-encoded form. */
function parseForm(input: Input): Map<string, string> | undefined {
  if (mediaType(input) !== 'application/x-www-form-urlencoded') return undefined
  try {
    // URLSearchParams quietly repairs broken escapes; the strict decoder finds them.
    decodeURIComponent(input.body.replace(/\+/g, ' '))
  } catch {
    return undefined
  }
  const fields = new Map<string, string>()
  for (const [name, value] of new URLSearchParams(input.body)) {
    if (fields.has(name) && PROTOCOL_FIELDS.has(name)) return undefined
    fields.set(name, value)
  }
  return fields
}

function handleCredentials(ctx: Context, form: ReadonlyMap<string, string>): EmulatorResponse {
  const username = form.get('username') ?? ''
  const password = form.get('password') ?? ''
  if (username.trim() === '') return tokenError('STS_0005')
  if (password === '') return tokenError('STS_0006')
  if (isMalformedUsername(username)) return tokenError('STS_0007')

  const account = ctx.accounts.get(nameKey(username))
  if (account === undefined) return tokenError('STS_0001')
  const state = stateOf(ctx, account)
  if (state.locked) return tokenError('STS_0004')
  if (password !== currentPassword(account, state)) {
    const failure = countFailure(ctx, state)
    return tokenError(failure.code, { captcha: failure.captcha })
  }

  state.failures = 0
  return answerFor(ctx, account, state, form.get(PIN_FIELD) ?? '')
}

function isMalformedUsername(username: string): boolean {
  return /\p{Cc}/u.test(username) || [...username].length > MAX_USERNAME_LENGTH
}

function stateOf(ctx: Context, account: DemoAccount): AccountState {
  let state = ctx.states.get(account)
  if (state === undefined) {
    state = { failures: 0, locked: false, password: undefined, smsFailed: false }
    ctx.states.set(account, state)
  }
  return state
}

function currentPassword(account: DemoAccount, state: AccountState): string {
  return state.password ?? account.password
}

/** Counts a wrong password; the failure that reaches `lockAfter` already locks. */
function countFailure(ctx: Context, state: AccountState): { code: string; captcha: boolean } {
  state.failures += 1
  if (state.failures >= ctx.config.lockAfter) {
    state.locked = true
    return { code: 'STS_0004', captcha: false }
  }
  return { code: 'STS_0002', captcha: state.failures >= ctx.config.captchaAfter }
}

/** The answer for the right password, by the account's behaviour. */
function answerFor(
  ctx: Context,
  account: DemoAccount,
  state: AccountState,
  pin: string,
): EmulatorResponse {
  const behaviour = account.behaviour
  switch (behaviour.kind) {
    case 'signIn':
      return tokenSuccess(ctx.config.now())
    case 'passwordExpired':
      // A password set through the change endpoint is new, so it has not expired.
      return state.password === undefined ? tokenError('STS_0009') : tokenSuccess(ctx.config.now())
    case 'smsFailsOnce':
      if (!state.smsFailed) {
        state.smsFailed = true
        return tokenError('STS_0014')
      }
      return twoFactorAnswer(ctx, behaviour.pin, pin)
    case 'twoFactor':
      return twoFactorAnswer(ctx, behaviour.pin, pin)
    case 'answer':
      if (behaviour.resultCode === 'STS_0000') return tokenSuccess(ctx.config.now())
      return tokenError(behaviour.resultCode)
    default:
      // A table written in plain JavaScript may hold a kind that does not exist.
      return tokenError('GLB_9999')
  }
}

function twoFactorAnswer(ctx: Context, expected: string, pin: string): EmulatorResponse {
  // No PIN is a first request or a resend: the server "sends" an SMS and asks for the PIN.
  if (pin === '') return tokenError('STS_0011')
  return pin === expected ? tokenSuccess(ctx.config.now()) : tokenError('STS_0013')
}

/** The JSON object of a password endpoint's body, or `undefined` if there is none. */
function parseJsonObject(input: Input): Record<string, unknown> | undefined {
  const type = mediaType(input)
  if (type !== 'application/json' && !type.endsWith('+json')) return undefined
  try {
    const value: unknown = JSON.parse(input.body)
    return isObject(value) && !Array.isArray(value) ? value : undefined
  } catch {
    return undefined
  }
}

function handlePasswordCheck(ctx: Context, input: Input): EmulatorResponse {
  const problem = requestProblem(input)
  if (problem) return passwordRefusal('GLB_0002', problem.status)
  const clientCode = clientProblem(
    ctx,
    input.headers.get('client_id'),
    input.headers.get('client_secret'),
  )
  if (clientCode) return passwordRefusal(clientCode)

  const candidate = parseJsonObject(input)?.Password
  if (typeof candidate !== 'string') return passwordRefusal('GLB_0002')
  const errors = checkPasswordPolicy(candidate, ctx.config.passwordPolicy)
  const message = errors.length === 0 ? 'Password is valid.' : 'Password does not meet the policy.'
  return passwordAnswer(200, message, errors)
}

function handlePasswordChange(ctx: Context, input: Input): EmulatorResponse {
  const problem = requestProblem(input)
  if (problem) return passwordRefusal('GLB_0002', problem.status)
  const body = parseJsonObject(input) ?? {}
  const { username, oldPassword, newPassword } = body
  if (
    typeof username !== 'string' ||
    typeof oldPassword !== 'string' ||
    typeof newPassword !== 'string'
  ) {
    return passwordRefusal('GLB_0002')
  }

  const account = ctx.accounts.get(nameKey(username))
  if (account === undefined) return passwordRefusal('STS_0001')
  const state = stateOf(ctx, account)
  if (state.locked) return passwordRefusal('STS_0004')
  // The old password is a guess like any other, so a wrong one counts towards the lock.
  if (oldPassword !== currentPassword(account, state)) {
    return passwordRefusal(countFailure(ctx, state).code)
  }
  state.failures = 0

  const errors = checkPasswordPolicy(newPassword, ctx.config.passwordPolicy)
  if (newPassword === oldPassword) {
    errors.push({ ResultCode: 'PAS_0009', Message: 'New password must differ from the old one.' })
  }
  if (errors.length > 0) return passwordAnswer(400, 'Password does not meet the policy.', errors)
  state.password = newPassword
  return passwordAnswer(200, 'Password has been changed.')
}
