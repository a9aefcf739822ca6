// The floor's sizes, measured exactly as the package's own (`.size-limit.cjs`): the same esbuild
// settings, gzipped. `npm run bench` runs it with `size-limit --config`.
const checks = require('../../.size-limit.cjs')

const like = (prefix) => {
  const check = checks.find((candidate) => candidate.name.startsWith(prefix))
  if (!check) throw new Error(`bench: no size-limit check named "${prefix}…"`)
  return check.modifyEsbuildConfig
}

module.exports = [
  {
    name: 'floor: whole flow',
    import: { 'PlainLoginForm.tsx': '{ PlainLoginForm }' },
    gzip: true,
    modifyEsbuildConfig: like('Whole flow:'),
  },
  {
    name: 'floor: whole flow with peer libraries',
    import: { 'PlainLoginForm.tsx': '{ PlainLoginForm }' },
    gzip: true,
    modifyEsbuildConfig: like('Whole flow with'),
  },
]
