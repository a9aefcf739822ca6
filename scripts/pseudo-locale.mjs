#!/usr/bin/env node
/**
 * Writes the pseudo-locale `locales/en-XA/idmLogin.json` from the English source of truth.
 *
 * Every message becomes accented, about 35% longer and bracketed: `Sign in` turns into
 * `[Šîĝñ îñ ōñē ţŵō]`. Text that is cut off, hard-coded (left unaccented) or joined from pieces
 * (brackets in the middle of a sentence) then stands out in the UI. `{{placeholders}}` are kept
 * exactly, so interpolation still works and the locale parity test still passes.
 *
 * Run it after changing `locales/en/idmLogin.json`, and commit the result:
 *
 *   node scripts/pseudo-locale.mjs
 */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..')
const SOURCE = join(ROOT, 'locales/en/idmLogin.json')
const TARGET = join(ROOT, 'locales/en-XA/idmLogin.json')

/** How much longer a pseudo message is than its source: German and Finnish often need this. */
const EXPANSION = 0.35

const PLAIN = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ'
const ACCENTS = 'áƀçðéƒĝĥîĵķļɱñöþǫŕšţûṽŵẋýžÅƁÇÐÉƑĜĤÎĴĶĻṀÑÖÞǪŔŠŢÛṼŴẊÝŽ'
/** Each ASCII letter to an accented look-alike that any Latin font can show. */
const ACCENTED = Object.fromEntries([...PLAIN].map((char, i) => [char, [...ACCENTS][i]]))

/** Filler words for the extra length, numbered so that a cut-off end shows how much is missing. */
const FILLER = ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten']

/** i18next's placeholders, `{{name}}` or `{{name, format}}`: never touched. */
const PLACEHOLDER = /(\{\{[^{}]*\}\})/

function accent(text) {
  return [...text].map((char) => ACCENTED[char] ?? char).join('')
}

/** Filler of about `length` characters, or nothing when the brackets already add enough. */
function filler(length) {
  const words = []
  for (let i = 0; words.join(' ').length < length; i += 1) words.push(FILLER[i % FILLER.length])
  return words.length === 0 ? '' : ` ${accent(words.join(' '))}`
}

/** One message: accented outside the placeholders, padded, in brackets. */
export function pseudoMessage(message) {
  const parts = message.split(PLACEHOLDER)
  const visible = parts.filter((part) => !PLACEHOLDER.test(part)).join('').length
  const body = parts.map((part) => (PLACEHOLDER.test(part) ? part : accent(part))).join('')
  // The two brackets and the space before the filler count towards the extra length.
  return `[${body}${filler(Math.round(visible * EXPANSION) - 3)}]`
}

function pseudoTree(tree) {
  if (typeof tree === 'string') return pseudoMessage(tree)
  return Object.fromEntries(Object.entries(tree).map(([key, value]) => [key, pseudoTree(value)]))
}

const source = JSON.parse(readFileSync(SOURCE, 'utf8'))
mkdirSync(dirname(TARGET), { recursive: true })
writeFileSync(TARGET, `${JSON.stringify(pseudoTree(source), null, 2)}\n`)
console.log(`Wrote ${TARGET.slice(ROOT.length + 1)}`)
