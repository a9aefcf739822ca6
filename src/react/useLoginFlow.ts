import { QueryClient, QueryClientContext, useMutation } from '@tanstack/react-query'
import { useCallback, useContext, useEffect, useMemo, useRef, useState } from 'react'
import {
  createIdmTokenFetcher,
  type IdmTokenFetcherOptions,
} from '../core/createIdmTokenFetcher.js'
import {
  canSubmit,
  initialLoginState,
  type LoginError,
  type LoginEvent,
  type LoginState,
  type LoginStep,
  outcomeEvent,
  type PendingRequest,
  transition,
} from '../core/loginMachine.js'
import { isResultCode, type MisconfiguredCode } from '../core/resultCodes.js'
import type { TokenFetcher, TokenOutcome, TokenResponse } from '../core/tokenOutcome.js'
import { warnOnce } from '../core/warn.js'
import { createSecretVault } from './createSecretVault.js'

/** What a {@link ChangePassword} function receives. */
export interface ChangePasswordDetails {
  username: string
  /** The expired password the user signed in with. */
  oldPassword: string
  newPassword: string
  signal: AbortSignal
}

/**
 * Changes an expired password on the server. Resolve `{ ok: true }` when the new password is
 * set; `{ ok: false }` (or a rejection) keeps the user on the step with a message.
 */
export type ChangePassword = (details: ChangePasswordDetails) => Promise<{ ok: boolean }>

/** What `onError` receives: enough for analytics, never a credential. */
export interface LoginErrorDetails {
  /** The step the user is on after the error. */
  step: LoginStep
  /** The result code, or why an answer could not be read, when there is one. */
  code?: string
  /** The message key shown to the user (in the `idmLogin` namespace). */
  messageKey: string
}

/** Options of {@link useLoginFlow}. */
export interface UseLoginFlowOptions {
  /**
   * Sends the token requests. Defaults to {@link createIdmTokenFetcher} with `idm`.
   * Pass your own to call a backend of yours instead.
   */
  fetchToken?: TokenFetcher
  /** Options of the default fetcher, used when `fetchToken` is not given. */
  idm?: IdmTokenFetcherOptions
  /** Changes an expired password (STS_0009). Without it, the expired-password step can't submit. */
  changePassword?: ChangePassword
  /** Called once with the token when the user is signed in. The library keeps no copy. */
  onSuccess?: (token: TokenResponse, details: { username: string }) => void
  /** Called whenever the step changes. */
  onStepChange?: (details: { step: LoginStep; previousStep: LoginStep }) => void
  /** Called for each error and stop, for analytics. Carries no username or password. */
  onError?: (details: LoginErrorDetails) => void
  /** The username to start with. */
  defaultUsername?: string
  /**
   * The body field that carries the captcha answer when the server asks for one.
   * @default 'captcha'
   */
  captchaField?: string
}

/** What {@link useLoginFlow} returns. */
export interface UseLoginFlowResult {
  /** The machine's state: the step, the request in flight, the error. */
  state: LoginState
  step: LoginStep
  /** The error to show on the current step, if any. */
  error: LoginError | null
  /** A request is in flight; submits do nothing until it settles. */
  isSubmitting: boolean
  /** The request in flight is a PIN resend. */
  isResending: boolean
  isSignedIn: boolean
  /** The server asked for a captcha; the next request needs `captcha`. */
  isCaptchaRequired: boolean
  /** Whether an expired password can be changed (a `changePassword` was given). */
  canChangePassword: boolean
  /** Sends the username and password. Returns whether a request was started. */
  submitCredentials(values: { username: string; password: string; captcha?: string }): boolean
  /** Sends the PIN, with the username and password of the first step. */
  submitPin(values: { pin: string; captcha?: string }): boolean
  /** Asks the server to send a new PIN (by sending the credentials again). */
  resendPin(values?: { captcha?: string }): boolean
  /** Changes the expired password, then signs in with the new one. */
  changePassword(values: { newPassword: string }): boolean
  /** Back to the first step; forgets the password and ignores any answer still on its way. */
  restart(): void
}

