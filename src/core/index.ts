export {
  type CredentialField,
  effectOf,
  isResultCode,
  type MisconfiguredCode,
  RESULT_CODES,
  type ResultCode,
  type ResultCodeEffect,
  type StopCode,
} from './resultCodes.js'
export type {
  AnswerOutcome,
  InvalidResponseReason,
  TokenFetcher,
  TokenOutcome,
  TokenRequest,
  TokenResponse,
} from './tokenOutcome.js'
export { parseTokenAnswer } from './parseTokenAnswer.js'
export {
  createIdmTokenFetcher,
  DEFAULT_TOKEN_PATH,
  type IdmTokenFetcherOptions,
} from './createIdmTokenFetcher.js'
export {
  canSubmit,
  type ErrorMessageKey,
  type ErrorTarget,
  initialLoginState,
  type LoginError,
  type LoginEvent,
  type LoginState,
  type LoginStep,
  outcomeEvent,
  type PendingRequest,
  transition,
} from './loginMachine.js'
