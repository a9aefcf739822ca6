import { describe, expect, it } from 'vitest'
import {
  type AnswerOutcome,
  canSubmit,
  type ErrorTarget,
  type InvalidResponseReason,
  initialLoginState,
  type LoginError,
  type LoginEvent,
  type LoginState,
  type LoginStep,
  type MisconfiguredCode,
  outcomeEvent,
  type PendingRequest,
  RESULT_CODES,
  type ResultCode,
  type StopCode,
  type TokenOutcome,
  transition,
} from '../../src/core/index.js'
import en from '../../locales/en/idmLogin.json'

const USERNAME = 'ayşe.yılmaz@örnek.com.tr'
const ALL_CODES = Object.keys(RESULT_CODES) as ResultCode[]
const STEPS: readonly LoginStep[] = [
  'credentials',
  'twoFactor',
  'passwordExpired',
  'twoFactorSetup',
  'stopped',
  'misconfigured',
  'signedIn',
]

type Interactive = Extract<LoginState, { pending: PendingRequest | null }>
type NoAnswer = Exclude<TokenOutcome, AnswerOutcome>

function answerFor(code: ResultCode, captchaRequired = false): AnswerOutcome {
  if (code === 'STS_0000') {
    const token = { accessToken: 'at-1', raw: { access_token: 'at-1' } }
    return { type: 'success', code, status: 200, captchaRequired, token }
  }
  return { type: 'result', code, status: 400, captchaRequired, serverMessage: `said ${code}` }
}

const submit = (username = USERNAME): LoginEvent => ({ type: 'CREDENTIALS.SUBMIT', username })
const pinSubmit: LoginEvent = { type: 'PIN.SUBMIT' }
const pinResend: LoginEvent = { type: 'PIN.RESEND' }
const passwordSubmit: LoginEvent = { type: 'PASSWORD.SUBMIT' }
const passwordRejected: LoginEvent = { type: 'PASSWORD.REJECTED' }
const restart: LoginEvent = { type: 'FLOW.RESTART' }
const result = (code: ResultCode, captchaRequired = false): LoginEvent => ({
  type: 'SERVER.RESULT',
  outcome: answerFor(code, captchaRequired),
})
const unknown = (code: string, captchaRequired = false): LoginEvent => ({
  type: 'SERVER.RESULT',
  outcome: { type: 'unknownCode', code, status: 400, captchaRequired },
})
const invalid = (reason: InvalidResponseReason, captchaRequired = false): LoginEvent => ({
  type: 'SERVER.RESULT',
  outcome: { type: 'invalidResponse', reason, status: 502, captchaRequired },
})
const failure = (type: NoAnswer['type']): LoginEvent => ({
  type: 'NETWORK.FAILURE',
  outcome: { type },
})

function run(state: LoginState, ...events: LoginEvent[]): LoginState {
  return events.reduce(transition, state)
}

function interactive(state: LoginState): Interactive {
  if (!('pending' in state)) throw new Error(`expected an interactive step, got ${state.step}`)
  return state
}

const ORIGINS = [
  { step: 'credentials', pending: 'credentials' },
  { step: 'twoFactor', pending: 'pin' },
  { step: 'twoFactor', pending: 'resend' },
  { step: 'passwordExpired', pending: 'passwordChange' },
] as const

type Origin = (typeof ORIGINS)[number]

/** Walks the flow to `origin` with a request in flight; every answer on the way has `captcha`. */
function reach(origin: Origin, captcha = false): Interactive {
  const retry = run(initialLoginState(), submit(), result('STS_0002', captcha), submit())
  switch (origin.pending) {
    case 'credentials':
      return interactive(retry)
    case 'pin':
      return interactive(run(retry, result('STS_0011', captcha), pinSubmit))
    case 'resend':
      return interactive(run(retry, result('STS_0011', captcha), pinResend))
    case 'passwordChange':
      return interactive(run(retry, result('STS_0009', captcha), passwordSubmit))
  }
}

