import i18next from 'i18next'
import { BUILT_IN_LOCALES } from '../../src/i18n/messages.js'

/** The toolbar's themes: the default light and dark schemes, and an example product theme. */
export const THEMES = ['light', 'dark', 'product'] as const
export type Theme = (typeof THEMES)[number]

/** What the toolbar globals ask a story to look like. */
export interface Look {
  locale: string
  theme: Theme
  /** For `colorScheme`: the product theme is a light one. */
  colorScheme: 'light' | 'dark'
  dir: 'ltr' | 'rtl'
}

/** Every shipped language, so a language added to BUILT_IN_LOCALES reaches the toolbar. */
export const LOCALES = Object.keys(BUILT_IN_LOCALES)

/** A language's name in itself, such as `Türkçe`; the pseudo-locale says what it is. */
export function localeTitle(locale: string): string {
  if (locale === 'en-XA') return 'Pseudo-locale (en-XA)'
  const name = new Intl.DisplayNames([locale], { type: 'language' }).of(locale) ?? locale
  return i18next.dir(locale) === 'rtl' ? `${name} (right to left)` : name
}

/** Reads the toolbar globals, falling back to English and light for anything unknown. */
export function lookOf(globals: Record<string, unknown>): Look {
  const locale = typeof globals.locale === 'string' ? globals.locale : 'en'
  const theme = THEMES.find((name) => name === globals.theme) ?? 'light'
  return {
    locale,
    theme,
    colorScheme: theme === 'dark' ? 'dark' : 'light',
    dir: i18next.dir(locale) === 'rtl' ? 'rtl' : 'ltr',
  }
}
