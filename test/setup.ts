import '@testing-library/jest-dom/vitest'
import { cleanup, configure } from '@testing-library/react'
import { afterEach, expect } from 'vitest'
import * as axeMatchers from 'vitest-axe/matchers'

// A login step waits on MSW and a locale chunk; on a busy CI machine that can pass one second.
configure({ asyncUtilTimeout: 3000 })

// `toHaveNoViolations` for axe results; its types are declared in test/vitest-axe.d.ts.
expect.extend(axeMatchers)

afterEach(() => {
  cleanup()
})
