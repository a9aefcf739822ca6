import { render, screen } from '@testing-library/react'
import userEvent, { type UserEvent } from '@testing-library/user-event'
import { afterEach, beforeEach, expect, vi } from 'vitest'
import en from '../../locales/en/idmLogin.json'
import { LoginFlow, type LoginFlowProps } from '../../src/index.js'
import { IDM_ORIGIN } from '../support/emulatorServer.js'

export { en }

/** The token endpoint the default fetcher posts to in these tests. */
export const TOKEN_URL = `${IDM_ORIGIN}/legacy/sts/api/oauth/token`

/** The English text of a message key such as `errors.network`, with `{{code}}` filled in. */
export function english(key: string, values: Record<string, string> = {}): string {
  const value = key.split('.').reduce<unknown>((node, part) => {
    return typeof node === 'object' && node !== null
      ? (node as Record<string, unknown>)[part]
      : undefined
  }, en)
  if (typeof value !== 'string') throw new Error(`no English message at ${key}`)
  return value.replace(/\{\{(\w+)\}\}/g, (_match, name: string) => values[name] ?? '')
}

/** Renders the whole flow against the MSW origin, English messages given synchronously. */
export function renderFlow(props: Partial<LoginFlowProps> = {}) {
  const onSuccess = vi.fn()
  const onError = vi.fn()
  const { idm, ...rest } = props
  const view = render(
    <LoginFlow
      locale="en"
      locales={{ en }}
      onSuccess={onSuccess}
      onError={onError}
      {...rest}
      idm={{ baseUrl: IDM_ORIGIN, clientId: 'demo-client', ...idm }}
    />,
  )
  return { ...view, onSuccess, onError, user: userEvent.setup() }
}

/** Fills the sign-in form by pasting (fast for long values) and clicks "Sign in". */
export async function signIn(user: UserEvent, username: string, password: string) {
  const usernameField = screen.getByLabelText('Username or e-mail')
  const passwordField = screen.getByLabelText('Password')
  await user.clear(usernameField)
  await user.click(usernameField)
  await user.paste(username)
  await user.clear(passwordField)
  await user.click(passwordField)
  await user.paste(password)
  await user.click(screen.getByRole('button', { name: 'Sign in' }))
}

const CONSOLE_METHODS = [
  'log',
  'info',
  'warn',
  'error',
  'debug',
  'trace',
  'dir',
  'table',
  'group',
  'groupCollapsed',
] as const

/** Silences and records every console method; `text()` is everything that was printed. */
export function watchConsole() {
  const spies = CONSOLE_METHODS.map((name) => vi.spyOn(console, name).mockImplementation(() => {}))
  return {
    spies,
    error: spies[3] as ReturnType<typeof vi.spyOn>,
    calls: () => spies.flatMap((spy) => spy.mock.calls),
    text: () =>
      spies
        .flatMap((spy) => spy.mock.calls)
        .map((args) => args.map((arg) => (typeof arg === 'string' ? arg : safeJson(arg))).join(' '))
        .join('\n'),
  }
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value)
  } catch {
    return String(value)
  }
}

/**
 * Fails the test that caused an unhandled promise rejection. Vitest reports them too, but only
 * after the run and without naming the test.
 */
export function failOnUnhandledRejections() {
  const seen: unknown[] = []
  const record = (reason: unknown) => seen.push(reason)
  beforeEach(() => {
    seen.length = 0
    process.on('unhandledRejection', record)
  })
  afterEach(async () => {
    // Rejections surface on a later turn of the event loop.
    await new Promise((resolve) => setTimeout(resolve, 0))
    process.off('unhandledRejection', record)
    expect(seen).toEqual([])
  })
}

/** A promise with its resolve function, to hold an answer back until the test says so. */
export function gate<T = void>() {
  let open!: (value: T) => void
  const promise = new Promise<T>((resolve) => {
    open = resolve
  })
  return { promise, open }
}

export const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