interface Job {
  kind: PendingRequest
  username: string
  /** The request's generation: a restart or unmount before the job runs makes it stale. */
  id: number
}

/** Whether a custom fetcher's value is an outcome the machine can take (plain JS may send any). */
function isTokenOutcome(value: unknown): value is TokenOutcome {
  const outcome = value as Record<string, unknown> | null | undefined
  const hasStatus = typeof outcome?.status === 'number'
  switch (outcome?.type) {
    case 'networkError':
    case 'timeout':
    case 'aborted':
      return true
    case 'success':
      return hasStatus && typeof (outcome.token as TokenResponse)?.accessToken === 'string'
    case 'result':
      return hasStatus && isResultCode(String(outcome.code)) && outcome.code !== 'STS_0000'
    case 'unknownCode':
    case 'invalidResponse':
      return hasStatus
  }
  return false
}

/** What an integrator should change for each configuration code; only development builds keep it. */
const MISCONFIGURATION_FIXES: Record<MisconfiguredCode, string> = {
  STS_0019: 'pass a clientId',
  GLB_0001: 'the server does not know this clientId',
  GLB_0002: 'the request is malformed; check tokenPath and extraFields',
  GLB_0003: 'the server refuses grant_type=password',
  GLB_0004: 'this client may not use the password grant',
}

const KEPT_PASSWORD_STEPS: ReadonlySet<LoginStep> = new Set(['twoFactor', 'passwordExpired'])

function ownQueryClient() {
  return new QueryClient({ defaultOptions: { mutations: { retry: false, gcTime: 0 } } })
}

function errorDetails(state: LoginState): LoginErrorDetails | undefined {
  if (state.step === 'stopped' || state.step === 'misconfigured') {
    return { step: state.step, code: state.code, messageKey: `errors.${state.code}` }
  }
  if ('error' in state && state.error) {
    const { code, messageKey } = state.error
    return { step: state.step, messageKey, ...(code === undefined ? {} : { code }) }
  }
  return undefined
}

function warnDeveloper(outcome: TokenOutcome, next: LoginState) {
  if (next.step === 'misconfigured') {
    if (process.env.NODE_ENV !== 'production') {
      warnOnce(
        `code-${next.code}`,
        `the IDM answered ${next.code}: ${MISCONFIGURATION_FIXES[next.code]}.`,
      )
    }
  } else if (outcome.type === 'unknownCode' && process.env.NODE_ENV !== 'production') {
    warnOnce(
      `code-${outcome.code}`,
      `the IDM answered ${outcome.code}, a code this version does not know; it is shown as a retryable error.`,
    )
  }
}

/**
 * Runs the login flow: the machine, the requests (TanStack Query mutations, never retried) and
 * the credentials that the second step needs. Build any UI on it, or use `<LoginFlow>`.
 *
 * @example
 * function MyLogin() {
 *   const flow = useLoginFlow({ idm: { clientId: 'web' }, onSuccess: (token) => save(token) })
 *   if (flow.step !== 'credentials') return <p>{flow.step}</p>
 *   return (
 *     <form method="post" onSubmit={(e) => {
 *       e.preventDefault()
 *       const data = new FormData(e.currentTarget)
 *       flow.submitCredentials({ username: String(data.get('u')), password: String(data.get('p')) })
 *     }}>…</form>
 *   )
 * }
 */