/** The same interactive step with nothing in flight. */
function settledOn(step: Interactive['step'], captcha = false): Interactive {
  const origin = ORIGINS.find((o) => o.step === step) ?? ORIGINS[0]
  return interactive(transition(reach(origin, captcha), failure('aborted')))
}

function settledFields(from: Interactive, captchaRequired: boolean) {
  return { username: from.username, pending: null, captchaRequired, attempt: from.attempt + 1 }
}

function codeError(code: ResultCode, target: ErrorTarget): LoginError {
  return { messageKey: `errors.${code}`, target, code }
}

type Expectation = (from: Interactive, captchaRequired: boolean) => LoginState

const toCredentials =
  (code: ResultCode, target: ErrorTarget): Expectation =>
  (from, captcha) => ({
    step: 'credentials',
    ...settledFields(from, captcha),
    error: codeError(code, target),
  })

const toStopped =
  (code: StopCode): Expectation =>
  (from) => ({ step: 'stopped', code, username: from.username })

const toMisconfigured =
  (code: MisconfiguredCode): Expectation =>
  (from) => ({ step: 'misconfigured', code, username: from.username })

const staysWithFormError =
  (code: ResultCode): Expectation =>
  (from, captcha) => ({ ...from, ...settledFields(from, captcha), error: codeError(code, 'form') })

/**
 * What each documented code does from a step with a request in flight. Written out by hand, not
 * read from the catalog, so that a change to the catalog has to be made here too.
 */
const EXPECTED: Record<ResultCode, Expectation> = {
  STS_0000: (from) => ({ step: 'signedIn', username: from.username }),
  STS_0001: toCredentials('STS_0001', 'username'),
  STS_0002: toCredentials('STS_0002', 'password'),
  STS_0003: toStopped('STS_0003'),
  STS_0004: toStopped('STS_0004'),
  STS_0005: toCredentials('STS_0005', 'username'),
  STS_0006: toCredentials('STS_0006', 'password'),
  STS_0007: toCredentials('STS_0007', 'form'),
  STS_0008: toStopped('STS_0008'),
  STS_0009: (from, captcha) => ({
    step: 'passwordExpired',
    ...settledFields(from, captcha),
    error: from.step === 'passwordExpired' ? codeError('STS_0009', 'form') : null,
  }),
  STS_0010: toStopped('STS_0010'),
  STS_0011: (from, captcha) => ({
    step: 'twoFactor',
    ...settledFields(from, captcha),
    error: null,
    notice: from.pending === 'resend' ? 'resent' : 'sent',
  }),
  STS_0012: (from) => ({ step: 'twoFactorSetup', username: from.username }),
  STS_0013: (from, captcha) => ({
    step: 'twoFactor',
    ...settledFields(from, captcha),
    error: codeError('STS_0013', 'pin'),
    notice: null,
  }),
  STS_0014: (from, captcha) => ({
    step: 'twoFactor',
    ...settledFields(from, captcha),
    error: codeError('STS_0014', 'form'),
    notice: null,
  }),
  STS_0015: toStopped('STS_0015'),
  STS_0016: toStopped('STS_0016'),
  STS_0017: toStopped('STS_0017'),
  STS_0018: toStopped('STS_0018'),
  STS_0019: toMisconfigured('STS_0019'),
  STS_9999: staysWithFormError('STS_9999'),
  GLB_0001: toMisconfigured('GLB_0001'),
  GLB_0002: toMisconfigured('GLB_0002'),
  GLB_0003: toMisconfigured('GLB_0003'),
  GLB_0004: toMisconfigured('GLB_0004'),
  GLB_9999: staysWithFormError('GLB_9999'),
}

function messageAt(path: string): unknown {
  return path.split('.').reduce<unknown>((node, key) => {
    if (node === null || typeof node !== 'object' || !Object.hasOwn(node, key)) return undefined
    return (node as Record<string, unknown>)[key]
  }, en as unknown)
}

