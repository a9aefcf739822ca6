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

/** Logs a development-only error, once per `key`. Never pass credentials or form values. */
export function warnOnce(key: string, message: string): void {
  if (!isDevelopment() || warned.has(key)) return
  warned.add(key)
  console.error(`[react-idm-login] ${message}`)
}
