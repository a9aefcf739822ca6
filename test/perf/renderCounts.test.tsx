import { act, render, screen } from '@testing-library/react'
import userEvent, { type UserEvent } from '@testing-library/user-event'
import { writeFileSync } from 'node:fs'
import { http } from 'msw'
import { Profiler, type ReactNode } from 'react'
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { PlainLoginForm } from '../../bench/floor/PlainLoginForm.js'
import {
  DEFAULT_TOKEN_PATH,
  LoginFlowProvider,
  LoginForm,
  PasswordExpired,
  StoppedStep,
  TwoFactorSetupStep,
  TwoFactorStep,
} from '../../src/index.js'
import {
  createEmulatorChangePassword,
  DEMO_CLIENT_ID,
  DEMO_PASSWORD,
} from '../../src/testing/index.js'
import { IDM_ORIGIN, startEmulatorServer } from '../support/emulatorServer.js'
import { message } from '../support/messages.js'
import { IDM_OPTIONS } from '../support/renderLoginFlow.js'

// How often each part renders and commits, so that a needless re-render fails a test. Commits
// come from <Profiler>s: one around the provider's children, one around each step. Renders of
// each step component are counted through the context hook every step calls once per render.

/** Renders per step component, by the name each passes to `useLoginFlowContext`. */
const renders: Record<string, number> = {}
/** Commits per <Profiler> id. */
const commits: Record<string, number> = {}

/** The components counted; parts inside them (Step, fields) show in the commits instead. */
const COUNTED = new Set([
  'LoginForm',
  'TwoFactorStep',
  'PasswordExpired',
  'PasswordChecklist',
  'TwoFactorSetupStep',
  'StoppedStep',
])

function countRender(name: string) {
  if (COUNTED.has(name)) renders[name] = (renders[name] ?? 0) + 1
}

vi.mock('../../src/react/LoginFlowProvider.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../src/react/LoginFlowProvider.js')>()
  return {
    ...original,
    useLoginFlowContext: (component: string) => {
      countRender(component)
      return original.useLoginFlowContext(component)
    },
  }
})

vi.mock('../../src/components/PasswordExpired/PasswordChecklist.js', async (importOriginal) => {
  type Module = typeof import('../../src/components/PasswordExpired/PasswordChecklist.js')
  const original = await importOriginal<Module>()
  return {
    ...original,
    PasswordChecklist: (props: Parameters<Module['PasswordChecklist']>[0]) => {
      countRender('PasswordChecklist')
      return original.PasswordChecklist(props)
    },
  }
})

const { server } = startEmulatorServer()
const en = (key: string) => message('en', key)

/** What the bench reads (`RENDER_COUNTS_JSON=file`): the figures these tests pin down. */
const figures: Record<string, number> = {}

afterAll(() => {
  const file = process.env.RENDER_COUNTS_JSON
  if (file) writeFileSync(file, `${JSON.stringify(figures, null, 2)}\n`)
})

function Counted({ id, children }: { id: string; children: ReactNode }) {
  const onRender = () => {
    commits[id] = (commits[id] ?? 0) + 1
  }
  return (
    <Profiler id={id} onRender={onRender}>
      {children}
    </Profiler>
  )
}

function resetCounts() {
  for (const key of Object.keys(renders)) delete renders[key]
  for (const key of Object.keys(commits)) delete commits[key]
}

/** Counts what `action` renders and commits, after the effects it set off have settled. */
async function measure(action: () => Promise<unknown>) {
  await act(async () => {})
  resetCounts()
  await action()
  await act(async () => {})
  return { commits: { ...commits }, renders: { ...renders } }
}

/** Holds the next token answer until `release()`, so that the pending state commits alone. */
function holdNextAnswer() {
  let release = () => {}
  const gate = new Promise<void>((resolve) => {
    release = resolve
  })
  const hold = async () => {
    await gate
    // Nothing returned: the emulator's own handler answers.
    return undefined
  }
  server.use(http.post(`${IDM_ORIGIN}/*`, hold, { once: true }))
  return release
}

