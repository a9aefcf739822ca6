import { setupWorker } from 'msw/browser'
import { createIdmPasswordCheck } from '../../src/core/createIdmPasswordCheck.js'
import type { IdmTokenFetcherOptions } from '../../src/core/createIdmTokenFetcher.js'
import { RESULT_CODES } from '../../src/core/resultCodes.js'
import {
  createEmulatorChangePassword,
  createIdmEmulator,
  createIdmHandlers,
  DEMO_ACCOUNTS,
  DEMO_CLIENT_ID,
  DEMO_PASSWORD,
  type DemoAccount,
} from '../../src/testing/index.js'

/**
 * The IDM the stories talk to. Nothing listens at this address: MSW's service worker answers
 * every request to it in the browser with the emulator, so Storybook works offline.
 */
export const STORY_IDM_URL = 'https://idm.example.test'

/**
 * One extra account per result code, named after it: `STS_0004` with the demo password is
 * answered with STS_0004. Generated from RESULT_CODES, so a new code has an account at once.
 */
export const RESULT_CODE_ACCOUNTS: readonly DemoAccount[] = Object.keys(RESULT_CODES).map(
  (code) => ({
    username: code,
    password: DEMO_PASSWORD,
    behaviour: { kind: 'answer', resultCode: code },
    description: `${code}: the right password is answered with ${code}.`,
  }),
)

/** The emulator behind every story: the documented demo accounts and one account per code. */
export const storyEmulator = createIdmEmulator({
  users: [...DEMO_ACCOUNTS, ...RESULT_CODE_ACCOUNTS],
})

/** The default token fetcher's options, pointed at the emulated IDM. */
export const storyIdm: IdmTokenFetcherOptions = { baseUrl: STORY_IDM_URL, clientId: DEMO_CLIENT_ID }

/** The IDM's documented password policy check, answered by the emulator. */
export const storyCheckPassword = createIdmPasswordCheck({
  baseUrl: STORY_IDM_URL,
  clientId: DEMO_CLIENT_ID,
})

/** The emulator's own password change, for the expired-password step. */
export const storyChangePassword = createEmulatorChangePassword({ baseUrl: STORY_IDM_URL })

/**
 * Starts MSW in the browser with the emulator's handlers. They are the worker's initial
 * handlers, so they survive the reset that msw-storybook-addon does after each story.
 */
export async function startStoryWorker() {
  const worker = setupWorker(...createIdmHandlers(storyEmulator, { origin: STORY_IDM_URL }))
  // Storybook's own modules and assets go past the worker untouched.
  await worker.start({ quiet: true, onUnhandledRequest: 'bypass' })
  return worker
}
