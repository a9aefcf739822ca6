#!/usr/bin/env node
// `npm run bench`: builds the package, measures it and prints one table beside the floor, a
// login written by hand with the same libraries (bench/floor/PlainLoginForm.tsx).
//
// - sizes: size-limit with the checks of .size-limit.cjs (the floor: bench/floor/size-limit.cjs);
// - locales: whether the first chunk holds locale text, and what one more built-in locale adds;
// - renders: the figures test/perf/renderCounts.test.tsx pins down (it writes them as JSON);
// - time: submit to the next step's commit in Chromium, against the emulator, median of runs.
//
// It prints and never fails on a figure; it fails only when it cannot measure (a broken build).
// BENCH_RUNS sets the browser runs per variant (default 15).
import { spawnSync } from 'node:child_process'
import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium } from 'playwright-core'
import { build, preview, runnerImport } from 'vite'

const ROOT = fileURLToPath(new URL('..', import.meta.url))
const RUNS = Number(process.env.BENCH_RUNS ?? 15)
const WARM_UP_RUNS = 2
const started = performance.now()
// As this process started: Vite's build() and runner set NODE_ENV, which must not reach vitest.
const ENV = { ...process.env }
const work = mkdtempSync(join(tmpdir(), 'idm-login-bench-'))

/** Imports a TypeScript module of the repository (Vite's runner sets NODE_ENV; undo that). */
async function importTs(path) {
  const before = process.env.NODE_ENV
  try {
    return (await runnerImport(join(ROOT, path))).module
  } finally {
    if (before === undefined) delete process.env.NODE_ENV
    else process.env.NODE_ENV = before
  }
}

function step(text) {
  const seconds = ((performance.now() - started) / 1000).toFixed(1)
  process.stderr.write(`bench [${seconds.padStart(5)} s] ${text}\n`)
}

/** Runs a command in the repository; its output shows only if it fails. */
function run(command, args, env = {}) {
  const result = spawnSync(command, args, {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...ENV, ...env },
    maxBuffer: 64 * 1024 * 1024,
  })
  return { ok: result.status === 0, stdout: result.stdout ?? '', stderr: result.stderr ?? '' }
}

function mustRun(command, args, env) {
  const result = run(command, args, env)
  if (!result.ok) {
    process.stderr.write(`${result.stdout}\n${result.stderr}\n`)
    throw new Error(`bench: \`${command} ${args.join(' ')}\` failed.`)
  }
  return result
}

/** size-limit's figures by check name. It exits 1 on a broken budget but still prints them. */
function sizeLimit(configPath) {
  const args = ['node_modules/size-limit/bin.js', '--json']
  const result = run(process.execPath, configPath ? [...args, '--config', configPath] : args)
  const start = result.stdout.indexOf('[')
  if (start < 0) {
    process.stderr.write(`${result.stdout}\n${result.stderr}\n`)
    throw new Error('bench: size-limit printed no figures.')
  }
  const checks = JSON.parse(result.stdout.slice(start))
  return Object.fromEntries(checks.map((check) => [check.name, check]))
}

function checkNamed(checks, prefix) {
  const name = Object.keys(checks).find((candidate) => candidate.startsWith(prefix))
  if (!name) throw new Error(`bench: no size-limit check named "${prefix}…"`)
  return checks[name]
}

const kB = (bytes) => `${(bytes / 1000).toFixed(2)} kB`
const ratio = (ours, floor) => (floor > 0 ? `${(ours / floor).toFixed(2)}×` : '—')
const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
}

/** Every message of a locale file, flattened. */
function messagesOf(tree) {
  return Object.values(tree).flatMap((value) =>
    typeof value === 'string' ? [value] : messagesOf(value),
  )
}