function keysOf(value: unknown): string[] {
  if (value === null || typeof value !== 'object') return []
  return Object.entries(value).flatMap(([key, child]) => [key, ...keysOf(child)])
}

describe('given the expectation table of this file', () => {
  it('covers exactly the codes of the catalog', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual([...ALL_CODES].sort())
    expect(ALL_CODES).toHaveLength(26)
  })

  it.each(ORIGINS)('reaches a $pending request on the $step step', (origin) => {
    expect(reach(origin)).toMatchObject({ step: origin.step, pending: origin.pending })
    expect(reach(origin, true).captchaRequired).toBe(true)
  })
})

describe.each(ORIGINS)('given a $pending request in flight on the $step step', (origin) => {
  describe.each([true, false])('when the answer has request_captcha %s', (captcha) => {
    it.each(ALL_CODES)('goes where the table says on %s', (code) => {
      const from = reach(origin, !captcha)
      const next = transition(from, result(code, captcha))
      expect(next).toStrictEqual(EXPECTED[code](from, captcha))
    })
  })

  it.each([
    ['STS_0042', false],
    ['GLB_0777', true],
  ])('stays on the step with errors.unknownCode for %s and keeps the code', (code, captcha) => {
    const from = reach(origin, !captcha)
    expect(transition(from, unknown(code, captcha))).toStrictEqual({
      ...from,
      pending: null,
      attempt: from.attempt + 1,
      captchaRequired: captcha,
      error: { messageKey: 'errors.unknownCode', target: 'form', code },
    })
  })

  it.each<InvalidResponseReason>([
    'empty',
    'html',
    'notJson',
    'notObject',
    'noCode',
    'noToken',
    'tooLarge',
  ])('stays on the step with errors.invalidResponse for reason %s', (reason) => {
    const from = reach(origin)
    expect(transition(from, invalid(reason, true))).toStrictEqual({
      ...from,
      pending: null,
      attempt: from.attempt + 1,
      captchaRequired: true,
      error: { messageKey: 'errors.invalidResponse', target: 'form', code: reason },
    })
  })

  it.each([
    ['networkError', { messageKey: 'errors.network', target: 'form' }],
    ['timeout', { messageKey: 'errors.timeout', target: 'form' }],
    ['aborted', null],
  ] as const)('settles on the same step after %s', (type, error) => {
    const from = reach(origin, true)
    expect(transition(from, failure(type))).toStrictEqual({
      ...from,
      pending: null,
      attempt: from.attempt + 1,
      error,
    })
  })

  it.each([
    ['CREDENTIALS.SUBMIT', submit('someone.else')],
    ['PIN.SUBMIT', pinSubmit],
    ['PIN.RESEND', pinResend],
    ['PASSWORD.SUBMIT', passwordSubmit],
  ])('ignores %s while the request is in flight', (_name, event) => {
    const from = reach(origin)
    expect(canSubmit(from)).toBe(false)
    expect(transition(from, event)).toBe(from)
  })

  it('ignores a late answer after FLOW.RESTART and keeps the username', () => {
    const restarted = transition(reach(origin), restart)
    expect(restarted).toStrictEqual(initialLoginState(USERNAME))
    expect(transition(restarted, result('STS_0000'))).toBe(restarted)
    expect(transition(restarted, result('STS_0004'))).toBe(restarted)
    expect(transition(restarted, failure('timeout'))).toBe(restarted)
  })

  it('ignores an answer once the request has settled', () => {
    const settled = transition(reach(origin), failure('networkError'))
    for (const late of [result('STS_0000'), result('STS_0013'), unknown('X'), invalid('empty')]) {
      expect(transition(settled, late)).toBe(settled)
    }
    expect(transition(settled, failure('timeout'))).toBe(settled)
  })
})