export function useLoginFlow(options: UseLoginFlowOptions = {}): UseLoginFlowResult {
  const optionsRef = useRef(options)
  // Callbacks read the newest options when a request settles, without re-creating the actions.
  useEffect(() => {
    optionsRef.current = options
  })

  const hostClient = useContext(QueryClientContext)
  const [fallbackClient] = useState(() => (hostClient ? undefined : ownQueryClient()))
  const [vault] = useState(createSecretVault)
  const [defaultFetcher] = useState(() =>
    options.fetchToken ? undefined : createIdmTokenFetcher(options.idm),
  )

  const [state, setState] = useState(() => initialLoginState(options.defaultUsername))
  const stateRef = useRef(state)
  const controllerRef = useRef<AbortController | null>(null)
  const requestIdRef = useRef(0)
  const captchaRef = useRef<string | undefined>(undefined)

  const send = useCallback(
    (event: LoginEvent) => {
      const previous = stateRef.current
      const next = transition(previous, event)
      if (next === previous) return next
      stateRef.current = next
      // The password is only needed by the request in flight or a step that sends it again.
      const isPending = 'pending' in next && next.pending !== null
      if (!isPending && !KEPT_PASSWORD_STEPS.has(next.step)) vault.clear()
      setState(next)
      if (next.step !== previous.step) {
        optionsRef.current.onStepChange?.({ step: next.step, previousStep: previous.step })
      }
      return next
    },
    [vault],
  )

  const settle = useCallback(
    (outcome: TokenOutcome) => {
      const previous = stateRef.current
      const next = send(outcomeEvent(outcome))
      // The machine ignored the answer (it came late): it must not sign anyone in or report.
      if (next === previous) return
      if (outcome.type === 'success') {
        optionsRef.current.onSuccess?.(outcome.token, { username: next.username })
        return
      }
      warnDeveloper(outcome, next)
      const details = errorDetails(next)
      if (details) optionsRef.current.onError?.(details)
    },
    [send],
  )

  const run = useCallback(
    async ({ kind, username, id }: Job): Promise<{ type: string }> => {
      const isCurrent = () => id === requestIdRef.current
      // TanStack Query starts the job a few ticks after mutate(): a restart or an unmount in
      // between must stop it before anything is sent.
      if (!isCurrent()) return { type: 'aborted' }
      controllerRef.current?.abort()
      const controller = new AbortController()
      controllerRef.current = controller
      const { fetchToken = defaultFetcher, captchaField = 'captcha' } = optionsRef.current
      const captcha = captchaRef.current
      captchaRef.current = undefined

      const pin = kind === 'pin' ? vault.readPin() : undefined
      vault.setPin(undefined)
      let outcome: TokenOutcome
      try {
        outcome = await (fetchToken as TokenFetcher)(
          {
            username,
            password: vault.readPassword() ?? '',
            ...(pin === undefined ? {} : { pin }),
            ...(captcha === undefined ? {} : { fields: { [captchaField]: captcha } }),
          },
          controller.signal,
        )
      } catch {
        // A custom fetcher may throw; to the user that is a request that got no answer.
        outcome = controller.signal.aborted ? { type: 'aborted' } : { type: 'networkError' }
      }
      if (!isTokenOutcome(outcome)) {
        if (process.env.NODE_ENV !== 'production') {
          warnOnce('outcome', 'fetchToken resolved to something that is not a TokenOutcome.')
        }
        outcome = { type: 'networkError' }
      }
      if (isCurrent()) settle(outcome)
      // Only the outcome's kind stays in the mutation cache: no token, no credential.
      return { type: outcome.type }
    },
    [defaultFetcher, settle, vault],
  )

  const mutation = useMutation(
    // 'always': offline, TanStack Query would hold the login back and send it on reconnecting,
    // long after the user gave up on it; the request should fail now, with a message.
    { mutationFn: run, retry: false, gcTime: 0, networkMode: 'always' },
    hostClient ?? fallbackClient,
  )
  const { mutate } = mutation

  const start = useCallback(
    (event: LoginEvent, job: Omit<Job, 'id'>, captcha: string | undefined) => {
      const current = stateRef.current
      if (!canSubmit(current)) return false
      if (current.captchaRequired && !captcha) {
        if (process.env.NODE_ENV !== 'production') {
          warnOnce(
            'captcha',
            'the server asked for a captcha; pass `captcha` with the next submit.',
          )
        }
        return false
      }
      if (send(event) === current) return false
      captchaRef.current = captcha
      mutate({ ...job, id: ++requestIdRef.current })
      return true
    },
    [mutate, send],
  )

  const submitCredentials = useCallback<UseLoginFlowResult['submitCredentials']>(
    ({ username, password, captcha }) => {
      if (stateRef.current.step !== 'credentials' || !canSubmit(stateRef.current)) return false
      vault.setPassword(password)
      const job: Omit<Job, 'id'> = { kind: 'credentials', username }
      const started = start({ type: 'CREDENTIALS.SUBMIT', username }, job, captcha)
      if (!started) vault.clear()
      return started
    },
    [start, vault],
  )

  const submitPin = useCallback<UseLoginFlowResult['submitPin']>(
    ({ pin, captcha }) => {
      if (stateRef.current.step !== 'twoFactor' || !canSubmit(stateRef.current)) return false
      vault.setPin(pin)
      const job: Omit<Job, 'id'> = { kind: 'pin', username: stateRef.current.username }
      const started = start({ type: 'PIN.SUBMIT' }, job, captcha)
      if (!started) vault.setPin(undefined)
      return started
    },
    [start, vault],
  )

  const resendPin = useCallback<UseLoginFlowResult['resendPin']>(
    (values = {}) => {
      const job: Omit<Job, 'id'> = { kind: 'resend', username: stateRef.current.username }
      return start({ type: 'PIN.RESEND' }, job, values.captcha)
    },
    [start],
  )

  const changePassword = useCallback<UseLoginFlowResult['changePassword']>(
    ({ newPassword }) => {
      const current = stateRef.current
      const change = optionsRef.current.changePassword
      if (current.step !== 'passwordExpired' || !canSubmit(current)) return false
      if (!change) {
        if (process.env.NODE_ENV !== 'production') {
          warnOnce('change-password', 'the password has expired but no `changePassword` was given.')
        }
        return false
      }
      send({ type: 'PASSWORD.SUBMIT' })
      const controller = new AbortController()
      controllerRef.current = controller
      const id = ++requestIdRef.current
      const details = {
        username: current.username,
        oldPassword: vault.readPassword() ?? '',
        newPassword,
        signal: controller.signal,
      }
      // A plain-JS changePassword may throw, or resolve to nothing: either way it did not change
      // the password, and the step must not stay busy.
      Promise.resolve()
        .then(() => change(details))
        .then(
          (result) => result?.ok === true,
          () => false,
        )
        .then((ok) => {
          if (id !== requestIdRef.current) return
          if (!ok) {
            send({ type: 'PASSWORD.REJECTED' })
            optionsRef.current.onError?.({
              step: 'passwordExpired',
              messageKey: 'errors.passwordChangeFailed',
            })
            return
          }
          // The new password signs in at once; the server may still ask for a PIN after it.
          vault.setPassword(newPassword)
          mutate({ kind: 'passwordChange', username: current.username, id })
        })
      return true
    },
    [mutate, send, vault],
  )

  /** Stops the request in flight, makes any answer to it stale, and forgets the password. */
  const abandon = useCallback(() => {
    requestIdRef.current++
    controllerRef.current?.abort()
    vault.clear()
  }, [vault])

  const restart = useCallback(() => {
    abandon()
    send({ type: 'FLOW.RESTART' })
  }, [abandon, send])

  // Leaving the page mid-request: stop it, forget its answer and the password.
  useEffect(() => abandon, [abandon])

  return useMemo(() => {
    const pending = 'pending' in state ? state.pending : null
    return {
      state,
      step: state.step,
      error: 'error' in state ? state.error : null,
      isSubmitting: pending !== null,
      isResending: pending === 'resend',
      isSignedIn: state.step === 'signedIn',
      isCaptchaRequired: 'captchaRequired' in state && state.captchaRequired,
      canChangePassword: options.changePassword !== undefined,
      submitCredentials,
      submitPin,
      resendPin,
      changePassword,
      restart,
    }
  }, [
    state,
    options.changePassword,
    submitCredentials,
    submitPin,
    resendPin,
    changePassword,
    restart,
  ])
}
