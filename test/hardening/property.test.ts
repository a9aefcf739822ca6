import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  createIdmTokenFetcher,
  initialLoginState,
  type LoginEvent,
  type LoginState,
  type LoginStep,
  outcomeEvent,
  parseTokenAnswer,
  RESULT_CODES,
  type TokenOutcome,
  transition,
} from '../../src/core/index.js'

const PARSE_RUNS = 5000
const FETCH_RUNS = 300

/** Every locale the package ships, flattened to `errors.STS_0002`-style keys. */
const LOCALE_DIR = join(dirname(fileURLToPath(import.meta.url)), '../../locales')
const LOCALES = readdirSync(LOCALE_DIR).map((language) => {
  const file = join(LOCALE_DIR, language, 'idmLogin.json')
  return { language, keys: flatten(JSON.parse(readFileSync(file, 'utf8')) as unknown) }
})

function flatten(tree: unknown, prefix = ''): Map<string, unknown> {
  const flat = new Map<string, unknown>()
  if (typeof tree !== 'object' || tree === null) return flat.set(prefix, tree)
  for (const [key, value] of Object.entries(tree)) {
    for (const entry of flatten(value, prefix ? `${prefix}.${key}` : key)) flat.set(...entry)
  }
  return flat
}

const STEPS = new Set<LoginStep>([
  'credentials',
  'twoFactor',
  'passwordExpired',
  'twoFactorSetup',
  'stopped',
  'misconfigured',
  'signedIn',
])
const OUTCOME_TYPES = new Set(['success', 'result', 'unknownCode', 'invalidResponse'])
const CODES = Object.keys(RESULT_CODES)

/** The interactive states, each awaiting an answer, and each idle (where an answer is stray). */
function interactiveStates(): LoginState[] {
  const credentials = initialLoginState('ada')
  const awaiting = transition(credentials, { type: 'CREDENTIALS.SUBMIT', username: 'ada' })
  const answer = (code: string): LoginEvent => ({
    type: 'SERVER.RESULT',
    outcome: { type: 'result', code: code as 'STS_0011', status: 400, captchaRequired: false },
  })
  const twoFactor = transition(awaiting, answer('STS_0011'))
  const expired = transition(awaiting, answer('STS_0009'))
  return [
    credentials,
    awaiting,
    twoFactor,
    transition(twoFactor, { type: 'PIN.SUBMIT' }),
    transition(twoFactor, { type: 'PIN.RESEND' }),
    expired,
    transition(expired, { type: 'PASSWORD.SUBMIT' }),
  ]
}

const STATES = interactiveStates()

/** Any JSON value, or one of the values that confuse lenient parsers. */
const anyValue = fc.oneof(
  fc.jsonValue(),
  fc.constantFrom(null, true, false, 0, -1, '', ' ', 'null', '__proto__', 'constructor'),
)

/** An object shaped like an IDM answer, each field present or not, of any type. */
const idmLike = fc
  .record(
    {
      result_code: fc.oneof(fc.constantFrom(...CODES, 'STS_0042', 'sts_0002', ''), anyValue),
      access_token: fc.oneof(fc.string(), anyValue),
      acces_token: fc.oneof(fc.string(), anyValue),
      token_type: anyValue,
      expires_in: anyValue,
      error: fc.oneof(fc.string(), fc.constant('<img src=x onerror=alert(1)>'), anyValue),
      error_description: anyValue,
      request_captcha: anyValue,
    },
    { requiredKeys: [] },
  )
  .map((fields) => JSON.stringify(fields))

/** Any body: random text, random JSON, IDM-like JSON, and each of those cut short. */
const body = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary' }),
  anyValue.map((value) => JSON.stringify(value) ?? ''),
  idmLike,
  fc.tuple(idmLike, fc.nat()).map(([text, cut]) => text.slice(0, cut % (text.length + 1))),
  fc.constantFrom('', '<html><body>502</body></html>', '{', '[]', '"x"', 'null', '\u0000'),
)

function expectMessageInEveryLocale(key: string) {
  for (const { language, keys } of LOCALES) {
    expect(typeof keys.get(key), `${key} in ${language}`).toBe('string')
  }
}

