import type { ChangePassword } from '../react/useLoginFlow.js'
import { PASSWORD_CHANGE_PATH } from './createIdmEmulator.js'

/**
 * A `changePassword` for `<LoginFlow>` that calls the emulator's own password change endpoint.
 * The real IDM's change endpoint is not public; write yours the same way against your backend.
 *
 * @example
 * <LoginFlow changePassword={createEmulatorChangePassword({ baseUrl: 'http://idm.test' })} />
 */
export function createEmulatorChangePassword(
  options: { baseUrl?: string; basePath?: string; fetch?: typeof fetch } = {},
): ChangePassword {
  const base = (options.baseUrl ?? '').replace(/\/+$/, '') + (options.basePath ?? '')
  const url = `${base}${PASSWORD_CHANGE_PATH}`
  return async ({ username, oldPassword, newPassword, signal }) => {
    const response = await (options.fetch ?? globalThis.fetch)(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username, oldPassword, newPassword }),
      signal,
    })
    const body = (await response.json().catch(() => ({}))) as { Success?: unknown }
    return { ok: response.ok && body.Success === true }
  }
}
