import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { type ErrorMessageKey, RESULT_CODES, type ResultCode } from '../../src/core/index.js'
import {
  blankMessages,
  compareKeys,
  comparePlaceholders,
  type FlatMessages,
  flatten,
  markupMessages,
  untranslated,
} from './localeChecks.js'

// A string, not `new URL(…)`: the jsdom environment replaces the global `URL`.
const LOCALES_DIR = join(dirname(fileURLToPath(import.meta.url)), '../../locales')
const SOURCE_LOCALE = 'en'
const NAMESPACE = 'idmLogin'
/** A translation may share a few messages with English (a product name, "OK"), not more. */
const MAX_UNTRANSLATED_SHARE = 0.05

/** Every locale folder, so that a new locale is checked without touching this file. */
const LOCALES = readdirSync(LOCALES_DIR, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort()

/**
 * The machine's message keys besides `errors.<CODE>`. The type makes this list complete: a new
 * key in `ErrorMessageKey` fails type checking here until it is added.
 */
const OTHER_ERROR_KEYS: Record<Exclude<ErrorMessageKey, `errors.${ResultCode}`>, true> = {
  'errors.unknownCode': true,
  'errors.invalidResponse': true,
  'errors.network': true,
  'errors.timeout': true,
  'errors.passwordChangeFailed': true,
}

const RESULT_CODE_KEYS = Object.keys(RESULT_CODES).map((code) => `errors.${code}`)

function load(locale: string): FlatMessages {
  const file = join(LOCALES_DIR, locale, `${NAMESPACE}.json`)
  if (!existsSync(file)) throw new Error(`locales/${locale} has no ${NAMESPACE}.json`)
  return flatten(JSON.parse(readFileSync(file, 'utf8')))
}

describe('the locale folders', () => {
  it('include the source locale and at least one translation', () => {
    expect(LOCALES).toContain(SOURCE_LOCALE)
    expect(LOCALES.length).toBeGreaterThan(1)
  })
})

describe.each(LOCALES)('locale %s', (locale) => {
  it('has exactly the keys of the source locale', () => {
    const { missing, extra } = compareKeys(load(SOURCE_LOCALE), load(locale), locale)
    expect({ missing, extra }).toEqual({ missing: [], extra: [] })
  })

  it('keeps the placeholders of every message', () => {
    expect(comparePlaceholders(load(SOURCE_LOCALE), load(locale))).toEqual([])
  })

  it('has no empty, blank or non-text message', () => {
    expect(blankMessages(load(locale))).toEqual([])
  })

  it('has a message for every result code the IDM documents', () => {
    const messages = load(locale)
    expect(RESULT_CODE_KEYS).toHaveLength(26)
    expect(RESULT_CODE_KEYS.filter((key) => !(key in messages))).toEqual([])
  })

  it('has a message for every other error the login machine raises', () => {
    const messages = load(locale)
    expect(Object.keys(OTHER_ERROR_KEYS).filter((key) => !(key in messages))).toEqual([])
  })

  it('contains no HTML markup', () => {
    expect(markupMessages(load(locale))).toEqual([])
  })

  if (locale !== SOURCE_LOCALE) {
    it('is translated, not a copy of the source locale', () => {
      const { keys, share } = untranslated(load(SOURCE_LOCALE), load(locale))
      expect(share, `same as ${SOURCE_LOCALE}: ${keys.join(', ')}`).toBeLessThan(
        MAX_UNTRANSLATED_SHARE,
      )
    })
  }
})
