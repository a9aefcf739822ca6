import { fileURLToPath } from 'node:url'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'
import { createDemoIdmServer, demoIdmPlugin, readDemoIdmSettings } from './demoServer.js'

/**
 * The demo app: `npm start`. The page posts its logins to `/api/login` on its own origin, where
 * this server's token proxy (`createIdmTokenProxy` from `react-idm-login/server`) adds the client
 * id and secret and forwards them: by default to the built-in IDM emulator, in-process; with
 * `IDM_URL` set, to that IDM. The password check goes through `/api/password-check` the same way.
 * `IDM_CLIENT_ID` and `IDM_CLIENT_SECRET` are read here, on the server, and never reach the page.
 */
const settings = readDemoIdmSettings(process.env)
const port = 5173

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  // A cache of its own, apart from the library's tools that share node_modules/.vite.
  cacheDir: fileURLToPath(new URL('../node_modules/.vite/demo', import.meta.url)),
  plugins: [react(), demoIdmPlugin(createDemoIdmServer(settings))],
  // Only the IDM's address reaches the page, to be shown. No client id or secret goes in here,
  // and no env prefix (`envPrefix`) exposes the IDM_ variables either.
  define: {
    __DEMO_IDM__: JSON.stringify({ server: settings.idmUrl ?? null }),
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
  },
  preview: { host: '127.0.0.1', port: 4173, strictPort: true },
})
