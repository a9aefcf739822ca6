import { mkdirSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import { fileURLToPath } from 'node:url'
import AxeBuilder from '@axe-core/playwright'
import {
  type Browser,
  chromium,
  type Locator,
  type Page,
  type Request as PageRequest,
} from 'playwright-core'
import { createServer, type ViteDevServer } from 'vite'
import { expect } from 'vitest'
import { DEMO_LOGIN_PATH } from '../../demo/demoPaths.js'
import { DEMO_CLIENT_SECRET } from '../../demo/demoServer.js'
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../support/chromium.js'

/** How long one step of the flow may take to appear: generous, for a busy CI machine. */
export const STEP_TIMEOUT = 10_000
export const DEMO_PASSWORD = 'Demo.2026!'
/** The emulator's own token path: the page must never call it, only the demo's proxy does. */
export const TOKEN_PATH = '/legacy/sts/api/oauth/token'
export const LOGIN_PATH = DEMO_LOGIN_PATH

const SCREENSHOTS = fileURLToPath(new URL('../../screenshots/', import.meta.url))
const CONFIG_FILE = fileURLToPath(new URL('../../demo/vite.config.ts', import.meta.url))
const CACHE_DIR = fileURLToPath(new URL('../../node_modules/.vite/demo-e2e', import.meta.url))

/** The demo's dev server, with its own emulator, and one Chromium. */
export interface DemoHarness {
  url: string
  browser: Browser
  close(): Promise<void>
}

/**
 * Starts the demo's Vite dev server on a free port of 127.0.0.1 and launches Chromium. Each test
 * file gets its own server, so each starts with a fresh emulator (no lock counters carried over).
 */
export async function startDemo(): Promise<DemoHarness> {
  // The tests always talk to the emulator, even in a shell that points the demo at a real IDM.
  process.env.IDM_URL = ''
  process.env.IDM_CLIENT_ID = ''
  process.env.IDM_CLIENT_SECRET = ''
  mkdirSync(SCREENSHOTS, { recursive: true })
  const server: ViteDevServer = await createServer({
    configFile: CONFIG_FILE,
    cacheDir: CACHE_DIR,
    logLevel: 'warn',
    clearScreen: false,
    // No watcher and no HMR: files edited while the suite runs must not reload the page.
    server: { host: '127.0.0.1', port: 0, strictPort: false, hmr: false, watch: null },
  })
  await server.listen()
  const address = server.httpServer?.address() as AddressInfo | null | undefined
  if (!address) throw new Error('The demo server did not start listening.')
  const { port } = address
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS })
  return {
    url: `http://127.0.0.1:${port}/`,
    browser,
    async close() {
      await browser.close()
      await server.close()
    },
  }
}

export type ColorScheme = 'light' | 'dark'

/** One visitor: a fresh browser context, the page, and what the page logged as an error. */
export interface DemoPage {
  page: Page
  /**
   * Runs axe on the whole page and saves a screenshot, in the light and the dark system colour
   * scheme (or only `schemes`: a theme chosen on the page ignores the system's).
   */
  check(step: string, schemes?: readonly ColorScheme[]): Promise<void>
  /** The bodies of the page's own requests to the token proxy (`/api/login`), so far. */
  loginBodies(): URLSearchParams[]
  /** Fills the sign-in form and submits it with the button. */
  signIn(username: string, password: string): Promise<void>
  heading(name: string): Locator
  /** Waits until `locator` has the focus. */
  waitForFocus(locator: Locator): Promise<void>
  /**
   * Closes the context; fails on any uncaught error or console error the page logged, and on any
   * request of the page that carried a client id or secret or went to the IDM's token path.
   */
  close(): Promise<void>
}

