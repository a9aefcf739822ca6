import en from '../../locales/en/idmLogin.json'
import tr from '../../locales/tr/idmLogin.json'

/** The shipped locale files, read as the tests' source of expected text. */
export const MESSAGES = { en, tr } as const

export type TestLocale = keyof typeof MESSAGES

export const LOCALES = Object.keys(MESSAGES) as TestLocale[]

/**
 * The text of `key` (dotted, as i18next addresses it) in a shipped locale, with `{{name}}`
 * placeholders filled from `values`. Throws on a missing key, so a typo fails the test loudly.
 */
export function message(
  locale: TestLocale,
  key: string,
  values: Record<string, string | number> = {},
): string {
  let node: unknown = MESSAGES[locale]
  for (const part of key.split('.')) {
    node = typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[part] : {}
  }
  if (typeof node !== 'string') throw new Error(`no message ${key} in ${locale}`)
  return node.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) =>
    name in values ? String(values[name]) : whole,
  )
}

/** A `message` bound to one locale. */
export function messagesOf(locale: TestLocale) {
  return (key: string, values?: Record<string, string | number>) => message(locale, key, values)
}
