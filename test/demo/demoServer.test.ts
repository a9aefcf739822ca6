// @vitest-environment node
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { fileURLToPath } from 'node:url'
import { resolveConfig } from 'vite'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { DEMO_LOGIN_PATH, DEMO_PASSWORD_CHECK_PATH } from '../../demo/demoPaths.js'
import {
  createDemoIdmServer,
  DEMO_CLIENT_SECRET,
  type DemoIdmSettings,
  readDemoIdmSettings,
} from '../../demo/demoServer.js'
import { createIdmPasswordCheck } from '../../src/core/createIdmPasswordCheck.js'
import { createIdmTokenFetcher } from '../../src/core/index.js'
import {
  createEmulatorChangePassword,
  DEMO_CLIENT_ID,
  DEMO_PASSWORD,
} from '../../src/testing/index.js'

const CONFIG_FILE = fileURLToPath(new URL('../../demo/vite.config.ts', import.meta.url))
const EMULATOR: DemoIdmSettings = readDemoIdmSettings({})
const FORM = { 'content-type': 'application/x-www-form-urlencoded' }

let server: Server | undefined

/** Serves the demo's middleware on a free port of 127.0.0.1; other paths get 404. */
async function serve(settings: DemoIdmSettings, fetch?: typeof globalThis.fetch) {
  const { middleware } = createDemoIdmServer(settings, fetch ? { fetch } : {})
  server = createServer((req, res) =>
    middleware(req, res, () => {
      res.statusCode = 404
      res.end()
    }),
  )
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve))
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`
}

function login(origin: string, fields: Record<string, string>) {
  const body = new URLSearchParams(fields)
  return fetch(`${origin}${DEMO_LOGIN_PATH}`, { method: 'POST', headers: FORM, body })
}

/** A stand-in for a real IDM that records what it was sent. */
function fakeIdm(answer: unknown) {
  return vi.fn(async (_input: RequestInfo | URL, _init?: RequestInit) =>
    Response.json(answer, { status: 200 }),
  )
}

afterEach(async () => {
  server?.closeAllConnections()
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)))
  server = undefined
})

describe('given the demo settings from the environment', () => {
  it('uses the emulator with the demo client and its secret when IDM_URL is empty', () => {
    const settings = readDemoIdmSettings({
      IDM_URL: ' ',
      IDM_CLIENT_ID: 'ignored',
      IDM_CLIENT_SECRET: 'ignored',
    })
    expect(settings).toEqual({
      idmUrl: undefined,
      clientId: DEMO_CLIENT_ID,
      clientSecret: DEMO_CLIENT_SECRET,
    })
  })

  it('reads the IDM, client id and optional secret; refuses credentials in the URL', () => {
    expect(
      readDemoIdmSettings({
        IDM_URL: 'https://idm.example.com/idm/',
        IDM_CLIENT_ID: ' web ',
        IDM_CLIENT_SECRET: 's3cret',
      }),
    ).toEqual({ idmUrl: 'https://idm.example.com/idm', clientId: 'web', clientSecret: 's3cret' })
    expect(readDemoIdmSettings({ IDM_URL: 'https://idm.example.com' }).clientSecret).toBe(undefined)
    expect(() => readDemoIdmSettings({ IDM_URL: 'https://a:b@idm.example.com' })).toThrow(
      /credentials/,
    )
    expect(() => readDemoIdmSettings({ IDM_URL: 'ftp://idm.example.com' })).toThrow(/http/)
  })
})

describe('given the demo server with the built-in emulator', () => {
  it('signs in through /api/login with no client id or secret from the browser', async () => {
    const origin = await serve(EMULATOR)
    const fetchToken = createIdmTokenFetcher({ url: `${origin}${DEMO_LOGIN_PATH}` })
    const outcome = await fetchToken(
      { username: 'demo', password: DEMO_PASSWORD },
      new AbortController().signal,
    )
    expect(outcome.type).toBe('success')
  })

  it('ignores a client id and secret that the browser sends', async () => {
    const origin = await serve(EMULATOR)
    const response = await login(origin, {
      username: 'demo',
      password: DEMO_PASSWORD,
      client_id: 'someone-else',
      client_secret: 'a-guess',
    })
    expect(response.status).toBe(200)
    expect(await response.json()).toHaveProperty('access_token')
  })

  it('refuses the emulator token path without the secret, as a browser would call it', async () => {
    const origin = await serve(EMULATOR)
    const body = new URLSearchParams({
      grant_type: 'password',
      username: 'demo',
      password: DEMO_PASSWORD,
      client_id: DEMO_CLIENT_ID,
    })
    const response = await fetch(`${origin}/legacy/sts/api/oauth/token`, {
      method: 'POST',
      headers: FORM,
      body,
    })
    expect(response.status).toBe(401)
    expect(await response.json()).toMatchObject({ result_code: 'GLB_0001' })
  })

  it('checks a password via /api/password-check, no client headers from the page', async () => {
    const origin = await serve(EMULATOR)
    const check = createIdmPasswordCheck({ baseUrl: origin, path: DEMO_PASSWORD_CHECK_PATH })
    const signal = new AbortController().signal
    const weak = await check('short', signal)
    expect(weak.ok).toBe(false)
    expect(weak.codes.length).toBeGreaterThan(0)
    expect(weak.codes.every((code) => code.startsWith('PAS_'))).toBe(true)
    expect(await check('Fresh.Start.2027', signal)).toEqual({ ok: true, codes: [] })
  })

  it('refuses a password check that is not a JSON POST, without blocking the user', async () => {
    const origin = await serve(EMULATOR)
    const url = `${origin}${DEMO_PASSWORD_CHECK_PATH}`
    expect((await fetch(url)).status).toBe(405)
    const form = await fetch(url, { method: 'POST', headers: FORM, body: 'Password=x' })
    expect(form.status).toBe(415)
    expect(await form.json()).not.toHaveProperty('Success')
  })

  it('shares one emulator: a changed password then signs in through the proxy', async () => {
    const origin = await serve(EMULATOR)
    const changePassword = createEmulatorChangePassword({ baseUrl: origin })
    const newPassword = 'Fresh.Start.2027'
    const changed = await changePassword({
      username: 'expired',
      oldPassword: DEMO_PASSWORD,
      newPassword,
      signal: new AbortController().signal,
    })
    expect(changed).toEqual({ ok: true })
    const response = await login(origin, { username: 'expired', password: newPassword })
    expect(await response.json()).toHaveProperty('access_token')
  })
})

describe('given the demo server pointed at a real IDM', () => {
  const settings: DemoIdmSettings = {
    idmUrl: 'https://idm.example.com/idm',
    clientId: 'web',
    clientSecret: 's3cret',
  }

  it('adds the client id and secret on the server and passes the captcha on', async () => {
    const idm = fakeIdm({ access_token: 'x', token_type: 'bearer' })
    const origin = await serve(settings, idm)
    const response = await login(origin, {
      username: 'ada',
      password: 'pw',
      captcha: 'demo-captcha-passed',
      lang: 'TRTR',
    })
    expect(response.status).toBe(200)
    expect(idm).toHaveBeenCalledOnce()
    const [url, init] = idm.mock.calls[0] ?? []
    expect(String(url)).toBe('https://idm.example.com/idm/legacy/sts/api/oauth/token')
    expect(Object.fromEntries(new URLSearchParams(String(init?.body)))).toEqual({
      grant_type: 'password',
      username: 'ada',
      password: 'pw',
      captcha: 'demo-captcha-passed',
      client_id: 'web',
      client_secret: 's3cret',
    })
  })

  it('sends the check with the client headers, and no secret when none is set', async () => {
    const answer = { Success: true, Message: 'ok', ErrorList: [] }
    for (const clientSecret of ['s3cret', undefined]) {
      const idm = fakeIdm(answer)
      const origin = await serve({ ...settings, clientSecret }, idm)
      const check = createIdmPasswordCheck({ baseUrl: origin, path: DEMO_PASSWORD_CHECK_PATH })
      expect(await check('Fresh.Start.2027', new AbortController().signal)).toEqual({
        ok: true,
        codes: [],
      })
      const [url, init] = idm.mock.calls[0] ?? []
      expect(String(url)).toBe('https://idm.example.com/idm/api/password/check')
      const headers = new Headers(init?.headers)
      expect(headers.get('client_id')).toBe('web')
      expect(headers.get('client_secret')).toBe(clientSecret ?? null)
      expect(JSON.parse(String(init?.body))).toEqual({ Password: 'Fresh.Start.2027' })
      server?.closeAllConnections()
      await new Promise((resolve) => server?.close(resolve))
      server = undefined
    }
  })
})

describe('given the demo Vite config', () => {
  it('passes the page the IDM address only: no client id, no secret', async () => {
    const saved = { ...process.env }
    Object.assign(process.env, {
      IDM_URL: 'https://idm.example.com',
      IDM_CLIENT_ID: 'web-client-id',
      IDM_CLIENT_SECRET: 'server-only-secret',
    })
    try {
      const config = await resolveConfig({ configFile: CONFIG_FILE, logLevel: 'silent' }, 'serve')
      const defined = JSON.stringify(config.define)
      expect(defined).toContain('https://idm.example.com')
      expect(defined).not.toContain('web-client-id')
      expect(defined).not.toContain('server-only-secret')
      // Nor does `import.meta.env`: the IDM_ variables have no prefix that Vite exposes.
      expect(JSON.stringify(config.env)).not.toMatch(/web-client-id|server-only-secret|IDM_/)
      expect(config.server.proxy ?? {}).toEqual({})
    } finally {
      for (const name of ['IDM_URL', 'IDM_CLIENT_ID', 'IDM_CLIENT_SECRET']) {
        if (saved[name] === undefined) delete process.env[name]
        else process.env[name] = saved[name]
      }
    }
  }, 30_000)
})
