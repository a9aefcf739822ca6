import { type HttpHandler, HttpResponse, http } from 'msw'
import type { IdmEmulator } from './emulatorTypes.js'

/** Options of {@link createIdmHandlers}. */
export interface IdmHandlersOptions {
  /**
   * The IDM's origin, such as `http://idm.test`, as the app under test calls it. Without one the
   * handlers answer the emulator's paths on every origin.
   */
  origin?: string
}

/**
 * MSW (version 2) request handlers that answer every `POST` to the emulator's endpoints with
 * the emulator's response. Use them with `setupServer` in tests or `setupWorker` in Storybook.
 *
 * @example
 * const emulator = createIdmEmulator()
 * const server = setupServer(...createIdmHandlers(emulator, { origin: 'http://idm.test' }))
 * beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
 * afterEach(() => emulator.reset())
 * afterAll(() => server.close())
 */
export function createIdmHandlers(
  emulator: IdmEmulator,
  options: IdmHandlersOptions = {},
): HttpHandler[] {
  const origin = (options.origin ?? '*').replace(/\/+$/, '')
  return emulator.routes.map((route) =>
    http.post(`${origin}${route}`, async ({ request }) => {
      const { text, tooLarge } = await readCapped(request.body, emulator.maxBodyBytes)
      const answer = emulator.handle({
        method: request.method,
        path: new URL(request.url).pathname,
        headers: Object.fromEntries(request.headers),
        body: text,
        bodyTooLarge: tooLarge,
      })
      return new HttpResponse(answer.body, { status: answer.status, headers: answer.headers })
    }),
  )
}

/** Reads a body as UTF-8 text, stopping once it passes `maxBytes`. */
async function readCapped(
  body: ReadableStream<Uint8Array> | null,
  maxBytes: number,
): Promise<{ text: string; tooLarge: boolean }> {
  if (body === null) return { text: '', tooLarge: false }
  const reader = body.getReader()
  const decoder = new TextDecoder()
  let text = ''
  let received = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) return { text: text + decoder.decode(), tooLarge: false }
    received += value.byteLength
    if (received > maxBytes) {
      // The answer is 413 whatever the rest holds. Not awaited: inside MSW's interceptor the
      // cancellation of a request body may never settle.
      reader.cancel().catch(() => undefined)
      return { text: '', tooLarge: true }
    }
    text += decoder.decode(value, { stream: true })
  }
}
