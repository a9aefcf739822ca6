import { act, screen, within } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { DEMO_PASSWORD, DEMO_PIN } from '../../src/testing/index.js'
import { startEmulatorServer } from '../support/emulatorServer.js'
import { message } from '../support/messages.js'
import {
  credentialsForm,
  findStepHeading,
  renderLoginFlow,
  signIn,
  submitPin,
} from '../support/renderLoginFlow.js'
import { recordTokenRequests } from '../support/tokenRequests.js'

const { server } = startEmulatorServer()
const en = (key: string, values?: Record<string, string | number>) => message('en', key, values)
const PIN_FIELD = 'twofactor_authentication_validation_pin'

afterEach(() => {
  vi.useRealTimers()
})

describe('given the mfa account', () => {
  it('asks for the PIN, refuses a wrong one, then signs in with the right one', async () => {
    const requests = recordTokenRequests(server)
    const { user, onSuccess } = renderLoginFlow()
    await signIn(user, 'mfa')
    expect(await findStepHeading('twoFactor.title')).toHaveFocus()
    expect(screen.getByText(en('twoFactor.description', { length: 6 }))).toBeVisible()

    await submitPin(user, '000000')
    const error = await screen.findByText(en('errors.STS_0013'))
    const pin = screen.getByLabelText(en('twoFactor.pin'))
    expect(pin).toHaveAttribute('aria-invalid', 'true')
    expect(pin).toHaveAccessibleDescription(expect.stringContaining(error.textContent ?? '-'))
    expect(pin).toHaveValue('')
    expect(pin).toHaveFocus()

    await submitPin(user, DEMO_PIN)
    expect(await findStepHeading('signedIn.title')).toHaveFocus()
    expect(onSuccess).toHaveBeenCalledTimes(1)

    // The IDM wants the username and password again with each PIN.
    expect(requests.bodies.map((body) => body.get(PIN_FIELD))).toEqual([null, '000000', DEMO_PIN])
    for (const body of requests.bodies) {
      expect(body.get('username')).toBe('mfa')
      expect(body.get('password')).toBe(DEMO_PASSWORD)
    }
  })

  it('checks the PIN format before sending it', async () => {
    const requests = recordTokenRequests(server)
    const { user } = renderLoginFlow()
    await signIn(user, 'mfa')
    await submitPin(user, '12')
    expect(await screen.findByText(en('twoFactor.pinInvalid', { length: 6 }))).toBeVisible()
    expect(requests.bodies).toHaveLength(1)
  })

  it('shows the resend cooldown and sends nothing while it runs', async () => {
    const requests = recordTokenRequests(server)
    const { user } = renderLoginFlow()
    await signIn(user, 'mfa')
    const resend = await screen.findByRole('button', {
      name: en('twoFactor.resendIn', { seconds: 30 }),
    })
    expect(resend).toHaveAttribute('aria-disabled', 'true')
    await user.click(resend)
    expect(requests.bodies).toHaveLength(1)
  })

  it('goes back to the form with "use a different account", password gone', async () => {
    const { user, onStepChange } = renderLoginFlow()
    await signIn(user, 'mfa')
    await findStepHeading('twoFactor.title')
    await user.click(screen.getByRole('button', { name: en('twoFactor.back') }))

    expect(await findStepHeading('credentials.title')).toHaveFocus()
    const { username, password } = await credentialsForm()
    expect(username).toHaveValue('mfa')
    expect(password).toHaveValue('')
    expect(onStepChange).toHaveBeenLastCalledWith({
      step: 'credentials',
      previousStep: 'twoFactor',
    })
  })
})

describe('given a PIN typed on the step, and the step left', () => {
  it('shows an empty PIN field when the next sign-in reaches the step', async () => {
    const { user } = renderLoginFlow()
    await signIn(user, 'mfa')
    await user.type(await screen.findByLabelText(en('twoFactor.pin')), '987654')
    await user.click(screen.getByRole('button', { name: en('twoFactor.back') }))
    await findStepHeading('credentials.title')
    await signIn(user, '', DEMO_PASSWORD)

    await findStepHeading('twoFactor.title')
    expect(screen.getByLabelText(en('twoFactor.pin'))).toHaveValue('')
  })
})

describe('given the sms-fail account (STS_0014)', () => {
  it('offers a resend at once, then says a new code was sent', async () => {
    const requests = recordTokenRequests(server)
    const { user, onSuccess } = renderLoginFlow()
    await signIn(user, 'sms-fail')
    const region = screen.getByRole('region', { name: en('twoFactor.title') })
    expect(await within(region).findByRole('alert')).toHaveTextContent(en('errors.STS_0014'))

    await user.click(screen.getByRole('button', { name: en('twoFactor.resend') }))
    expect(await screen.findByRole('status')).toHaveTextContent(en('twoFactor.resent'))
    expect(screen.queryByText(en('errors.STS_0014'))).not.toBeInTheDocument()
    expect(requests.bodies).toHaveLength(2)
    expect(requests.bodies[1]?.get(PIN_FIELD)).toBeNull()

    // A fresh SMS restarts the wait before the next one.
    expect(
      screen.getByRole('button', { name: en('twoFactor.resendIn', { seconds: 30 }) }),
    ).toHaveAttribute('aria-disabled', 'true')

    await submitPin(user, DEMO_PIN)
    await findStepHeading('signedIn.title')
    expect(onSuccess).toHaveBeenCalledTimes(1)
  })
})

describe('given a short resend cooldown', () => {
  it('counts down once a second and then allows a resend', async () => {
    // Only intervals are faked: MSW, user-event and Testing Library keep their real timeouts.
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] })
    const requests = recordTokenRequests(server)
    const { user } = renderLoginFlow({ resendCooldownSeconds: 2 })
    await signIn(user, 'mfa')
    const resend = await screen.findByRole('button', {
      name: en('twoFactor.resendIn', { seconds: 2 }),
    })

    act(() => vi.advanceTimersByTime(1000))
    expect(resend).toHaveAccessibleName(en('twoFactor.resendIn', { seconds: 1 }))
    act(() => vi.advanceTimersByTime(1000))
    expect(resend).toHaveAccessibleName(en('twoFactor.resend'))
    expect(resend).not.toHaveAttribute('aria-disabled')

    await user.click(resend)
    expect(await screen.findByRole('status')).toHaveTextContent(en('twoFactor.resent'))
    expect(requests.bodies).toHaveLength(2)
    expect(resend).toHaveAccessibleName(en('twoFactor.resendIn', { seconds: 2 }))
  })

  it('allows a resend at once with a cooldown of 0', async () => {
    const { user } = renderLoginFlow({ resendCooldownSeconds: 0 })
    await signIn(user, 'mfa')
    const resend = await screen.findByRole('button', { name: en('twoFactor.resend') })
    expect(resend).not.toHaveAttribute('aria-disabled')
  })
})