/** Opens the demo in a new context (axe needs one: a page from `browser.newPage()` fails it). */
export async function openDemo(harness: DemoHarness, name: string): Promise<DemoPage> {
  const context = await harness.browser.newContext({ viewport: { width: 1280, height: 900 } })
  const page = await context.newPage()
  page.setDefaultTimeout(STEP_TIMEOUT)
  page.setDefaultNavigationTimeout(30_000)
  const errors: string[] = []
  const requests: PageRequest[] = []
  page.on('request', (request) => requests.push(request))
  page.on('pageerror', (error) => errors.push(error.message))
  page.on('console', (message) => {
    // Error answers of the IDM (400, 500) are expected; Chromium logs each one.
    const isHttpError = message.text().startsWith('Failed to load resource')
    if (message.type() === 'error' && !isHttpError) errors.push(message.text())
  })
  await page.goto(harness.url)
  await page.getByLabel('Username or e-mail').waitFor({ timeout: 30_000 })
  let shot = 0

  const demoPage: DemoPage = {
    page,
    async check(step, schemes = ['light', 'dark']) {
      shot += 1
      const prefix = `${name}-${String(shot).padStart(2, '0')}-${step}`
      await expectAccessible(page, prefix, schemes)
    },
    loginBodies: () =>
      requests
        .filter((request) => pathOf(request) === LOGIN_PATH)
        .map((request) => new URLSearchParams(request.postData() ?? '')),
    async signIn(username, password) {
      await page.getByLabel('Username or e-mail').fill(username)
      await page.getByLabel('Password', { exact: true }).fill(password)
      await page.getByRole('button', { name: 'Sign in', exact: true }).click()
    },
    heading: (headingName) => page.getByRole('heading', { name: headingName, exact: true }),
    async waitForFocus(locator) {
      const element = await locator.elementHandle({ timeout: STEP_TIMEOUT })
      await page.waitForFunction((el) => el === document.activeElement, element, {
        timeout: STEP_TIMEOUT,
      })
    },
    async close() {
      await context.close()
      expect(errors, 'errors the page logged').toEqual([])
      expect(requests.flatMap(credentialLeaks), 'client credentials the page sent').toEqual([])
    },
  }
  return demoPage
}

function pathOf(request: PageRequest): string {
  return new URL(request.url()).pathname
}

/** What in one request of the page shows that the browser held a client credential. */
function credentialLeaks(request: PageRequest): string[] {
  const path = pathOf(request)
  const where = `${request.method()} ${path}`
  const leaks: string[] = []
  if (path === TOKEN_PATH) leaks.push(`${where}: the IDM's token path, not the proxy`)
  const body = request.postData() ?? ''
  if (`${request.url()} ${body}`.includes(DEMO_CLIENT_SECRET)) leaks.push(`${where}: the secret`)
  if (path === LOGIN_PATH) {
    const form = new URLSearchParams(body)
    for (const name of ['client_id', 'client_secret']) {
      if (form.has(name)) leaks.push(`${where}: a ${name} field`)
    }
  }
  const headers = request.headers()
  for (const name of ['client_id', 'client_secret']) {
    if (name in headers) leaks.push(`${where}: a ${name} header`)
  }
  return leaks
}

/**
 * axe on the whole page, colour contrast included, in both colour schemes. Screenshots are taken
 * first, so that a failing step can be seen.
 */
async function expectAccessible(
  page: Page,
  prefix: string,
  schemes: readonly ColorScheme[],
): Promise<void> {
  for (const colorScheme of schemes) {
    await page.emulateMedia({ colorScheme })
    await page.screenshot({ path: `${SCREENSHOTS}${prefix}-${colorScheme}.png`, fullPage: true })
    // Every rule runs; only the details of passes are skipped, which halves axe's time here.
    const { violations } = await new AxeBuilder({ page })
      .options({ resultTypes: ['violations'] })
      .analyze()
    const found = violations.flatMap((violation) =>
      violation.nodes.map((node) => `${violation.id} at ${node.target.join(' ')}`),
    )
    expect(found, `axe violations on ${prefix} (${colorScheme})`).toEqual([])
  }
  await page.emulateMedia({ colorScheme: null })
}
