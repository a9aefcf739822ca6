import type { DemoAccount } from './demoAccounts.js'
import type { EmulatorPasswordPolicy } from './passwordPolicy.js'

/** An HTTP request, as an adapter (MSW, a middleware, a test) hands it to the emulator. */
export interface EmulatorRequest {
  /** The HTTP method, such as `POST`. */
  method: string
  /** The URL path, such as `/legacy/sts/api/oauth/token`; a query string is ignored. */
  path: string
  /** Request headers; names are matched without regard to case. */
  headers: Record<string, string | undefined>
  /** The body as text (empty for none). */
  body: string
  /**
   * Set by an adapter that stopped reading the body at `maxBodyBytes`: the emulator then answers
   * 413 whatever `body` holds.
   */
  bodyTooLarge?: boolean
}

/** The emulator's answer. */
export interface EmulatorResponse {
  /** The HTTP status. */
  status: number
  /** Response headers, names in lower case. */
  headers: Record<string, string>
  /** The body: JSON text. */
  body: string
}

/** Options of `createIdmEmulator`. */
export interface IdmEmulatorOptions {
  /**
   * The users the emulator knows. Replaces the whole table.
   * @default DEMO_ACCOUNTS
   */
  users?: readonly DemoAccount[]
  /**
   * The one `client_id` allowed to log in. Any other gives GLB_0001; none gives STS_0019.
   * @default 'demo-client'
   */
  clientId?: string
  /**
   * When set, every request must send this `client_secret` (in the form for the token endpoint,
   * as a header for the password check), else GLB_0001. Unset, the secret is not checked.
   */
  clientSecret?: string
  /**
   * Client ids the server knows but that may not use the password grant: GLB_0004.
   * @default ['no-password-grant']
   */
  passwordGrantDisabledClients?: readonly string[]
  /**
   * A path prefix for every endpoint, such as `/idm`.
   * @default ''
   */
  basePath?: string
  /**
   * Wrong passwords in a row that lock an account until `reset()`. The failure that reaches this
   * count is already answered with STS_0004.
   * @default 5
   */
  lockAfter?: number
  /**
   * From this many wrong passwords in a row, STS_0002 answers carry `request_captcha: true`.
   * @default 3
   */
  captchaAfter?: number
  /**
   * The largest request body, in UTF-8 bytes; a larger one gets GLB_0002 with status 413.
   * @default 16384
   */
  maxBodyBytes?: number
  /** Overrides of the password policy that the password endpoints enforce. */
  passwordPolicy?: Partial<EmulatorPasswordPolicy>
  /**
   * The clock, in milliseconds since the epoch, for `expire_date`.
   * @default Date.now
   */
  now?: () => number
}

/** An IDM emulator: one protocol implementation with per-instance state. */
export interface IdmEmulator {
  /**
   * Answers one request. Never throws: any input, however broken, gets an HTTP answer. Mutates
   * this instance's state (failure counters, locks, changed passwords, the sms-fail flag).
   */
  handle(request: EmulatorRequest): EmulatorResponse
  /** Forgets all state: unlocks accounts, clears counters, restores the original passwords. */
  reset(): void
  /** Whether `path` (a query string is ignored) is one of the emulator's endpoints. */
  owns(path: string): boolean
  /** The full paths of every endpoint, `basePath` included. */
  readonly routes: readonly string[]
  /** The body size limit in bytes, for adapters that read bodies. */
  readonly maxBodyBytes: number
}
