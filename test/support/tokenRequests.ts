import { HttpResponse, http } from 'msw'
import type { SetupServer } from 'msw/node'
import { DEFAULT_TOKEN_PATH } from '../../src/core/index.js'
import { IDM_ORIGIN } from './emulatorServer.js'

export const TOKEN_URL = `${IDM_ORIGIN}${DEFAULT_TOKEN_PATH}`

/**
 * Records every token request's body, then lets the emulator answer it. With `hold`, each
 * request waits until `release()` is called, so a test can act while one is in flight.
 * Handlers added with `server.use` are dropped after each test by `useEmulatorServer`.
 */
export function recordTokenRequests(server: SetupServer, options: { hold?: boolean } = {}) {
  const bodies: URLSearchParams[] = []
  let release: () => void = () => undefined
  const gate = new Promise<void>((resolve) => {
    release = resolve
  })
  server.use(
    http.post(TOKEN_URL, async ({ request }) => {
      bodies.push(new URLSearchParams(await request.clone().text()))
      if (options.hold) await gate
      // No response: MSW goes on to the emulator's handler.
      return undefined
    }),
  )
  return { bodies, release: () => release() }
}

/** Answers the next token requests with an IDM error in the server's exact JSON shape. */
export function answerWithCode(
  server: SetupServer,
  resultCode: string,
  options: { status?: number; captcha?: boolean } = {},
) {
  server.use(
    http.post(TOKEN_URL, () =>
      HttpResponse.json(
        {
          error: `Server sentence for ${resultCode}.`,
          request_captcha: options.captcha ?? false,
          result_code: resultCode,
        },
        { status: options.status ?? 400 },
      ),
    ),
  )
}