/** What every answer must lead to, from every state; returns what it led to. */
function checkAnswer(state: LoginState, status: number, text: string): string[] {
  const outcome = parseTokenAnswer(status, text)
  expect(OUTCOME_TYPES.has(outcome.type)).toBe(true)
  expect(outcome.status).toBe(status)
  expect(typeof outcome.captchaRequired).toBe('boolean')

  const next = transition(state, outcomeEvent(outcome))
  expect(STEPS.has(next.step)).toBe(true)
  expect(next.username).toBe('ada')
  // An answer nobody waits for changes nothing.
  if (!('pending' in state) || state.pending === null) expect(next).toBe(state)
  if ('pending' in next) expect(next.pending).toBeNull()
  if ('error' in next && next.error) expectMessageInEveryLocale(next.error.messageKey)
  if (next.step === 'stopped' || next.step === 'misconfigured') {
    expectMessageInEveryLocale(`errors.${next.code}`)
  }
  return [outcome.type, `step:${next.step}`]
}

describe('given random answers', () => {
  it(`parses and moves every interactive state to a known step (numRuns: ${PARSE_RUNS})`, () => {
    const seen = new Set<string>()
    fc.assert(
      fc.property(
        fc.integer({ min: 100, max: 599 }),
        body,
        fc.constantFrom(...STATES),
        (status, text, state) => {
          for (const label of checkAnswer(state, status, text)) seen.add(label)
        },
      ),
      { numRuns: PARSE_RUNS },
    )
    // The generator must reach every kind of outcome and every step, or it proves little.
    const wanted = [...OUTCOME_TYPES, ...[...STEPS].map((step) => `step:${step}`)]
    expect(wanted.filter((label) => !seen.has(label))).toEqual([])
  })

  it(`reads random chunks as parseTokenAnswer would (numRuns: ${FETCH_RUNS})`, async () => {
    const fetchable = fc.integer({ min: 200, max: 599 }).filter((s) => ![204, 205, 304].includes(s))
    await fc.assert(
      fc.asyncProperty(
        fetchable,
        body,
        fc.array(fc.nat(), { maxLength: 6 }),
        async (status, text, cuts) => {
          const bytes = new TextEncoder().encode(text)
          const fetchToken = createIdmTokenFetcher({
            url: 'https://idm.test/token',
            timeoutMs: 2000,
            fetch: async () => new Response(chunked(bytes, cuts), { status }),
          })
          const outcome = await fetchToken({ username: 'ada', password: 'pw' }, live())
          // Multi-byte characters cut between chunks must decode as if read at once.
          expect(outcome).toStrictEqual(parseTokenAnswer(status, new TextDecoder().decode(bytes)))
        },
      ),
      { numRuns: FETCH_RUNS },
    )
  })

  it(`turns every failure of fetch itself into an outcome (numRuns: ${FETCH_RUNS})`, async () => {
    const failure = fc.oneof(
      fc.constant(new TypeError('Failed to fetch')),
      fc.constant(new DOMException('The user aborted a request.', 'AbortError')),
      anyValue,
    )
    await fc.assert(
      fc.asyncProperty(failure, fc.boolean(), async (reason, synchronous) => {
        const fetchToken = createIdmTokenFetcher({
          url: 'https://idm.test/token',
          fetch: () => {
            if (synchronous) throw reason
            return Promise.reject(reason)
          },
        })
        const outcome: TokenOutcome = await fetchToken({ username: 'a', password: 'b' }, live())
        expect(outcome).toEqual({ type: 'networkError' })
      }),
      { numRuns: FETCH_RUNS },
    )
  })
})

function live(): AbortSignal {
  return new AbortController().signal
}

/** The bytes as a stream, split at the given offsets. */
function chunked(bytes: Uint8Array, cuts: number[]): ReadableStream<Uint8Array> {
  const points = [...new Set(cuts.map((cut) => cut % (bytes.length + 1)))].sort((a, b) => a - b)
  const edges = [0, ...points, bytes.length]
  return new ReadableStream({
    start(controller) {
      for (let i = 1; i < edges.length; i++) {
        const piece = bytes.slice(edges[i - 1], edges[i])
        if (piece.length > 0) controller.enqueue(piece)
      }
      controller.close()
    },
  })
}
