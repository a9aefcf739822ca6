import type en from '../../locales/en/idmLogin.json'

/** The i18next namespace that holds every message of the library. */
export const NAMESPACE = 'idmLogin'

/** The shape of a locale file; `locales/en/idmLogin.json` is the source of truth. */
export type Messages = typeof en

/** Messages with any part left out: for overrides of single messages. */
export type PartialMessages = { [K in keyof Messages]?: DeepPartial<Messages[K]> }
type DeepPartial<T> = T extends string ? string : { [K in keyof T]?: DeepPartial<T[K]> }

/** A locale's messages, given at once or loaded on demand. */
export type LocaleSource =
  | PartialMessages
  | (() => Promise<PartialMessages | { default: PartialMessages }>)

/**
 * The languages the package ships. Each is its own chunk, loaded when first asked for. `ar` is
 * right-to-left; `en-XA` is a pseudo-locale (accented, longer, bracketed English, written by
 * `scripts/pseudo-locale.mjs`) for finding cut-off and hard-coded text.
 */
export const BUILT_IN_LOCALES: Readonly<Record<string, LocaleSource>> = {
  en: () => import('../../locales/en/idmLogin.json'),
  tr: () => import('../../locales/tr/idmLogin.json'),
  ar: () => import('../../locales/ar/idmLogin.json'),
  'en-XA': () => import('../../locales/en-XA/idmLogin.json'),
}
