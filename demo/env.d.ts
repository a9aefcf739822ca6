/// <reference types="vite/client" />

/**
 * Set by `demo/vite.config.ts` through `define`: the real IDM's address when the dev server
 * proxies to one (`null` while the built-in emulator answers). Only the address: the client id
 * and secret stay on the server.
 */
declare const __DEMO_IDM__: { server: string | null }
