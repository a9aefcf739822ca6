/// <reference types="vite/client" />

/**
 * Set by `demo/vite.config.ts` through `define`: the OAuth client id, and the real IDM's address
 * when the dev server proxies to one (`null` while the built-in emulator answers).
 */
declare const __DEMO_IDM__: { clientId: string; server: string | null }
