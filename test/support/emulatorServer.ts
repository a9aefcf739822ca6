import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll } from 'vitest'
import { createIdmEmulator, createIdmHandlers } from '../../src/testing/index.js'

export const IDM_ORIGIN = 'http://idm.test'

/** Starts MSW with the emulator for the calling test file and resets it after each test. */
export function useEmulatorServer() {
  const emulator = createIdmEmulator()
  const server = setupServer(...createIdmHandlers(emulator, { origin: IDM_ORIGIN }))
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
  afterEach(() => {
    server.resetHandlers()
    emulator.reset()
  })
  afterAll(() => server.close())
  return { emulator, server }
}
