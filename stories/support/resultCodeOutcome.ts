import type { LoginStep } from '../../src/core/loginMachine.js'
import { RESULT_CODES, type ResultCode, type ResultCodeEffect } from '../../src/core/resultCodes.js'

/**
 * The step each kind of result code leads to when the server answers it to the sign-in form.
 * Plain data without React, so that `.storybook/resultCodeStories.ts` can name the stories too.
 */
export const STEP_AFTER: Record<ResultCodeEffect['kind'], LoginStep> = {
  success: 'signedIn',
  credentials: 'credentials',
  twoFactor: 'twoFactor',
  pinRejected: 'twoFactor',
  smsFailed: 'twoFactor',
  twoFactorSetup: 'twoFactorSetup',
  passwordExpired: 'passwordExpired',
  stop: 'stopped',
  misconfigured: 'misconfigured',
  retryable: 'credentials',
}

/**
 * Whether the step shows the code's own message (`errors.<CODE>`). The other kinds are the step
 * itself: its title and description say what happens, so `errors.<CODE>` is not shown.
 */
export const SHOWS_CODE_MESSAGE: Record<ResultCodeEffect['kind'], boolean> = {
  success: false,
  credentials: true,
  twoFactor: false,
  pinRejected: true,
  smsFailed: true,
  twoFactorSetup: false,
  passwordExpired: false,
  stop: true,
  misconfigured: true,
  retryable: true,
}

/** Every documented code, in the catalog's order. */
export const ALL_RESULT_CODES = Object.keys(RESULT_CODES) as ResultCode[]

/** The step `code` leads to from the sign-in form. */
export function stepAfter(code: ResultCode): LoginStep {
  return STEP_AFTER[RESULT_CODES[code].kind]
}

/** The sidebar name of a code's story, such as `STS_0004 → stopped`. */
export function resultCodeStoryName(code: ResultCode): string {
  return `${code} → ${stepAfter(code)}`
}
