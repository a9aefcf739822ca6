import {
  type MisconfiguredCode,
  type ResultCode,
  RESULT_CODES,
  type ResultCodeEffect,
  type StopCode,
} from './resultCodes.js'
import type { AnswerOutcome, InvalidResponseReason, TokenOutcome } from './tokenOutcome.js'

/** The key of a message in the `idmLogin` i18next namespace that the machine can ask for. */
export type ErrorMessageKey =
  | `errors.${ResultCode}`
  | 'errors.unknownCode'
  | 'errors.invalidResponse'
  | 'errors.network'
  | 'errors.timeout'
  | 'errors.passwordChangeFailed'

/** Where an error is shown. */
export type ErrorTarget = 'username' | 'password' | 'pin' | 'newPassword' | 'form'

/** An error to show on the current step. */
export interface LoginError {
  messageKey: ErrorMessageKey
  target: ErrorTarget
  /** The result code, or the reason an answer could not be read: for developers and analytics. */
  code?: ResultCode | InvalidResponseReason | (string & {})
}

/** The request in flight, if any. */
export type PendingRequest = 'credentials' | 'pin' | 'resend' | 'passwordChange'

/** What every step where the user can submit something carries. */
interface InteractiveState {
  /** The username as typed on the first step; never the password. */
  username: string
  /** The request in flight, or `null`. While set, every submit is ignored. */
  pending: PendingRequest | null
  error: LoginError | null
  /** The server asked for a captcha with the next request. */
  captchaRequired: boolean
  /** Counts settled requests, so that the same error twice can be announced twice. */
  attempt: number
}

/** Where the user is. The password is never part of it. */
export type LoginState =
  | ({ step: 'credentials' } & InteractiveState)
  | ({ step: 'twoFactor'; notice: 'sent' | 'resent' | null } & InteractiveState)
  | ({ step: 'passwordExpired' } & InteractiveState)
  | { step: 'twoFactorSetup'; username: string }
  | { step: 'stopped'; code: StopCode; username: string }
  | { step: 'misconfigured'; code: MisconfiguredCode; username: string }
  | { step: 'signedIn'; username: string }

/** A step name. */
export type LoginStep = LoginState['step']

/** Something that happened. */
export type LoginEvent =
  | { type: 'CREDENTIALS.SUBMIT'; username: string }
  | { type: 'PIN.SUBMIT' }
  | { type: 'PIN.RESEND' }
  | { type: 'PASSWORD.SUBMIT' }
  /** The pluggable `changePassword` refused the new password. */
  | { type: 'PASSWORD.REJECTED' }
  | { type: 'SERVER.RESULT'; outcome: AnswerOutcome }
  | { type: 'NETWORK.FAILURE'; outcome: Exclude<TokenOutcome, AnswerOutcome> }
  | { type: 'FLOW.RESTART' }

type Interactive = Extract<LoginState, InteractiveState>

/** The state a flow starts in. */
export function initialLoginState(username = ''): LoginState {
  return {
    step: 'credentials',
    username,
    pending: null,
    error: null,
    captchaRequired: false,
    attempt: 0,
  }
}

/** Wraps a fetcher's outcome in the event that reports it. */
export function outcomeEvent(outcome: TokenOutcome): LoginEvent {
  return 'status' in outcome
    ? { type: 'SERVER.RESULT', outcome }
    : { type: 'NETWORK.FAILURE', outcome }
}

/** Whether the user can submit something on this step right now. */
export function canSubmit(state: LoginState): state is Interactive {
  return isInteractive(state) && state.pending === null
}

/**
 * The login machine: a pure function from a state and an event to the next state. Events that
 * make no sense in a state (a second submit while one is in flight, a late answer after a
 * restart) return the state unchanged, so callers may send them freely.
 */
