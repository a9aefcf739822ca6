// Size budgets, measured on the built package (`npm run build` first), gzipped.
//
// size-limit bundles each check with esbuild (minified, tree-shaken) and leaves the package's
// peer dependencies out unless a check says otherwise. Two adjustments make the figures match
// what an app ships:
// - `process.env.NODE_ENV` is "production", as every app bundler sets it, so development-only
//   warnings in the library and its peers are not counted;
// - a dynamic `import()` stays a separate chunk, as in an app. Without this, esbuild would inline
//   every built-in locale into the bundle it measures.
const { readFileSync } = require('node:fs')

/** The built chunk of a built-in locale, read from its `import()` in dist/index.js. */
function localeChunk(locale) {
  let index
  try {
    index = readFileSync(`${__dirname}/dist/index.js`, 'utf8')
  } catch {
    throw new Error('size-limit: dist/index.js is missing; run `npm run build` first.')
  }
  const pattern = new RegExp(`\\b${locale}:\\s*\\(\\)\\s*=>\\s*import\\(["']\\./([^"']+)["']\\)`)
  const match = pattern.exec(index)
  if (!match) throw new Error(`size-limit: no import() of the "${locale}" locale in dist/index.js.`)
  return `dist/${match[1]}`
}

const lazyChunksStayLazy = {
  name: 'lazy-chunks-stay-lazy',
  setup(build) {
    build.onResolve({ filter: /.*/ }, (args) =>
      args.kind === 'dynamic-import' ? { path: args.path, external: true } : undefined,
    )
  },
}

/** Like an app's production build: ES modules, NODE_ENV production, lazy chunks kept apart. */
function asInAnApp(config) {
  return {
    ...config,
    format: 'esm',
    define: { ...config.define, 'process.env.NODE_ENV': '"production"' },
    plugins: [...(config.plugins ?? []), lazyChunksStayLazy],
  }
}

/** The same, with the peer libraries bundled too; only React and react-dom stay out. */
function withPeerLibraries(config) {
  return { ...asInAnApp(config), external: ['react', 'react-dom'] }
}

const en = localeChunk('en')

module.exports = [
  {
    name: 'Whole flow: LoginFlow, every step, the hook, the core, the en locale',
    import: { 'dist/index.js': '{ LoginFlow }', [en]: '*' },
    gzip: true,
    // Raised from 10 KB to 10.5 KB, then to 11 KB: see the commits that raised it. What the
    // hardening and an adversarial review asked of the hook, fetcher, steps and i18n (validating
    // custom fetchers, cancelling endless bodies and fetches that ignore their signal, stale-job
    // guards, clearing step forms on leaving, host-proof message lookup) costs about 0.55 KB.
    limit: '11 KB',
    modifyEsbuildConfig: asInAnApp,
  },
  {
    // No budget of its own: the line above has it. Shown to prove that no locale is inside.
    name: 'Initial chunk of the whole flow (no locale: each loads on demand)',
    import: { 'dist/index.js': '{ LoginFlow }' },
    gzip: true,
    modifyEsbuildConfig: asInAnApp,
  },
  {
    name: 'LoginForm alone, with the hook and the core (no other step)',
    import: { 'dist/index.js': '{ LoginForm, LoginFlowProvider }' },
    gzip: true,
    limit: '7 KB',
    modifyEsbuildConfig: asInAnApp,
  },
  {
    name: 'Core: machine, result codes, token fetcher (no React)',
    import: {
      'dist/core.js': `{
        transition, initialLoginState, outcomeEvent, RESULT_CODES, effectOf, createIdmTokenFetcher
      }`,
    },
    gzip: true,
    limit: '2.5 KB',
    modifyEsbuildConfig: asInAnApp,
  },
  {
    name: 'Stylesheet dist/idm-login.css',
    path: 'dist/idm-login.css',
    gzip: true,
    limit: '3 KB',
  },
  {
    name: 'Whole flow with react-hook-form, TanStack Query, i18next, react-i18next',
    import: { 'dist/index.js': '{ LoginFlow }', [en]: '*' },
    gzip: true,
    limit: '52 KB',
    modifyEsbuildConfig: withPeerLibraries,
  },
]
