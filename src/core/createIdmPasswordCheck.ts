/** What a password check answers: whether the server accepts it, and the `PAS_` codes if not. */
export interface PasswordCheckResult {
  ok: boolean
  /** The server's `ResultCode`s, such as `PAS_0005` (needs an upper-case letter). */
  codes: string[]
}

/** Asks the server whether a candidate password meets its policy, before it is submitted. */
export type CheckPassword = (password: string, signal: AbortSignal) => Promise<PasswordCheckResult>

/** Options of {@link createIdmPasswordCheck}. */
export interface IdmPasswordCheckOptions {
  /** The IDM's address; empty for the page's own origin. */
  baseUrl?: string
  /** @default '/api/password/check' */
  path?: string
  /** Sent as the `client_id` header. */
  clientId?: string
  /** Sent as the `client_secret` header; keep it on a server where you can. */
  clientSecret?: string
  fetch?: typeof fetch
}

/**
 * A {@link CheckPassword} for the IDM's policy check (`POST /api/password/check` with
 * `{ "Password": … }`). Anything but a clear `Success` answer counts as "not known to fail", so a
 * broken check never blocks a user: the change itself is the final word.
 */
export function createIdmPasswordCheck(options: IdmPasswordCheckOptions = {}): CheckPassword {
  const base = (options.baseUrl ?? '').replace(/\/+$/, '')
  const url = `${base}${options.path ?? '/api/password/check'}`
  return async (password, signal) => {
    const headers: Record<string, string> = { 'Content-Type': 'application/json' }
    if (options.clientId) headers.client_id = options.clientId
    if (options.clientSecret) headers.client_secret = options.clientSecret
    try {
      const response = await (options.fetch ?? globalThis.fetch)(url, {
        method: 'POST',
        headers,
        body: JSON.stringify({ Password: password }),
        signal,
        cache: 'no-store',
      })
      const body = (await response.json()) as { Success?: unknown; ErrorList?: unknown }
      if (body.Success !== false || !Array.isArray(body.ErrorList)) return { ok: true, codes: [] }
      const codes = body.ErrorList.map((item) => (item as { ResultCode?: unknown })?.ResultCode)
      return { ok: false, codes: codes.filter((code): code is string => typeof code === 'string') }
    } catch {
      return { ok: true, codes: [] }
    }
  }
}
