import { BUILT_IN_LOCALES, type PartialMessages } from '../../src/i18n/messages.js'

/** Looks up a message by its dotted key and fills in its `{{placeholders}}`. */
export type MessageOf = (key: string, values?: Record<string, string | number>) => string

function lookUp(tree: unknown, key: string): unknown {
  return key
    .split('.')
    .reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], tree)
}

/**
 * The shipped messages of `locale` (English for any gap), so that play functions find labels
 * and buttons by their text in whichever language the toolbar shows.
 */
export async function loadMessages(locale: string): Promise<MessageOf> {
  const read = async (language: string): Promise<PartialMessages> => {
    const source = BUILT_IN_LOCALES[language]
    if (!source) return {}
    if (typeof source !== 'function') return source
    const loaded = await source()
    return 'default' in loaded ? (loaded.default as PartialMessages) : loaded
  }
  const base = locale.split('-')[0] ?? locale
  const language = BUILT_IN_LOCALES[locale] ? locale : BUILT_IN_LOCALES[base] ? base : 'en'
  const [own, english] = await Promise.all([read(language), read('en')])
  return (key, values = {}) => {
    const found = lookUp(own, key) ?? lookUp(english, key)
    if (typeof found !== 'string') throw new Error(`No message ${key} in ${language} or en`)
    return found.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) =>
      name in values ? String(values[name]) : whole,
    )
  }
}
