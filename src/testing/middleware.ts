import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Plugin } from 'vite'
import { createIdmEmulator } from './createIdmEmulator.js'
import type { EmulatorResponse, IdmEmulator, IdmEmulatorOptions } from './emulatorTypes.js'

/** A Connect-style middleware, as Vite's `server.middlewares.use` and Express accept. */
export type IdmMiddleware = (
  req: IncomingMessage,
  res: ServerResponse,
  next: (error?: unknown) => void,
) => void

/**
 * A Connect-style middleware that serves the emulator's endpoints and calls `next()` for every
 * other path. It buffers at most `maxBodyBytes` of a body: past that it answers 413 at once,
 * drops the rest unread into memory, and closes the connection.
 *
 * Works with Vite's dev and preview servers, Express, and plain `node:http`:
 *
 * @example
 * const emulator = createIdmEmulator()
 * const middleware = createIdmMiddleware(emulator)
 * createServer((req, res) => middleware(req, res, () => {
 *   res.statusCode = 404
 *   res.end()
 * })).listen(0, '127.0.0.1')
 */
export function createIdmMiddleware(emulator: IdmEmulator): IdmMiddleware {
  return (req, res, next) => {
    const url = req.url ?? ''
    if (!emulator.owns(url)) {
      next()
      return
    }
    const request = {
      method: req.method ?? '',
      path: url,
      headers: flattenHeaders(req.headers),
    }
    readBody(req, emulator.maxBodyBytes, (body, tooLarge) => {
      const answer = emulator.handle({ ...request, body, bodyTooLarge: tooLarge })
      writeAnswer(res, answer, tooLarge)
    })
  }
}

/** Options of {@link idmEmulatorPlugin}. */
export interface IdmEmulatorPluginOptions extends IdmEmulatorOptions {
  /** An emulator to mount (one a test also inspects); else one is made from the options. */
  emulator?: IdmEmulator
}

/**
 * A Vite plugin that mounts the emulator on the dev server and on `vite preview`, so that a demo
 * or a browser test can log in against `/legacy/sts/api/oauth/token` on its own origin.
 *
 * @example
 * // vite.config.ts
 * export default defineConfig({ plugins: [react(), idmEmulatorPlugin({ basePath: '/idm' })] })
 */
export function idmEmulatorPlugin(options: IdmEmulatorPluginOptions = {}): Plugin {
  const middleware = createIdmMiddleware(options.emulator ?? createIdmEmulator(options))
  return {
    name: 'react-idm-login:idm-emulator',
    configureServer(server) {
      server.middlewares.use(middleware)
    },
    configurePreviewServer(server) {
      server.middlewares.use(middleware)
    },
  }
}

function flattenHeaders(headers: IncomingMessage['headers']): Record<string, string | undefined> {
  const result: Record<string, string | undefined> = {}
  for (const [name, value] of Object.entries(headers)) {
    result[name] = Array.isArray(value) ? value.join(', ') : value
  }
  return result
}

/** Collects the body as UTF-8 text and calls `done` exactly once. */
function readBody(
  req: IncomingMessage,
  maxBytes: number,
  done: (body: string, tooLarge: boolean) => void,
): void {
  // A declared length over the limit needs no reading at all.
  if (Number(req.headers['content-length']) > maxBytes) {
    req.resume()
    done('', true)
    return
  }

  const chunks: Buffer[] = []
  let received = 0
  let finished = false
  const onData = (chunk: Buffer) => {
    received += chunk.byteLength
    if (received <= maxBytes) {
      chunks.push(chunk)
      return
    }
    // Stop collecting but keep the stream flowing, so that the connection can close.
    finished = true
    req.off('data', onData)
    req.resume()
    done('', true)
  }
  req.on('data', onData)
  req.on('end', () => {
    if (finished) return
    finished = true
    done(Buffer.concat(chunks).toString('utf8'), false)
  })
  // A client that goes away gets no answer: there is nobody left to send it to.
  req.on('error', () => {
    finished = true
  })
}

function writeAnswer(res: ServerResponse, answer: EmulatorResponse, close: boolean): void {
  if (res.headersSent || res.writableEnded) return
  res.statusCode = answer.status
  for (const [name, value] of Object.entries(answer.headers)) res.setHeader(name, value)
  res.setHeader('content-length', Buffer.byteLength(answer.body))
  if (close) res.setHeader('connection', 'close')
  res.end(answer.body)
}