function renderSteps(): UserEvent {
  render(
    <LoginFlowProvider
      idm={IDM_OPTIONS}
      locale="en"
      changePassword={createEmulatorChangePassword({ baseUrl: IDM_ORIGIN })}
    >
      <Counted id="children">
        <Counted id="LoginForm">
          <LoginForm />
        </Counted>
        <Counted id="TwoFactorStep">
          <TwoFactorStep />
        </Counted>
        <Counted id="PasswordExpired">
          <PasswordExpired />
        </Counted>
        <TwoFactorSetupStep />
        <StoppedStep />
      </Counted>
    </LoginFlowProvider>,
  )
  return userEvent.setup()
}

async function typeCredentials(user: UserEvent, username: string) {
  await user.type(await screen.findByLabelText(en('credentials.username')), username)
  await user.type(screen.getByLabelText(en('credentials.password')), DEMO_PASSWORD)
}

const submit = (user: UserEvent) =>
  user.click(screen.getByRole('button', { name: en('credentials.submit') }))

async function signIn(user: UserEvent, username: string) {
  await typeCredentials(user, username)
  await submit(user)
}

/** Each step component once, as a context change renders them. */
const EACH_STEP_ONCE = {
  LoginForm: 1,
  TwoFactorStep: 1,
  PasswordExpired: 1,
  TwoFactorSetupStep: 1,
  StoppedStep: 1,
}

const NOTHING = { commits: {}, renders: {} }

describe('given the credentials step', () => {
  let user: UserEvent
  beforeEach(async () => {
    user = renderSteps()
    await screen.findByLabelText(en('credentials.username'))
  })

  it('re-renders nothing while it waits, or while username and password are typed', async () => {
    // Longer than a second: a countdown ticking on a hidden step would show here.
    const idle = await measure(() => act(() => new Promise((done) => setTimeout(done, 1100))))
    expect(idle).toEqual(NOTHING)

    const username = screen.getByLabelText(en('credentials.username'))
    expect(await measure(() => user.type(username, 'demo@example.com'))).toEqual(NOTHING)
    const password = screen.getByLabelText(en('credentials.password'))
    expect(await measure(() => user.type(password, DEMO_PASSWORD))).toEqual(NOTHING)
    figures['commits per keystroke: username'] = 0
    figures['commits per keystroke: password'] = 0
  })

  it('renders the form once when Caps Lock goes on, and not again while typing', async () => {
    const password = screen.getByLabelText(en('credentials.password'))
    await user.click(password)
    const capsLock = await measure(() => user.keyboard('{CapsLock}'))
    expect(capsLock).toEqual({ commits: { children: 1, LoginForm: 1 }, renders: { LoginForm: 1 } })
    expect(screen.getByText(en('credentials.capsLockOn'))).toBeInTheDocument()
    expect(await measure(() => user.keyboard('SECRET'))).toEqual(NOTHING)
  })

  it('after a refused empty submit, renders the form once as an error clears', async () => {
    await user.click(screen.getByRole('button', { name: en('credentials.submit') }))
    await screen.findByText(en('errors.STS_0005'))
    const username = screen.getByLabelText(en('credentials.username'))
    const first = await measure(() => user.type(username, 'd'))
    expect(first).toEqual({ commits: { children: 1, LoginForm: 1 }, renders: { LoginForm: 1 } })
    expect(await measure(() => user.type(username, 'emo'))).toEqual(NOTHING)
  })
})

