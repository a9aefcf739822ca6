import { render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import type { ComponentType } from 'react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import {
  LoginFlowProvider,
  LoginForm,
  PasswordExpired,
  StoppedStep,
  TwoFactorSetupStep,
  TwoFactorStep,
} from '../../src/index.js'
import { DEMO_PIN } from '../../src/testing/index.js'
import { startEmulatorServer } from '../support/emulatorServer.js'
import { message } from '../support/messages.js'
import { IDM_OPTIONS, signIn, submitPin } from '../support/renderLoginFlow.js'

startEmulatorServer()
const en = (key: string) => message('en', key)

afterEach(() => {
  vi.restoreAllMocks()
})

const SLOTS = ['Sign-in card', 'New password', 'Setup', 'Stop']

/** An integrator's own page: its own heading and layout, the library's steps placed in it. */
function CustomPage({ onSuccess }: { onSuccess: () => void }) {
  return (
    <LoginFlowProvider idm={IDM_OPTIONS} locale="en" onSuccess={onSuccess}>
      <main>
        <h1>Acme portal</h1>
        <section aria-label="Sign-in card">
          <LoginForm links={<a href="/help">Help</a>} />
        </section>
        <aside aria-label="Verification">
          <TwoFactorStep resendCooldownSeconds={0} />
        </aside>
        <section aria-label="New password">
          <PasswordExpired />
        </section>
        <section aria-label="Setup">
          <TwoFactorSetupStep />
        </section>
        <section aria-label="Stop">
          <StoppedStep />
        </section>
      </main>
    </LoginFlowProvider>
  )
}

describe('given the step components inside a LoginFlowProvider in a custom layout', () => {
  it('shows each step in its own place and signs in through two steps', async () => {
    const onSuccess = vi.fn()
    render(<CustomPage onSuccess={onSuccess} />)
    const user = userEvent.setup()
    const card = screen.getByRole('region', { name: 'Sign-in card' })
    expect(await within(card).findByLabelText(en('credentials.username'))).toBeVisible()
    expect(within(card).getByRole('link', { name: 'Help' })).toBeVisible()
    expect(screen.getByRole('heading', { level: 1, name: 'Acme portal' })).toBeVisible()

    await signIn(user, 'mfa')
    const aside = screen.getByRole('complementary', { name: 'Verification' })
    expect(await within(aside).findByLabelText(en('twoFactor.pin'))).toBeVisible()
    expect(card).toBeEmptyDOMElement()

    await submitPin(user, DEMO_PIN)
    await vi.waitFor(() => expect(onSuccess).toHaveBeenCalledTimes(1))
    expect(aside).toBeEmptyDOMElement()
  })

  it.each([
    ['expired', 'New password', 'passwordExpired.title'],
    ['mfa-setup', 'Setup', 'twoFactorSetup.title'],
    ['locked', 'Stop', 'stopped.title'],
  ])('shows the step for %s in its own slot (%s), and only there', async (name, slot, title) => {
    render(<CustomPage onSuccess={() => undefined} />)
    await signIn(userEvent.setup(), name)
    const place = screen.getByRole('region', { name: slot })
    expect(await within(place).findByRole('heading', { name: en(title) })).toHaveFocus()
    for (const name of SLOTS.filter((other) => other !== slot)) {
      expect(screen.getByRole('region', { name })).toBeEmptyDOMElement()
    }
  })

  it('renders nothing but the current step: a lone TwoFactorStep is empty at first', async () => {
    const { container } = render(
      <LoginFlowProvider idm={IDM_OPTIONS} locale="en">
        <TwoFactorStep />
      </LoginFlowProvider>,
    )
    expect(container).toBeEmptyDOMElement()
  })
})

describe('given a step component outside any provider', () => {
  it.each([
    ['LoginForm', LoginForm],
    ['TwoFactorStep', TwoFactorStep],
    ['PasswordExpired', PasswordExpired],
    ['TwoFactorSetupStep', TwoFactorSetupStep],
    ['StoppedStep', StoppedStep],
  ] as [string, ComponentType][])('%s throws an error that says what to do', (name, Step) => {
    // React reports the thrown render error on the console as well; that is expected here.
    vi.spyOn(console, 'error').mockImplementation(() => undefined)
    expect(() => render(<Step />)).toThrow(
      `[react-idm-login] <${name}> must be inside <LoginFlowProvider> or <LoginFlow>.`,
    )
  })
})