/** The library built once more, without declarations, with one more built-in locale. */
async function buildWithOneMoreLocale() {
  const outDir = join(work, 'plus-one-locale')
  const extra = join(work, 'xx', 'idmLogin.json')
  mkdirSync(join(work, 'xx'), { recursive: true })
  cpSync(join(ROOT, 'locales/en/idmLogin.json'), extra)
  const config = await importTs('vite.config.ts')
  const base = config.default ?? config
  const addLocale = {
    name: 'bench:one-more-locale',
    enforce: 'pre',
    transform(code, id) {
      if (!id.endsWith('/src/i18n/messages.ts')) return undefined
      const withExtra = code.replace(
        /(BUILT_IN_LOCALES[^=]*=\s*\{)/,
        `$1\n  xx: () => import(${JSON.stringify(extra)}),`,
      )
      if (withExtra === code) throw new Error('bench: BUILT_IN_LOCALES not found.')
      return withExtra
    },
  }
  const plugins = [base.plugins ?? []].flat(Number.POSITIVE_INFINITY)
  await build({
    ...base,
    configFile: false,
    root: ROOT,
    mode: 'production',
    logLevel: 'silent',
    plugins: [addLocale, ...plugins.filter((plugin) => !/dts/i.test(plugin?.name ?? ''))],
    build: { ...base.build, outDir, emptyOutDir: true, sourcemap: false },
  })
  return join(outDir, 'index.js')
}

/** The first chunk of `{ LoginFlow }` in the shipped build and in the one-more-locale build. */
function initialChunks(plusOneIndex) {
  const config = join(work, 'locales.size-limit.cjs')
  const measure = (name, file) => `{
    name: ${JSON.stringify(name)},
    import: { ${JSON.stringify(file)}: '{ LoginFlow }' },
    gzip: true,
    modifyEsbuildConfig: initial.modifyEsbuildConfig,
  }`
  writeFileSync(
    config,
    `const checks = require(${JSON.stringify(join(ROOT, '.size-limit.cjs'))})
const initial = checks.find((check) => check.name.startsWith('Initial chunk'))
module.exports = [
  ${measure('shipped', join(ROOT, 'dist/index.js'))},
  ${measure('plus one', plusOneIndex)},
]
`,
  )
  const checks = sizeLimit(config)
  return { shipped: checks.shipped.size, plusOne: checks['plus one'].size }
}

/** How many of the locales' messages appear in the package's JavaScript outside locale chunks. */
function localeTextOutsideChunks() {
  const index = readFileSync(join(ROOT, 'dist/index.js'), 'utf8')
  const localeChunks = new Set(
    [...index.matchAll(/import\(["']\.\/([^"']+)["']\)/g)].map((match) => match[1]),
  )
  const code = readdirSync(join(ROOT, 'dist'))
    .filter((file) => file.endsWith('.js') && !localeChunks.has(file))
    .filter((file) => !['testing.js', 'server.js'].includes(file))
    .map((file) => readFileSync(join(ROOT, 'dist', file), 'utf8'))
    .join('\n')
  // Short messages ("Password") may also be plain words in code; long ones are only text.
  const messages = readdirSync(join(ROOT, 'locales')).flatMap((locale) =>
    messagesOf(JSON.parse(readFileSync(join(ROOT, 'locales', locale, 'idmLogin.json'), 'utf8'))),
  )
  const distinctive = [...new Set(messages.filter((text) => text.length >= 20))]
  const found = distinctive.filter((text) => code.includes(JSON.stringify(text).slice(1, -1)))
  return { found: found.length, of: distinctive.length, chunks: localeChunks.size }
}

function renderCounts() {
  const file = join(work, 'render-counts.json')
  const vitest = join(ROOT, 'node_modules/.bin/vitest')
  const args = ['run', '--project', 'unit', 'test/perf/renderCounts.test.tsx']
  mustRun(vitest, args, { RENDER_COUNTS_JSON: file })
  return JSON.parse(readFileSync(file, 'utf8'))
}

/** In the page: clicks submit, resolves with the milliseconds until the PIN field is in the DOM. */
function submitUntilTwoFactor() {
  return new Promise((resolve, reject) => {
    const target = 'section[data-step="twoFactor"] input'
    const button = document.querySelector('button[type="submit"]')
    if (!button) {
      reject(new Error('no submit button'))
      return
    }
    const timer = setTimeout(() => reject(new Error('no two-factor step within 5 s')), 5000)
    let start = 0
    const observer = new MutationObserver(() => {
      if (!document.querySelector(target)) return
      const elapsed = performance.now() - start
      observer.disconnect()
      clearTimeout(timer)
      resolve(elapsed)
    })
    observer.observe(document.body, { childList: true, subtree: true })
    start = performance.now()
    button.click()
  })
}

async function submitTimes() {
  const configFile = join(ROOT, 'bench/browser/vite.config.ts')
  const outDir = join(work, 'page')
  await build({
    configFile,
    mode: 'production',
    logLevel: 'silent',
    build: { outDir, emptyOutDir: true },
  })
  const server = await preview({ configFile, logLevel: 'silent', build: { outDir } })
  const flags = await importTs('test/support/chromium.ts')
  const accounts = await importTs('src/testing/demoAccounts.ts')
  const browser = await chromium.launch({
    executablePath: flags.CHROMIUM_PATH,
    args: flags.CHROMIUM_ARGS,
  })
  try {
    const url = server.resolvedUrls?.local[0]
    if (!url) throw new Error('bench: the preview server has no address.')
    const context = await browser.newContext()
    const page = await context.newPage()
    const times = { library: [], floor: [] }
    for (let index = 0; index < WARM_UP_RUNS + RUNS; index++) {
      for (const variant of ['library', 'floor']) {
        await page.goto(`${url}?variant=${variant}`)
        await page.getByLabel('Username or e-mail').fill('mfa')
        await page.getByLabel('Password', { exact: true }).fill(accounts.DEMO_PASSWORD)
        const elapsed = await page.evaluate(submitUntilTwoFactor)
        if (index >= WARM_UP_RUNS) times[variant].push(elapsed)
      }
    }
    return times
  } finally {
    await browser.close()
    await new Promise((resolve) => server.httpServer.close(resolve))
  }
}

async function main() {
  step('building the package (npm run build)')
  mustRun('npm', ['run', 'build'])

  step('measuring sizes (size-limit)')
  const ours = sizeLimit()
  const floor = sizeLimit('bench/floor/size-limit.cjs')

  step('building once more with one more built-in locale')
  const chunks = initialChunks(await buildWithOneMoreLocale())
  const localeText = localeTextOutsideChunks()

  step('counting renders (vitest, test/perf/renderCounts.test.tsx)')
  const counts = renderCounts()

  step(`timing submit to the next step in Chromium (${RUNS} runs each, after ${WARM_UP_RUNS})`)
  const times = await submitTimes()

  const flow = checkNamed(ours, 'Whole flow:')
  const peers = checkNamed(ours, 'Whole flow with')
  const floorFlow = checkNamed(floor, 'floor: whole flow')
  const floorPeers = checkNamed(floor, 'floor: whole flow with')
  const budget = (check) =>
    check.sizeLimit ? ` (budget ${kB(check.sizeLimit)}: ${check.passed ? 'ok' : 'OVER'})` : ''
  const size = (check) => `${kB(check.size)}${budget(check)}`
  const perKeystroke = (key) => String(counts[`commits per keystroke: ${key}`] ?? '?')
  const ms = (value) => value.toFixed(1)
  const time = (values) =>
    `${ms(median(values))} ms (${ms(Math.min(...values))}–${ms(Math.max(...values))})`
  const stepChange = (prefix) =>
    ['request sent', 'answer shown'].map((when) => counts[`${prefix}${when}`]).join(', ')

  const rows = [
    [
      'Whole flow + en locale, gzip',
      size(flow),
      kB(floorFlow.size),
      ratio(flow.size, floorFlow.size),
    ],
    ['  first chunk, no locale', size(checkNamed(ours, 'Initial chunk')), '—', '—'],
    [
      '  first chunk with one more built-in locale',
      `+${chunks.plusOne - chunks.shipped} B`,
      '—',
      '—',
    ],
    [
      '  locale text outside locale chunks',
      `${localeText.found} of ${localeText.of} messages (${localeText.chunks} locale chunks)`,
      '—',
      '—',
    ],
    ['LoginForm alone (+ hook, core)', size(checkNamed(ours, 'LoginForm alone')), '—', '—'],
    ['Core (machine, codes, fetcher)', size(checkNamed(ours, 'Core:')), '—', '—'],
    ['Stylesheet', size(checkNamed(ours, 'Stylesheet')), '—', '—'],
    [
      'Whole flow + peer libraries, gzip',
      size(peers),
      kB(floorPeers.size),
      ratio(peers.size, floorPeers.size),
    ],
    [
      'Commits per keystroke (username, password, PIN)',
      `${perKeystroke('username')}, ${perKeystroke('password')}, ${perKeystroke('PIN')}`,
      String(counts['floor: commits per keystroke'] ?? '?'),
      '—',
    ],
    [
      'Commits per keystroke, new password (checklist)',
      perKeystroke('new password (checklist only)'),
      '—',
      '—',
    ],
    [
      'Commits per step change (request, answer)',
      stepChange('commits per step change: '),
      stepChange('floor: commits per step change: '),
      '—',
    ],
    [
      `Submit → next step, Chromium (median of ${RUNS})`,
      time(times.library),
      time(times.floor),
      ratio(median(times.library), median(times.floor)),
    ],
  ]
  const header = ['Measure', 'react-idm-login', 'floor (plain form)', 'ratio']
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => row[column].length)),
  )
  const line = (cells) => `| ${cells.map((cell, i) => cell.padEnd(widths[i])).join(' | ')} |`
  console.log(line(header))
  console.log(line(widths.map((width) => '-'.repeat(width))))
  for (const row of rows) console.log(line(row))
  step('done')
}

try {
  await main()
} finally {
  rmSync(work, { recursive: true, force: true })
}
