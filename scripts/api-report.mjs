#!/usr/bin/env node
// `npm run api-report`: writes api-report/react-idm-login.api.md, every export of every entry
// point in package.json `exports`, with its kind and declaration, read from the built .d.ts
// files (run `npm run build` first). Types that exports use but no entry exports are listed too,
// so that a change to them shows as well.
//
// `npm run api-report -- --check` writes nothing and fails when the committed report differs:
// a change to the public surface must come with its report, so that review sees it.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import ts from 'typescript'

const ROOT = fileURLToPath(new URL('..', import.meta.url))
const REPORT = join(ROOT, 'api-report/react-idm-login.api.md')
const DIST = join(ROOT, 'dist')
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'))

/** Entry points with declarations, in the order of package.json `exports`. */
const entries = Object.entries(pkg.exports)
  .filter(([, target]) => typeof target === 'object' && target.types)
  .map(([subpath, target]) => ({
    name: subpath === '.' ? pkg.name : `${pkg.name}/${subpath.slice(2)}`,
    file: join(ROOT, target.types),
  }))

for (const { file } of entries) {
  if (!existsSync(file)) {
    console.error(`api-report: ${relative(ROOT, file)} is missing; run \`npm run build\` first.`)
    process.exit(1)
  }
}

const program = ts.createProgram(
  entries.map((entry) => entry.file),
  {
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    target: ts.ScriptTarget.ES2022,
    resolveJsonModule: true,
    skipLibCheck: true,
    noEmit: true,
    types: ['node'],
  },
)
const checker = program.getTypeChecker()
const printer = ts.createPrinter({ removeComments: true, newLine: ts.NewLineKind.LineFeed })

const resolve = (symbol) =>
  symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol

const isOurs = (node) => {
  const file = node.getSourceFile().fileName
  return file.startsWith(DIST) || file.startsWith(join(ROOT, 'locales'))
}

function kindOf(declaration) {
  if (ts.isFunctionDeclaration(declaration)) return 'function'
  if (ts.isVariableDeclaration(declaration)) {
    return declaration.parent.flags & ts.NodeFlags.Const ? 'const' : 'let'
  }
  if (ts.isInterfaceDeclaration(declaration)) return 'interface'
  if (ts.isTypeAliasDeclaration(declaration)) return 'type'
  if (ts.isClassDeclaration(declaration)) return 'class'
  if (ts.isEnumDeclaration(declaration)) return 'enum'
  if (ts.isModuleDeclaration(declaration)) return 'namespace'
  if (ts.isSourceFile(declaration)) return 'module'
  return ts.SyntaxKind[declaration.kind]
}

/** The declaration as printed by TypeScript, without comments, `export` or `declare`. */
function textOf(declaration) {
  const node = ts.isVariableDeclaration(declaration) ? declaration.parent.parent : declaration
  if (ts.isSourceFile(node)) {
    // A JSON module (the source locale): its shape is part of the surface (`Messages`).
    const type = checker.getTypeAtLocation(node.statements[0]?.expression ?? node)
    const flags = ts.NodeBuilderFlags.NoTruncation | ts.NodeBuilderFlags.MultilineObjectLiterals
    const shape = checker.typeToTypeNode(type, undefined, flags)
    const printed = shape ? printer.printNode(ts.EmitHint.Unspecified, shape, node) : 'unknown'
    return `type Shape = ${printed}`
  }
  const text = printer.printNode(ts.EmitHint.Unspecified, node, node.getSourceFile())
  return text.replace(/^(export )?(default )?(declare )?/, '')
}