export function transition(state: LoginState, event: LoginEvent): LoginState {
  switch (event.type) {
    case 'FLOW.RESTART':
      return initialLoginState(state.username)
    case 'CREDENTIALS.SUBMIT':
      if (state.step !== 'credentials' || !canSubmit(state)) return state
      return { ...state, username: event.username, pending: 'credentials', error: null }
    case 'PIN.SUBMIT':
    case 'PIN.RESEND':
      if (state.step !== 'twoFactor' || !canSubmit(state)) return state
      return { ...state, pending: event.type === 'PIN.SUBMIT' ? 'pin' : 'resend', error: null }
    case 'PASSWORD.SUBMIT':
      if (state.step !== 'passwordExpired' || !canSubmit(state)) return state
      return { ...state, pending: 'passwordChange', error: null }
    case 'PASSWORD.REJECTED':
      if (state.step !== 'passwordExpired' || state.pending !== 'passwordChange') return state
      return settle(state, {
        error: { messageKey: 'errors.passwordChangeFailed', target: 'newPassword' },
      })
    case 'SERVER.RESULT':
      return isAwaiting(state) ? answer(state, event.outcome) : state
    case 'NETWORK.FAILURE':
      return isAwaiting(state) ? noAnswer(state, event.outcome) : state
  }
}

function isInteractive(state: LoginState): state is Interactive {
  return 'pending' in state
}

function isAwaiting(state: LoginState): state is Interactive {
  return isInteractive(state) && state.pending !== null
}

/** The same step, request settled, with the given changes. */
function settle(state: Interactive, changes: Partial<InteractiveState>): Interactive {
  return { ...state, pending: null, attempt: state.attempt + 1, ...changes }
}

function noAnswer(state: Interactive, outcome: Exclude<TokenOutcome, AnswerOutcome>): LoginState {
  switch (outcome.type) {
    case 'aborted':
      return settle(state, {})
    case 'timeout':
      return settle(state, { error: { messageKey: 'errors.timeout', target: 'form' } })
    case 'networkError':
      return settle(state, { error: { messageKey: 'errors.network', target: 'form' } })
  }
}

function answer(state: Interactive, outcome: AnswerOutcome): LoginState {
  const captchaRequired = outcome.captchaRequired
  switch (outcome.type) {
    case 'success':
      return { step: 'signedIn', username: state.username }
    case 'result':
      return onCode(state, outcome.code, RESULT_CODES[outcome.code], captchaRequired)
    case 'unknownCode':
      return settle(state, {
        captchaRequired,
        error: { messageKey: 'errors.unknownCode', target: 'form', code: outcome.code },
      })
    case 'invalidResponse':
      return settle(state, {
        captchaRequired,
        error: { messageKey: 'errors.invalidResponse', target: 'form', code: outcome.reason },
      })
  }
}

function onCode(
  state: Interactive,
  code: Exclude<ResultCode, 'STS_0000'>,
  effect: ResultCodeEffect,
  captchaRequired: boolean,
): LoginState {
  const { username } = state
  const settled = { username, pending: null, captchaRequired, attempt: state.attempt + 1 }
  const error = (target: ErrorTarget): LoginError => ({
    messageKey: `errors.${code}`,
    target,
    code,
  })

  switch (effect.kind) {
    case 'success':
      // Only a body with a token reaches 'success'; a bare STS_0000 is an invalid response.
      return settle(state, {
        error: { messageKey: 'errors.invalidResponse', target: 'form', code },
      })
    case 'credentials':
      return { step: 'credentials', ...settled, error: error(effect.field) }
    case 'twoFactor':
      return {
        step: 'twoFactor',
        ...settled,
        error: null,
        notice: state.pending === 'resend' ? 'resent' : 'sent',
      }
    case 'pinRejected':
      return { step: 'twoFactor', ...settled, error: error('pin'), notice: null }
    case 'smsFailed':
      return { step: 'twoFactor', ...settled, error: error('form'), notice: null }
    case 'passwordExpired':
      // Already on this step means the new password did not take: say so instead of moving.
      return {
        step: 'passwordExpired',
        ...settled,
        error: state.step === 'passwordExpired' ? error('form') : null,
      }
    case 'twoFactorSetup':
      return { step: 'twoFactorSetup', username }
    case 'stop':
      return { step: 'stopped', code: code as StopCode, username }
    case 'misconfigured':
      return { step: 'misconfigured', code: code as MisconfiguredCode, username }
    case 'retryable':
      return settle(state, { captchaRequired, error: error('form') })
  }
}