describe('given a few concrete answers', () => {
  it.each([
    ['credentials', 'STS_0001', 'credentials', 'errors.STS_0001', 'username', undefined],
    ['credentials', 'STS_0002', 'credentials', 'errors.STS_0002', 'password', undefined],
    ['credentials', 'STS_0007', 'credentials', 'errors.STS_0007', 'form', undefined],
    ['pin', 'STS_0002', 'credentials', 'errors.STS_0002', 'password', undefined],
    ['pin', 'STS_0013', 'twoFactor', 'errors.STS_0013', 'pin', null],
    ['resend', 'STS_0014', 'twoFactor', 'errors.STS_0014', 'form', null],
    ['pin', 'STS_9999', 'twoFactor', 'errors.STS_9999', 'form', 'sent'],
    ['passwordChange', 'STS_0009', 'passwordExpired', 'errors.STS_0009', 'form', undefined],
    ['passwordChange', 'GLB_9999', 'passwordExpired', 'errors.GLB_9999', 'form', undefined],
  ] as const)(
    'from a %s request, %s shows on %s as %s at %s, notice %s',
    (pending, code, step, key, target, notice) => {
      const origin = ORIGINS.find((o) => o.pending === pending) ?? ORIGINS[0]
      const next = interactive(transition(reach(origin), result(code)))
      expect(next.step).toBe(step)
      expect(next.error).toEqual({ messageKey: key, target, code })
      expect(next.pending).toBeNull()
      expect('notice' in next ? next.notice : undefined).toBe(notice)
    },
  )

  it.each([
    ['credentials', 'sent'],
    ['pin', 'sent'],
    ['resend', 'resent'],
    ['passwordChange', 'sent'],
  ] as const)('announces the SMS of STS_0011 after a %s request as %s', (pending, notice) => {
    const origin = ORIGINS.find((o) => o.pending === pending) ?? ORIGINS[0]
    const next = transition(reach(origin), result('STS_0011'))
    expect(next).toMatchObject({ step: 'twoFactor', notice, error: null, pending: null })
  })

  it('moves to the password-expired step without an error on the first STS_0009', () => {
    const next = run(initialLoginState(), submit(), result('STS_0009'))
    expect(next).toMatchObject({ step: 'passwordExpired', error: null })
  })

  it('counts every settled request, also the same error twice in a row', () => {
    const once = run(initialLoginState(), submit(), result('STS_0002'))
    const twice = run(once, submit(), result('STS_0002'))
    expect(interactive(once).attempt).toBe(1)
    expect(interactive(twice).attempt).toBe(2)
    expect(interactive(twice).error).toEqual(interactive(once).error)
  })

  it('takes captchaRequired from the latest answer, not from earlier ones', () => {
    const asked = run(initialLoginState(), submit(), result('STS_0002', true))
    expect(interactive(asked).captchaRequired).toBe(true)
    expect(interactive(run(asked, submit())).captchaRequired).toBe(true)
    const cleared = run(asked, submit(), result('STS_0002', false))
    expect(interactive(cleared).captchaRequired).toBe(false)
  })

  it('treats an STS_0000 code without a token as an answer it cannot read', () => {
    const bare = { type: 'result', code: 'STS_0000', status: 200, captchaRequired: false }
    const from = reach(ORIGINS[0])
    const event = { type: 'SERVER.RESULT', outcome: bare } as unknown as LoginEvent
    expect(transition(from, event)).toMatchObject({
      step: 'credentials',
      pending: null,
      error: { messageKey: 'errors.invalidResponse', target: 'form', code: 'STS_0000' },
    })
  })
})

