// @vitest-environment node
// esbuild checks that its TextEncoder makes real Uint8Arrays, which jsdom's globals do not.
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'
import { describe, expect, it } from 'vitest'

// Which source modules an app's bundle holds for a given import: the sources bundled with
// esbuild as an app's bundler would, peers left out, lazy chunks split off. A module counts when
// it puts at least one byte into the app's first chunk.

const root = fileURLToPath(new URL('../..', import.meta.url))
const pkg = JSON.parse(readFileSync(`${root}package.json`, 'utf8')) as {
  peerDependencies: Record<string, string>
  sideEffects: unknown
}

interface Bundle {
  /** Source modules in the first chunk, relative to the repository, sorted. */
  initial: string[]
  /** Source modules of each chunk loaded later through `import()`, one sorted list per chunk. */
  lazy: string[][]
}

async function bundle(code: string, nodeEnv = 'production'): Promise<Bundle> {
  const result = await build({
    stdin: { contents: code, resolveDir: root, loader: 'ts' },
    absWorkingDir: root,
    bundle: true,
    format: 'esm',
    splitting: true,
    outdir: 'out',
    write: false,
    metafile: true,
    jsx: 'automatic',
    define: { 'process.env.NODE_ENV': JSON.stringify(nodeEnv) },
    external: Object.keys(pkg.peerDependencies),
    logLevel: 'silent',
  })
  const { outputs } = result.metafile
  const modulesOf = (file: string) =>
    Object.entries(outputs[file]?.inputs ?? {})
      .filter(([path, input]) => input.bytesInOutput > 0 && !path.includes('stdin'))
      .map(([path]) => path)
  // The first chunk is the entry with every chunk it imports statically; an import() starts a
  // lazy chunk.
  const reach = (file: string, seen: Set<string>) => {
    if (seen.has(file)) return seen
    seen.add(file)
    for (const link of outputs[file]?.imports ?? []) {
      if (link.kind === 'import-statement' && !link.external) reach(link.path, seen)
    }
    return seen
  }
  const entry = Object.keys(outputs).find((file) => outputs[file]?.entryPoint?.includes('stdin'))
  const first = entry ? reach(entry, new Set()) : new Set<string>()
  const lazy = Object.keys(outputs).filter((file) => !first.has(file) && !file.endsWith('.map'))
  return {
    initial: [...first].flatMap(modulesOf).sort(),
    lazy: lazy.map((file) => modulesOf(file).sort()).filter((modules) => modules.length > 0),
  }
}

/** The core in a production build: no warn.ts, as every warning sits behind NODE_ENV. */
const CORE = [
  'src/core/createIdmTokenFetcher.ts',
  'src/core/loginMachine.ts',
  'src/core/parseTokenAnswer.ts',
  'src/core/resultCodes.ts',
]

/** What every step needs beside its own folder and components/shared. */
const FLOW = [
  ...CORE,
  'src/i18n/messages.ts',
  'src/i18n/useIdmTranslation.ts',
  'src/react/LoginFlowProvider.tsx',
  'src/react/createSecretVault.ts',
  'src/react/useLoginFlow.ts',
]

const isLocale = (path: string) => path.startsWith('locales/')
const sorted = (paths: string[]) => [...paths].sort()
/** `src/components/<folder>/…` → folder; other modules as they are. */
const byFolder = (paths: string[]) => [
  ...new Set(paths.map((path) => /^src\/components\/([^/]+)\//.exec(path)?.[1] ?? path)),
]

describe('given an app that imports only part of the package', () => {
  it('holds nothing of the package for an import that uses nothing (sideEffects)', async () => {
    expect(pkg.sideEffects).toEqual(['**/*.css'])
    expect((await bundle("import './src/index.ts'")).initial).toEqual([])
  })

  it('holds only the core for the core subpath', async () => {
    const { initial, lazy } = await bundle(
      "export { transition, RESULT_CODES, createIdmTokenFetcher } from './src/core/index.ts'",
    )
    expect(initial).toEqual(CORE)
    expect(lazy).toEqual([])
  })

  it('holds LoginForm without the other steps, the emulator or the server helper', async () => {
    const { initial } = await bundle(
      "export { LoginFlowProvider, LoginForm } from './src/index.ts'",
    )
    // Any module of components/shared may come along; no other step, emulator or server may.
    expect(byFolder(initial)).toEqual(sorted(['LoginForm', 'shared', ...FLOW]))
  })

  it('holds the development warnings in a development build only', async () => {
    const hook = "export { useLoginFlow } from './src/index.ts'"
    expect((await bundle(hook, 'development')).initial).toContain('src/core/warn.ts')
    expect((await bundle(hook)).initial).not.toContain('src/core/warn.ts')
  })

  it('holds the headless hook without any component', async () => {
    const { initial } = await bundle("export { useLoginFlow } from './src/index.ts'")
    expect(initial).toEqual(
      sorted([...CORE, 'src/react/createSecretVault.ts', 'src/react/useLoginFlow.ts']),
    )
  })
})

describe('given the whole flow', () => {
  it('holds no locale in its first chunk, each built-in locale in its own', async () => {
    const { initial, lazy } = await bundle("export { LoginFlow } from './src/index.ts'")
    expect(initial.filter(isLocale)).toEqual([])
    expect(initial.some((path) => path.startsWith('src/testing/'))).toBe(false)
    expect(initial.some((path) => path.startsWith('src/server/'))).toBe(false)

    const { BUILT_IN_LOCALES } = await import('../../src/i18n/messages.js')
    const expected = Object.keys(BUILT_IN_LOCALES).map((locale) => [
      `locales/${locale}/idmLogin.json`,
    ])
    expect(sorted(lazy.map(String))).toEqual(sorted(expected.map(String)))
  })

  it('holds nothing of the emulator or the server helper, even with every export', async () => {
    const { initial } = await bundle("export * from './src/index.ts'")
    expect(initial.filter((path) => /^src\/(testing|server)\//.test(path))).toEqual([])
  })
})
