import { createInstance, type i18n as I18n, type TFunction } from 'i18next'
import { useContext, useEffect, useMemo, useState } from 'react'
import { getI18n, I18nContext, useTranslation } from 'react-i18next'
import { BUILT_IN_LOCALES, type LocaleSource, NAMESPACE, type PartialMessages } from './messages.js'

/** Options for the library's messages. */
export interface IdmI18nOptions {
  /**
   * The language to show, such as `'tr'`. Without it, the host's i18next language, else `'en'`.
   * Changing it at run time keeps what the user has typed.
   */
  locale?: string
  /**
   * Messages by language, merged over the shipped ones: override single messages, or add a
   * language (`{ de: () => import('./de.json') }`). English fills anything a language lacks.
   */
  locales?: Readonly<Record<string, LocaleSource>>
}

/** What the components need from i18next. */
export interface IdmTranslation {
  t: TFunction<typeof NAMESPACE>
  /** The language shown now (it changes once its messages have loaded). */
  language: string
  /** `false` only until the first language has loaded. */
  isReady: boolean
}

const FALLBACK = 'en'

/**
 * How every message is looked up, whatever the host's i18next settings: nested keys, English
 * for what a language lacks, and no HTML escaping (React escapes, and nothing is set as HTML).
 */
const LOOKUP = {
  keySeparator: '.',
  nsSeparator: false,
  fallbackLng: [FALLBACK],
  interpolation: { escapeValue: false },
} as const

function createOwnInstance(): I18n {
  const own = createInstance()
  // Synchronous init: resources arrive through addResourceBundle, never through a backend.
  own.init({
    lng: FALLBACK,
    fallbackLng: FALLBACK,
    ns: [NAMESPACE],
    defaultNS: NAMESPACE,
    resources: {},
    initAsync: false,
    interpolation: { escapeValue: false },
  })
  return own
}

function sourceFor(language: string, locales: IdmI18nOptions['locales']) {
  return { builtIn: BUILT_IN_LOCALES[language], custom: locales?.[language] }
}

/** The first of `en-GB`, `en` that has messages, else English. */
function resolveLanguage(wanted: string, locales: IdmI18nOptions['locales']): string {
  const base = wanted.split('-')[0] ?? wanted
  for (const candidate of [wanted, base]) {
    const { builtIn, custom } = sourceFor(candidate, locales)
    if (builtIn || custom) return candidate
  }
  return FALLBACK
}

async function read(source: LocaleSource | undefined): Promise<PartialMessages | undefined> {
  if (!source) return undefined
  if (typeof source !== 'function') return source
  const loaded = await source()
  return 'default' in loaded ? (loaded.default as PartialMessages) : loaded
}

function addBundles(
  i18n: I18n,
  language: string,
  shipped?: PartialMessages,
  custom?: PartialMessages,
) {
  // The host's own entries for our namespace win over the shipped text; `locales` wins over both.
  if (shipped) i18n.addResourceBundle(language, NAMESPACE, shipped, true, false)
  if (custom) i18n.addResourceBundle(language, NAMESPACE, custom, true, true)
}

/** Adds what is available at once, so that a static `locales` entry renders on the first pass. */
function addSynchronous(i18n: I18n, language: string, locales: IdmI18nOptions['locales']) {
  const { builtIn, custom } = sourceFor(language, locales)
  addBundles(
    i18n,
    language,
    typeof builtIn === 'object' ? builtIn : undefined,
    typeof custom === 'object' ? custom : undefined,
  )
}

async function loadLanguage(i18n: I18n, language: string, locales: IdmI18nOptions['locales']) {
  const { builtIn, custom } = sourceFor(language, locales)
  const [shipped, own] = await Promise.all([read(builtIn), read(custom)])
  addBundles(i18n, language, shipped, own)
}

/**
 * Whether `language` has the shipped messages, not just a few overrides or a host's own entries:
 * the first and the last section of every locale file stand for the whole of it.
 */
function isLoaded(i18n: I18n, language: string): boolean {
  return ['credentials.title', 'errors.STS_0001'].every((key) =>
    i18n.exists(key, { ...LOOKUP, lng: language, ns: NAMESPACE, fallbackLng: [] }),
  )
}

/**
 * The library's `t`, from the host's i18next instance when there is one, else from its own.
 * Loads the wanted language (and English, the fallback) on demand.
 */
export function useIdmTranslation(options: IdmI18nOptions = {}): IdmTranslation {
  const host = useContext(I18nContext)?.i18n ?? getI18n()
  const [own] = useState(() => (host ? null : createOwnInstance()))
  const i18n = (host ?? own) as I18n
  const wanted = resolveLanguage(options.locale ?? i18n.language ?? FALLBACK, options.locales)

  const [shown, setShown] = useState(() => {
    addSynchronous(i18n, FALLBACK, options.locales)
    addSynchronous(i18n, wanted, options.locales)
    return isLoaded(i18n, wanted) ? wanted : undefined
  })

  const { locales } = options
  useEffect(() => {
    let current = true
    const languages = wanted === FALLBACK ? [FALLBACK] : [FALLBACK, wanted]
    Promise.all(languages.map((language) => loadLanguage(i18n, language, locales))).then(
      () => current && setShown(wanted),
      // A locale chunk that fails to load leaves the language shown before it in place.
      () => current && setShown((before) => before ?? FALLBACK),
    )
    return () => {
      current = false
    }
  }, [i18n, wanted, locales])

  const language = shown ?? FALLBACK
  // 'added': a language can be shown before its shipped chunk arrives (an override in `locales`
  // or the host's own entries); when the chunk lands, `t` must change so that the steps re-render.
  // react-i18next reads `bindI18nStore` here at run time, though its option type leaves it out.
  const translationOptions = { i18n, lng: language, useSuspense: false, bindI18nStore: 'added' }
  const { t: hostT } = useTranslation(NAMESPACE, translationOptions)
  const t = useMemo(
    () =>
      ((key: string, options?: object) =>
        hostT(key, { ...LOOKUP, ...options })) as unknown as typeof hostT,
    [hostT],
  )
  return { t, language, isReady: shown !== undefined }
}
