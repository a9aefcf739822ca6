import { fileURLToPath } from 'node:url'
import react from '@vitejs/plugin-react'
import { defineConfig, type ProxyOptions } from 'vite'
import { DEFAULT_TOKEN_PATH } from '../src/core/index.js'
import {
  ALTERNATE_TOKEN_PATH,
  DEMO_CLIENT_ID,
  idmEmulatorPlugin,
  PASSWORD_CHECK_PATH,
} from '../src/testing/index.js'

/**
 * The demo app: `npm start`. By default the IDM emulator answers on the page's own origin. With
 * `IDM_URL` set, the dev server forwards the token and password-check requests to that IDM
 * instead, so the browser still talks to one origin and needs no CORS set-up on the server.
 */
const idmUrl = readIdmUrl(process.env.IDM_URL)
const clientId = process.env.IDM_CLIENT_ID?.trim() || DEMO_CLIENT_ID
const port = 5173

function readIdmUrl(value: string | undefined): string | undefined {
  if (!value?.trim()) return undefined
  const url = URL.canParse(value) ? new URL(value) : undefined
  if (url?.protocol !== 'http:' && url?.protocol !== 'https:') {
    throw new Error('demo: IDM_URL must be an http(s) address, such as https://idm.example.com.')
  }
  // The address is shown on the page, so it must not carry a user name or password.
  if (url.username || url.password) {
    throw new Error('demo: IDM_URL must not contain credentials (user:password@).')
  }
  return url.href.replace(/\/+$/, '')
}

function idmProxy(target: string): Record<string, ProxyOptions> {
  // Only the IDM's own endpoints are forwarded; the emulator's password change has no real twin.
  const paths = [DEFAULT_TOKEN_PATH, ALTERNATE_TOKEN_PATH, PASSWORD_CHECK_PATH]
  return Object.fromEntries(paths.map((path) => [path, { target, changeOrigin: true }]))
}

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  // A cache of its own, apart from the library's tools that share node_modules/.vite.
  cacheDir: fileURLToPath(new URL('../node_modules/.vite/demo', import.meta.url)),
  plugins: [react(), ...(idmUrl ? [] : [idmEmulatorPlugin({ clientId })])],
  // Only the client id reaches the page: it is public anyway. A secret never goes in here.
  define: {
    __DEMO_IDM__: JSON.stringify({ clientId, server: idmUrl ?? null }),
  },
  // Pre-bundled up front, so that the first visit does not find new dependencies and reload.
  optimizeDeps: {
    include: [
      'react',
      'react-dom/client',
      'react/jsx-runtime',
      'react/jsx-dev-runtime',
      '@tanstack/react-query',
      'i18next',
      'react-i18next',
      'react-hook-form',
    ],
  },
  server: {
    host: '127.0.0.1',
    port,
    strictPort: true,
    ...(idmUrl ? { proxy: idmProxy(idmUrl) } : {}),
  },
  preview: { host: '127.0.0.1', port: 4173, strictPort: true },
})
