import type { IncomingMessage, ServerResponse } from 'node:http'

/** A `node:http` request listener, as `createServer` and Express accept. */
export type NodeRequestListener = (req: IncomingMessage, res: ServerResponse) => Promise<void>

/** Headers that describe one connection, not the message: never copied across. */
const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-authenticate',
  'proxy-authorization',
  'proxy-connection',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
  'host',
  'expect',
  'http2-settings',
])

/**
 * Adapts a Web Fetch API handler, such as {@link createIdmTokenProxy}'s, to `node:http` (and
 * Express, which passes the same objects). The request body is streamed to the handler as it
 * arrives, so a size limit in the handler stops the reading; the rest is drained and discarded,
 * and the connection closed after the answer. The returned promise never rejects.
 *
 * @example
 * import { createServer } from 'node:http'
 * import { createIdmTokenProxy } from 'react-idm-login/server'
 * import { toNodeHandler } from 'react-idm-login/server'
 *
 * const login = toNodeHandler(createIdmTokenProxy({ idmUrl, clientId, clientSecret }))
 * createServer((req, res) => {
 *   if (req.url === '/api/login') return void login(req, res)
 *   res.statusCode = 404
 *   res.end()
 * }).listen(3000)
 */
export function toNodeHandler(handler: (request: Request) => Promise<Response>) {
  const listener: NodeRequestListener = async (req, res) => {
    const gone = new AbortController()
    res.on('close', () => {
      if (!res.writableFinished) gone.abort()
    })
    const body = bodyOf(req)
    try {
      const response = await handler(toRequest(req, body.stream, gone.signal))
      // Unread request data would otherwise sit in the socket: drain it and close the connection.
      if (!body.isFinished()) {
        body.discard()
        res.setHeader('connection', 'close')
      }
      await writeResponse(res, response)
    } catch {
      body.discard()
      if (!res.headersSent) res.statusCode = 500
      if (!res.writableEnded) res.end()
    }
  }
  return listener
}

function toRequest(
  req: IncomingMessage,
  body: ReadableStream<Uint8Array> | null,
  signal: AbortSignal,
): Request {
  const headers = new Headers()
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined || HOP_BY_HOP.has(name)) continue
    for (const item of Array.isArray(value) ? value : [value]) headers.append(name, item)
  }
  const init: RequestInit & { duplex?: 'half' } = { method: req.method ?? 'GET', headers, signal }
  if (body) {
    init.body = body
    init.duplex = 'half'
  }
  return new Request(urlOf(req), init)
}

function urlOf(req: IncomingMessage): string {
  try {
    return new URL(req.url ?? '/', `http://${req.headers.host ?? 'localhost'}`).href
  } catch {
    // A Host header that is not a host name: the handler gets the path on a neutral origin.
    return new URL(req.url?.startsWith('/') ? req.url : '/', 'http://localhost').href
  }
}

/**
 * The request body as a web stream that pulls from the socket only when the handler reads, and
 * that drains rather than destroys the socket when cancelled, so that the answer can still go out.
 */
function bodyOf(req: IncomingMessage) {
  let finished = req.method === 'GET' || req.method === 'HEAD'
  let discarded = false
  req.on('end', () => {
    finished = true
  })
  const discard = () => {
    if (discarded) return
    discarded = true
    req.removeAllListeners('data')
    req.on('error', () => undefined)
    req.resume()
  }
  req.pause()
  const stream = finished
    ? null
    : new ReadableStream<Uint8Array>({
        start(controller) {
          req.on('data', (chunk: Buffer) => {
            controller.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength))
            if ((controller.desiredSize ?? 0) <= 0) req.pause()
          })
          // After a cancel the stream is closed already; closing it again would throw.
          req.on('end', () => discarded || controller.close())
          req.on('error', (error) => controller.error(error))
        },
        pull() {
          req.resume()
        },
        cancel: discard,
      })
  return { stream, isFinished: () => finished || req.complete, discard }
}

async function writeResponse(res: ServerResponse, response: Response): Promise<void> {
  res.statusCode = response.status
  for (const [name, value] of response.headers) {
    if (name === 'set-cookie' || HOP_BY_HOP.has(name)) continue
    res.setHeader(name, value)
  }
  const cookies = response.headers.getSetCookie()
  if (cookies.length > 0) res.setHeader('set-cookie', cookies)
  if (!response.body) {
    res.end()
    return
  }
  const reader = response.body.getReader()
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    if (res.destroyed) {
      await reader.cancel()
      return
    }
    if (!res.write(value)) await waitForDrain(res)
  }
  res.end()
}

function waitForDrain(res: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      res.off('drain', done)
      res.off('close', done)
      resolve()
    }
    res.on('drain', done)
    res.on('close', done)
  })
}
