const warned = new Set<string>()

/**
 * Whether this is a development build. Bundlers replace `process.env.NODE_ENV` in dependencies;
 * where nothing defines `process` (a plain script tag), stay quiet as production would.
 */
export function isDevelopment(): boolean {
  try {
    return process.env.NODE_ENV !== 'production'
  } catch {
    return false
  }
}

/**
 * Logs a development-only error, once per `key`. Never pass credentials or form values.
 *
 * Call it inside `if (process.env.NODE_ENV !== 'production')`, written out at the call site and
 * checked after the warning's own condition: bundlers replace that expression, so minifiers drop
 * the call and its message from production builds, which the check in here cannot achieve. Code
 * that nothing replaces reads `process` only when there is something to warn about (TanStack
 * Query, a peer, needs the replacement anyway).
 */
export function warnOnce(key: string, message: string): void {
  if (!isDevelopment() || warned.has(key)) return
  warned.add(key)
  console.error(`[react-idm-login] ${message}`)
}