describe('given a submit that leads to the two-factor step', () => {
  it('commits once for the request, rendering each step once', async () => {
    const user = renderSteps()
    await typeCredentials(user, 'mfa')
    const release = holdNextAnswer()
    const pending = await measure(async () => {
      await submit(user)
      await screen.findByRole('button', { name: en('credentials.submitting') })
    })
    release()
    expect(pending.renders).toEqual(EACH_STEP_ONCE)
    expect(pending.commits).toEqual({
      children: 1,
      LoginForm: 1,
      TwoFactorStep: 1,
      PasswordExpired: 1,
    })
    figures['commits per step change: request sent'] = pending.commits.children ?? 0
  })

  it('commits twice for the answer, rendering each step once and two of them twice', async () => {
    const user = renderSteps()
    const release = holdNextAnswer()
    await signIn(user, 'mfa')
    await screen.findByRole('button', { name: en('credentials.submitting') })
    const answer = await measure(async () => {
      release()
      await screen.findByLabelText(en('twoFactor.pin'))
    })
    // TwoFactorStep renders twice within the first commit: it restarts its countdown during
    // render. The second commit is an effect of the step change: LoginForm forgets the typed
    // password, and react-hook-form re-renders it (hidden).
    expect(answer.renders).toEqual({ ...EACH_STEP_ONCE, LoginForm: 2, TwoFactorStep: 2 })
    expect(answer.commits).toEqual({
      children: 2,
      LoginForm: 2,
      TwoFactorStep: 1,
      PasswordExpired: 1,
    })
    figures['commits per step change: answer shown'] = answer.commits.children ?? 0
  })
})

describe('given the two-factor step', () => {
  it('re-renders nothing while the PIN is typed', async () => {
    const user = renderSteps()
    await signIn(user, 'mfa')
    const pin = await screen.findByLabelText(en('twoFactor.pin'))
    expect(await measure(() => user.type(pin, '123456'))).toEqual(NOTHING)
    figures['commits per keystroke: PIN'] = 0
  })
})

describe('given the expired-password step', () => {
  it('re-renders only the checklist while the new password is typed', async () => {
    const user = renderSteps()
    await signIn(user, 'expired')
    const newPassword = await screen.findByLabelText(en('passwordExpired.newPassword'))
    const typed = 'Fresh.Pass2026'
    const typing = await measure(() => user.type(newPassword, typed))
    // One commit per keystroke, inside PasswordExpired, rendering the checklist alone.
    expect(typing.renders).toEqual({ PasswordChecklist: typed.length })
    expect(typing.commits).toEqual({ children: typed.length, PasswordExpired: typed.length })

    const confirm = screen.getByLabelText(en('passwordExpired.confirmPassword'))
    expect(await measure(() => user.type(confirm, typed))).toEqual(NOTHING)
    figures['commits per keystroke: new password (checklist only)'] = 1
    figures['commits per keystroke: password confirmation'] = 0
  })
})

describe('given the benchmark floor (bench/floor/PlainLoginForm)', () => {
  it('re-renders nothing while typing, and commits for a request and its answer', async () => {
    render(
      <Counted id="floor">
        <PlainLoginForm tokenUrl={`${IDM_ORIGIN}${DEFAULT_TOKEN_PATH}`} clientId={DEMO_CLIENT_ID} />
      </Counted>,
    )
    const user = userEvent.setup()
    const username = screen.getByLabelText('Username or e-mail')
    expect(await measure(() => user.type(username, 'mfa'))).toEqual(NOTHING)
    const password = screen.getByLabelText('Password')
    expect(await measure(() => user.type(password, DEMO_PASSWORD))).toEqual(NOTHING)

    const release = holdNextAnswer()
    const pending = await measure(async () => {
      await user.click(screen.getByRole('button', { name: 'Sign in' }))
      await screen.findByRole('button', { name: 'Signing in…' })
    })
    const answer = await measure(async () => {
      release()
      await screen.findByLabelText('Verification code')
    })
    figures['floor: commits per keystroke'] = 0
    figures['floor: commits per step change: request sent'] = pending.commits.floor ?? 0
    figures['floor: commits per step change: answer shown'] = answer.commits.floor ?? 0
    expect(pending.commits.floor).toBeGreaterThan(0)
    expect(answer.commits.floor).toBeGreaterThan(0)
  })
})
