import { fileURLToPath } from 'node:url'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'
import { idmEmulatorPlugin } from '../../src/testing/middleware.js'

/** The bench page (`npm run bench`): built for production, served by `vite preview`. */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [react(), idmEmulatorPlugin()],
  logLevel: 'warn',
  preview: { host: '127.0.0.1', port: 4319 },
})