/** Declarations of the package that `node` refers to in its types. */
function referencedSymbols(node, found = new Set()) {
  const visit = (child) => {
    let target
    if (ts.isTypeReferenceNode(child)) target = child.typeName
    else if (ts.isExpressionWithTypeArguments(child)) target = child.expression
    else if (ts.isTypeQueryNode(child)) target = child.exprName
    else if (ts.isImportTypeNode(child)) target = child.qualifier ?? child
    if (target) {
      const symbol = checker.getSymbolAtLocation(ts.isQualifiedName(target) ? target.right : target)
      const resolved = symbol && resolve(symbol)
      const isTypeParameter = resolved && resolved.flags & ts.SymbolFlags.TypeParameter
      if (!isTypeParameter && resolved?.declarations?.some(isOurs)) found.add(resolved)
    }
    ts.forEachChild(child, visit)
  }
  visit(node)
  return found
}

function describe(exportName, symbol) {
  const json = symbol.valueDeclaration && ts.isSourceFile(symbol.valueDeclaration)
  const name = json ? relative(ROOT, symbol.valueDeclaration.fileName) : exportName
  const declarations = (symbol.declarations ?? []).filter(isOurs)
  const kinds = [...new Set(declarations.map(kindOf))].join(', ')
  const code = declarations.map(textOf).join('\n')
  return { name, kinds, code, declarations }
}

const section = ({ name, kinds, code }) =>
  [`### \`${name}\` (${kinds})`, '', '```ts', code, '```', ''].join('\n')

const exported = new Set()
const lines = [
  `# API report: ${pkg.name}`,
  '',
  'Written by `npm run api-report` from the built declarations; do not edit it by hand.',
  '`npm run api-report -- --check` fails when it no longer matches the code: a change to the',
  'public surface shows here in review. Exports are sorted by name within each entry point.',
  '',
]
const reachable = new Set()
for (const entry of entries) {
  const source = program.getSourceFile(entry.file)
  const moduleSymbol = source && checker.getSymbolAtLocation(source)
  if (!moduleSymbol) throw new Error(`api-report: cannot read ${relative(ROOT, entry.file)}.`)
  const exports = checker
    .getExportsOfModule(moduleSymbol)
    .map((symbol) => describe(symbol.getName(), resolve(symbol)))
    .sort((a, b) => a.name.localeCompare(b.name, 'en'))
  lines.push(`## \`${entry.name}\``, '', `${exports.length} exports.`, '')
  for (const item of exports) {
    lines.push(section(item))
    for (const declaration of item.declarations) referencedSymbols(declaration, reachable)
  }
  for (const symbol of checker.getExportsOfModule(moduleSymbol)) exported.add(resolve(symbol))
}

// Types that exported declarations use but that no entry point exports, followed transitively.
const pending = [...reachable]
const internal = new Set()
while (pending.length > 0) {
  const symbol = pending.pop()
  if (exported.has(symbol) || internal.has(symbol)) continue
  internal.add(symbol)
  for (const declaration of symbol.declarations ?? []) {
    if (isOurs(declaration)) pending.push(...referencedSymbols(declaration))
  }
}
const unexported = [...internal]
  .map((symbol) => describe(symbol.getName(), symbol))
  .filter((item) => item.declarations.length > 0)
  .sort((a, b) => a.name.localeCompare(b.name, 'en') || a.code.localeCompare(b.code, 'en'))
lines.push(
  '## Used by exports, not exported',
  '',
  'Part of the surface all the same: an app sees them through the exports above.',
  '',
)
for (const item of unexported) lines.push(section(item))

const report = `${lines.join('\n').trimEnd()}\n`

if (process.argv.includes('--check')) {
  const committed = existsSync(REPORT) ? readFileSync(REPORT, 'utf8') : ''
  if (committed !== report) {
    console.error(
      `api-report: ${relative(ROOT, REPORT)} does not match the public surface. ` +
        'Run `npm run api-report` and commit the result with the change.',
    )
    process.exit(1)
  }
  console.log(`api-report: ${relative(ROOT, REPORT)} is up to date.`)
} else {
  mkdirSync(dirname(REPORT), { recursive: true })
  writeFileSync(REPORT, report)
  console.log(`api-report: wrote ${relative(ROOT, REPORT)}.`)
}
