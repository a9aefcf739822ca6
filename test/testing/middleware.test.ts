// @vitest-environment node
// A real node:http server on 127.0.0.1, hit with Node's own fetch.
import { createServer, request as httpRequest, type Server } from 'node:http'
import { mkdtemp, rm } from 'node:fs/promises'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { createIdmTokenFetcher, type TokenRequest } from '../../src/core/index.js'
import {
  createIdmEmulator,
  createIdmMiddleware,
  DEMO_PASSWORD,
  DEMO_PIN,
  type IdmMiddleware,
  idmEmulatorPlugin,
} from '../../src/testing/index.js'

const emulator = createIdmEmulator({ basePath: '/idm' })
const middleware = createIdmMiddleware(emulator)
let server: Server
let origin = ''

beforeAll(async () => {
  server = createServer((req, res) =>
    middleware(req, res, () => {
      res.statusCode = 418
      res.end('next')
    }),
  )
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterEach(() => emulator.reset())
afterAll(async () => {
  server.closeAllConnections()
  await new Promise((resolve) => server.close(resolve))
})

const ask = (request: Partial<TokenRequest> & { username: string }) =>
  createIdmTokenFetcher({ baseUrl: `${origin}/idm`, clientId: 'demo-client' })(
    { password: DEMO_PASSWORD, ...request },
    new AbortController().signal,
  )

/** Sends `chunks` as a chunked body and resolves with the status, without ending the request. */
function postChunks(path: string, chunks: string[]): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(`${origin}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    })
    req.on('response', (res) => {
      let body = ''
      res.setEncoding('utf8')
      res.on('data', (chunk: string) => {
        body += chunk
      })
      res.on('end', () => {
        req.destroy()
        resolve({ status: res.statusCode ?? 0, body })
      })
    })
    req.on('error', reject)
    for (const chunk of chunks) req.write(chunk)
  })
}

describe('given the middleware on a node:http server', () => {
  it('signs demo in through the real token fetcher', async () => {
    expect(await ask({ username: 'demo' })).toMatchObject({ type: 'success', status: 200 })
  })

  it('runs the sms-fail resend and the PIN', async () => {
    expect(await ask({ username: 'sms-fail' })).toMatchObject({ code: 'STS_0014' })
    expect(await ask({ username: 'sms-fail' })).toMatchObject({ code: 'STS_0011' })
    expect(await ask({ username: 'sms-fail', pin: DEMO_PIN })).toMatchObject({ type: 'success' })
  })

  it('passes other paths to next()', async () => {
    for (const path of ['/', '/legacy/sts/api/oauth/token', '/idm/other']) {
      const response = await fetch(`${origin}${path}`, { method: 'POST' })
      expect([response.status, await response.text()]).toEqual([418, 'next'])
    }
  })

  it('answers a wrong method on its own path with GLB_0002', async () => {
    const response = await fetch(`${origin}/idm/legacy/sts/api/oauth/token?probe=1`)
    expect(response.status).toBe(400)
    expect(await response.json()).toMatchObject({ result_code: 'GLB_0002' })
  })

  it('answers a body over the limit with 413', async () => {
    const response = await fetch(`${origin}/idm/legacy/sts/api/oauth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: `username=demo&pad=${'x'.repeat(20_000)}`,
    })
    expect(response.status).toBe(413)
    expect(await response.json()).toMatchObject({ result_code: 'GLB_0002' })
  })

  it('answers 413 before an unbounded chunked body ends', async () => {
    const chunk = 'x'.repeat(4096)
    const answer = await postChunks('/idm/legacy/sts/api/oauth/token', Array(6).fill(chunk))
    expect(answer.status).toBe(413)
    expect(JSON.parse(answer.body)).toMatchObject({ result_code: 'GLB_0002' })
  })

  it('reads a chunked body under the limit', async () => {
    const form = 'grant_type=password&username=mfa&password=Demo.2026!&client_id=demo-client'
    const answer = await new Promise<number>((resolve, reject) => {
      const req = httpRequest(`${origin}/idm/legacy/sts/api/oauth/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      })
      req.on('response', (res) => {
        res.resume()
        resolve(res.statusCode ?? 0)
      })
      req.on('error', reject)
      req.write(form.slice(0, 20))
      req.end(form.slice(20))
    })
    expect(answer).toBe(400)
  })

  it('serves the password check', async () => {
    const response = await fetch(`${origin}/idm/api/password/check`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', client_id: 'demo-client' },
      body: JSON.stringify({ Password: DEMO_PASSWORD }),
    })
    expect(await response.json()).toEqual({
      Success: true,
      Message: 'Password is valid.',
      ErrorList: [],
    })
  })
})

describe('given the Vite plugin', () => {
  it('mounts one middleware on the dev server and on the preview server', () => {
    const plugin = idmEmulatorPlugin({ lockAfter: 2 })
    expect(plugin.name).toBe('react-idm-login:idm-emulator')
    const mounted: IdmMiddleware[] = []
    const fakeServer = { middlewares: { use: vi.fn((fn: IdmMiddleware) => mounted.push(fn)) } }
    const call = (hook: unknown) => (hook as (server: unknown) => void)(fakeServer)
    call(plugin.configureServer)
    call(plugin.configurePreviewServer)
    expect(mounted).toHaveLength(2)
    expect(mounted[0]).toBe(mounted[1])
  })
})

describe('given the Vite plugin on a real Vite server', () => {
  it('answers the emulator paths on the dev server', async () => {
    const { createServer: createViteServer } = await import('vite')
    const vite = await createViteServer({
      configFile: false,
      logLevel: 'silent',
      root: process.cwd(),
      plugins: [idmEmulatorPlugin()],
      server: { host: '127.0.0.1', port: 0, strictPort: false, ws: false },
      optimizeDeps: { noDiscovery: true, include: [] },
    })
    try {
      await vite.listen()
      const base = vite.resolvedUrls?.local[0]?.replace(/\/$/, '') ?? ''
      const fetcher = createIdmTokenFetcher({ baseUrl: base, clientId: 'demo-client' })
      const outcome = await fetcher(
        { username: 'mfa', password: DEMO_PASSWORD },
        new AbortController().signal,
      )
      expect(outcome).toMatchObject({ type: 'result', code: 'STS_0011' })
    } finally {
      await vite.close()
    }
  })

  it('answers the emulator paths on the preview server', async () => {
    const { preview } = await import('vite')
    const outDir = await mkdtemp(join(tmpdir(), 'idm-preview-'))
    const server = await preview({
      configFile: false,
      logLevel: 'silent',
      root: outDir,
      plugins: [idmEmulatorPlugin({ basePath: '/idm' })],
      build: { outDir },
      preview: { host: '127.0.0.1', port: 0, strictPort: false, open: false },
    })
    try {
      const base = server.resolvedUrls?.local[0]?.replace(/\/$/, '') ?? ''
      const fetcher = createIdmTokenFetcher({ baseUrl: `${base}/idm`, clientId: 'demo-client' })
      const outcome = await fetcher(
        { username: 'demo', password: DEMO_PASSWORD },
        new AbortController().signal,
      )
      expect(outcome).toMatchObject({ type: 'success' })
    } finally {
      await server.close()
      await rm(outDir, { recursive: true, force: true })
    }
  })
})
