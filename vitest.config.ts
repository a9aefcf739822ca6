import { defineConfig, mergeConfig } from 'vitest/config'
import viteConfig from './vite.config'

export default mergeConfig(
  viteConfig,
  defineConfig({
    test: {
      projects: [
        {
          extends: true,
          test: {
            name: 'unit',
            environment: 'jsdom',
            globals: true,
            include: ['test/**/*.test.{ts,tsx}'],
            exclude: ['test/e2e/**', 'test/browser/**'],
            setupFiles: ['test/setup.ts'],
          },
        },
      ],
    },
  }),
)
