/**
 * Pure helpers for the locale parity tests. They take parsed i18next JSON and return what is
 * wrong with it by key, so that a failing test names the keys to fix.
 */

/** A flattened namespace: dotted key path to leaf value (a string, unless the file is wrong). */
export type FlatMessages = Record<string, unknown>

/** The i18next plural suffixes (cardinal). A key ending in one of them is a plural form. */
const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/

/** `{{name}}` or `{{name, format}}`: i18next's default interpolation. */
const PLACEHOLDER = /\{\{([^{}]*)\}\}/g

/** Flattens nested i18next JSON into dotted keys, the way i18next addresses them. */
export function flatten(tree: unknown, prefix = ''): FlatMessages {
  const flat: FlatMessages = {}
  if (tree === null || typeof tree !== 'object' || Array.isArray(tree)) {
    flat[prefix] = tree
    return flat
  }
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix === '' ? key : `${prefix}.${key}`
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      Object.assign(flat, flatten(value, path))
    } else {
      flat[path] = value
    }
  }
  return flat
}

/** The key without its plural suffix, and the plural category if it had one. */
function splitPlural(key: string): { base: string; category: string | null } {
  const match = PLURAL_SUFFIX.exec(key)
  if (!match) return { base: key, category: null }
  return { base: key.slice(0, match.index), category: match[1] ?? null }
}

/** The plural categories a locale needs, from CLDR via `Intl` (e.g. tr: one, other). */
export function pluralCategories(locale: string): string[] {
  return new Intl.PluralRules(locale.replace('_', '-')).resolvedOptions().pluralCategories
}

/**
 * The keys `locale` must have to match the source: every plain key of the source, and for every
 * plural key of the source, one form per plural category of `locale` itself (i18next falls back
 * to the source language for a missing form, so a count of 1 would show English otherwise).
 */
export function expectedKeys(source: FlatMessages, locale: string): Set<string> {
  const keys = new Set<string>()
  const categories = pluralCategories(locale)
  for (const key of Object.keys(source)) {
    const { base, category } = splitPlural(key)
    if (category === null) {
      keys.add(key)
    } else {
      for (const c of categories) keys.add(`${base}_${c}`)
    }
  }
  return keys
}

/** Keys the locale lacks and keys it has that the source does not, each sorted. */
export function compareKeys(
  source: FlatMessages,
  target: FlatMessages,
  locale: string,
): { missing: string[]; extra: string[] } {
  const expected = expectedKeys(source, locale)
  const actual = Object.keys(target)
  return {
    missing: [...expected].filter((key) => !(key in target)).sort(),
    extra: actual.filter((key) => !expected.has(key)).sort(),
  }
}

/** The distinct placeholders of a message, as written between the braces, sorted. */
export function placeholdersOf(message: string): string[] {
  const names = new Set<string>()
  for (const match of message.matchAll(PLACEHOLDER)) names.add((match[1] ?? '').trim())
  return [...names].sort()
}

/** Whether a message has a brace pair that is not a well-formed placeholder, like `{{count}`. */
export function hasBrokenPlaceholder(message: string): boolean {
  const rest = message.replace(PLACEHOLDER, '')
  return rest.includes('{{') || rest.includes('}}')
}

/** Placeholders per logical key (plural forms merged), for string messages only. */
function placeholdersByKey(messages: FlatMessages): Map<string, Set<string>> {
  const byKey = new Map<string, Set<string>>()
  for (const [key, value] of Object.entries(messages)) {
    if (typeof value !== 'string') continue
    const { base } = splitPlural(key)
    const names = byKey.get(base) ?? new Set<string>()
    for (const name of placeholdersOf(value)) names.add(name)
    byKey.set(base, names)
  }
  return byKey
}

const show = (names: Iterable<string>) =>
  [...names]
    .sort()
    .map((name) => `{{${name}}}`)
    .join(' ') || '(none)'

/**
 * One line per key whose placeholders differ from the source, or whose braces are malformed.
 * Keys missing on either side are left to {@link compareKeys}.
 */
export function comparePlaceholders(source: FlatMessages, target: FlatMessages): string[] {
  const problems: string[] = []
  const expected = placeholdersByKey(source)
  const actual = placeholdersByKey(target)
  for (const [key, names] of actual) {
    const want = expected.get(key)
    if (want === undefined) continue
    if (show(names) !== show(want)) {
      problems.push(`${key}: expected ${show(want)}, found ${show(names)}`)
    }
  }
  for (const [key, value] of Object.entries(target)) {
    if (typeof value === 'string' && hasBrokenPlaceholder(value)) {
      problems.push(`${key}: malformed placeholder in "${value}"`)
    }
  }
  return problems.sort()
}

/** Keys whose value is not a string, or is empty or only whitespace. */
export function blankMessages(messages: FlatMessages): string[] {
  return Object.entries(messages)
    .filter(([, value]) => typeof value !== 'string' || value.trim() === '')
    .map(([key]) => key)
    .sort()
}

/** Keys whose message contains `<`: messages are plain text, never markup. */
export function markupMessages(messages: FlatMessages): string[] {
  return Object.entries(messages)
    .filter(([, value]) => typeof value === 'string' && value.includes('<'))
    .map(([key]) => key)
    .sort()
}

/** The keys whose message is the same as the source's, and their share of the source's keys. */
export function untranslated(
  source: FlatMessages,
  target: FlatMessages,
): { keys: string[]; share: number } {
  const sourceKeys = Object.keys(source)
  const keys = sourceKeys.filter((key) => key in target && target[key] === source[key]).sort()
  return { keys, share: sourceKeys.length === 0 ? 0 : keys.length / sourceKeys.length }
}
