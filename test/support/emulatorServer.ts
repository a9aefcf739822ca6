import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll } from 'vitest'
import {
  createIdmEmulator,
  createIdmHandlers,
  type IdmEmulatorOptions,
} from '../../src/testing/index.js'

export const IDM_ORIGIN = 'http://idm.test'

/**
 * Starts MSW with the emulator for the calling test file and resets it after each test. Call it
 * at the top of a test file: it registers `beforeAll`, `afterEach` and `afterAll` hooks.
 */
export function startEmulatorServer(options: IdmEmulatorOptions = {}) {
  const emulator = createIdmEmulator(options)
  const server = setupServer(...createIdmHandlers(emulator, { origin: IDM_ORIGIN }))
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
  afterEach(() => {
    server.resetHandlers()
    emulator.reset()
  })
  afterAll(() => server.close())
  return { emulator, server }
}

/**
 * The former name of {@link startEmulatorServer}. Not a React hook: linters that see the `use`
 * prefix at a module's top level report it, so new tests use `startEmulatorServer`.
 */
export const useEmulatorServer = startEmulatorServer
