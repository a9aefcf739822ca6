// vitest-axe 0.1.0 declares its matcher on the old `Vi` namespace; Vitest 4 reads `vitest`'s.
// The type parameter must repeat Vitest's own declaration exactly, `any` and all.
/* eslint-disable @typescript-eslint/no-explicit-any, @typescript-eslint/no-unused-vars */
import 'vitest'

declare module 'vitest' {
  // biome-ignore lint/suspicious/noExplicitAny: must match Vitest's own declaration.
  interface Assertion<T = any> {
    /** Passes when an axe-core result has no violations. */
    toHaveNoViolations(): void
  }
  interface AsymmetricMatchersContaining {
    toHaveNoViolations(): unknown
  }
}