describe('given a step with nothing in flight', () => {
  it('starts on credentials with an empty or given username', () => {
    expect(initialLoginState()).toStrictEqual({
      step: 'credentials',
      username: '',
      pending: null,
      error: null,
      captchaRequired: false,
      attempt: 0,
    })
    expect(initialLoginState('ada').username).toBe('ada')
  })

  it.each([
    ['credentials', submit('  ada  '), 'credentials'],
    ['twoFactor', pinSubmit, 'pin'],
    ['twoFactor', pinResend, 'resend'],
    ['passwordExpired', passwordSubmit, 'passwordChange'],
  ] as const)('on %s accepts %o and sets pending to %s', (step, event, pending) => {
    const from = settledOn(step)
    const withError = { ...from, error: { messageKey: 'errors.network', target: 'form' } }
    const next = transition(withError as LoginState, event)
    expect(next).toStrictEqual({ ...from, pending, error: null, username: next.username })
    expect(next.username).toBe(step === 'credentials' ? '  ada  ' : USERNAME)
  })

  it.each([
    ['credentials', [pinSubmit, pinResend, passwordSubmit, passwordRejected]],
    ['twoFactor', [submit('mallory'), passwordSubmit, passwordRejected]],
    ['passwordExpired', [submit('mallory'), pinSubmit, pinResend, passwordRejected]],
  ] as const)('on %s ignores submits meant for another step', (step, events) => {
    const from = settledOn(step)
    expect(canSubmit(from)).toBe(true)
    for (const event of events) expect(transition(from, event)).toBe(from)
  })

  it.each(['credentials', 'twoFactor', 'passwordExpired'] as const)(
    'on %s ignores answers and failures that nobody asked for',
    (step) => {
      const from = settledOn(step)
      expect(transition(from, result('STS_0000'))).toBe(from)
      expect(transition(from, unknown('STS_0042'))).toBe(from)
      expect(transition(from, invalid('html'))).toBe(from)
      expect(transition(from, failure('aborted'))).toBe(from)
    },
  )
})

describe('given a step the flow cannot leave without a restart', () => {
  const ends: [string, LoginState][] = [
    ['signedIn', transition(reach(ORIGINS[1]), result('STS_0000'))],
    ['stopped', transition(reach(ORIGINS[0]), result('STS_0004'))],
    ['misconfigured', transition(reach(ORIGINS[0]), result('GLB_0001'))],
    ['twoFactorSetup', transition(reach(ORIGINS[0]), result('STS_0012'))],
  ]

  it.each(ends)('%s ignores every event but FLOW.RESTART', (step, state) => {
    expect(state.step).toBe(step)
    expect(canSubmit(state)).toBe(false)
    const events = [
      submit('mallory'),
      pinSubmit,
      pinResend,
      passwordSubmit,
      passwordRejected,
      result('STS_0000'),
      result('STS_0002'),
      unknown('STS_0042'),
      invalid('empty'),
      failure('networkError'),
    ]
    for (const event of events) expect(transition(state, event)).toBe(state)
  })

  it.each(ends)('%s restarts on credentials with the username kept', (_step, state) => {
    expect(transition(state, restart)).toStrictEqual(initialLoginState(USERNAME))
  })
})

describe('given the password-change request', () => {
  it('shows errors.passwordChangeFailed on newPassword when changePassword refuses', () => {
    const from = reach(ORIGINS[3], true)
    expect(transition(from, passwordRejected)).toStrictEqual({
      ...from,
      pending: null,
      attempt: from.attempt + 1,
      error: { messageKey: 'errors.passwordChangeFailed', target: 'newPassword' },
    })
  })

  it('ignores PASSWORD.REJECTED when no password change is in flight', () => {
    const settled = settledOn('passwordExpired')
    expect(transition(settled, passwordRejected)).toBe(settled)
    const pin = reach(ORIGINS[1])
    expect(transition(pin, passwordRejected)).toBe(pin)
  })
})

describe('given outcomeEvent', () => {
  it.each<AnswerOutcome>([
    answerFor('STS_0000'),
    answerFor('STS_0013', true),
    { type: 'unknownCode', code: 'STS_0042', status: 400, captchaRequired: false },
    { type: 'invalidResponse', reason: 'html', status: 504, captchaRequired: false },
  ])('reports the $type answer as SERVER.RESULT', (outcome) => {
    expect(outcomeEvent(outcome)).toStrictEqual({ type: 'SERVER.RESULT', outcome })
  })

  it.each<NoAnswer>([{ type: 'networkError' }, { type: 'timeout' }, { type: 'aborted' }])(
    'reports $type as NETWORK.FAILURE',
    (outcome) => {
      expect(outcomeEvent(outcome)).toStrictEqual({ type: 'NETWORK.FAILURE', outcome })
    },
  )
})

