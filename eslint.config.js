import reactHooks from 'eslint-plugin-react-hooks'
import tseslint from 'typescript-eslint'

// Biome does formatting and most linting; ESLint is here for the rules Biome lacks:
// the rules of hooks and type-aware TypeScript checks.
export default tseslint.config(
  {
    ignores: [
      'dist',
      'storybook-static',
      'coverage',
      'node_modules',
      'screenshots',
      '.storybook/public',
    ],
  },
  {
    files: ['**/*.{ts,tsx}'],
    extends: [tseslint.configs.recommended],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      // This rule takes react-hook-form's handleSubmit(callback) for a call during render and
      // flags the refs the callback reads at submit time; the hooks' own refs are checked by hand.
      'react-hooks/refs': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
)