describe('given every state the machine can reach', () => {
  const events: LoginEvent[] = [
    submit(),
    pinSubmit,
    pinResend,
    passwordSubmit,
    passwordRejected,
    restart,
    ...ALL_CODES.flatMap((code) => [result(code, false), result(code, true)]),
    unknown('STS_0042', true),
    invalid('noToken'),
    failure('networkError'),
    failure('timeout'),
    failure('aborted'),
  ]

  /** Breadth-first, six events deep, treating states that differ only in `attempt` as one. */
  function explore(): LoginState[] {
    const seen = new Map<string, LoginState>()
    const keyOf = (state: LoginState) =>
      JSON.stringify(state, (key, value) => (key === 'attempt' ? undefined : value))
    let frontier = [initialLoginState()]
    for (let depth = 0; depth < 6; depth++) {
      const next: LoginState[] = []
      for (const state of frontier) {
        for (const event of events) {
          const reached = transition(state, event)
          const key = keyOf(reached)
          if (seen.has(key)) continue
          seen.set(key, reached)
          next.push(reached)
        }
      }
      frontier = next
    }
    return [...seen.values()]
  }

  const states = explore()

  it('reaches every step, so that the checks below are not vacuous', () => {
    expect(new Set(states.map((s) => s.step))).toEqual(new Set(STEPS))
    expect(states.length).toBeGreaterThan(30)
  })

  it('is always on a defined step', () => {
    for (const state of states) expect(STEPS).toContain(state.step)
  })

  it('never holds a password, a PIN or a secret: only known keys appear', () => {
    const allowed = new Set([
      'step',
      'username',
      'pending',
      'error',
      'captchaRequired',
      'attempt',
      'notice',
      'code',
      'messageKey',
      'target',
    ])
    for (const state of states) {
      for (const key of keysOf(state)) expect(allowed).toContain(key)
      expect(JSON.stringify(state)).not.toMatch(/"(password|pin|secret|token)\w*"\s*:/i)
    }
  })

  it('only asks for messages that exist in the English locale', () => {
    const keys = new Set<string>()
    for (const state of states) {
      if ('error' in state && state.error) keys.add(state.error.messageKey)
    }
    expect(keys.size).toBeGreaterThan(10)
    for (const key of keys) expect(messageAt(key), key).toEqual(expect.any(String))
  })
})

describe('given the English locale', () => {
  describe.each(ORIGINS)('and an answer to a $pending request', (origin) => {
    it.each(ALL_CODES)('%s leads to a defined step with a message that exists', (code) => {
      const next = transition(reach(origin), result(code))
      expect(STEPS).toContain(next.step)
      if ('error' in next && next.error) {
        expect(messageAt(next.error.messageKey), next.error.messageKey).toEqual(expect.any(String))
      }
    })
  })

  it.each(ALL_CODES)('has a non-empty errors.%s for the steps that show the code', (code) => {
    expect(messageAt(`errors.${code}`)).toMatch(/\S/)
  })

  it.each([
    'errors.unknownCode',
    'errors.invalidResponse',
    'errors.network',
    'errors.timeout',
    'errors.passwordChangeFailed',
  ])('has %s', (key) => {
    expect(messageAt(key)).toMatch(/\S/)
  })

  it('does not resolve a path through something that is not a message', () => {
    expect(messageAt('errors')).not.toEqual(expect.any(String))
    expect(messageAt('errors.STS_0042')).toBeUndefined()
    expect(messageAt('errors.toString')).toBeUndefined()
  })
})
