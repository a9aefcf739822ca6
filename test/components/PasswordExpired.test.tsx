import { act, screen, within } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'
import type { ChangePassword, TokenFetcher, TokenOutcome } from '../../src/index.js'
import { createEmulatorChangePassword, DEMO_PASSWORD } from '../../src/testing/index.js'
import { delay, gate } from '../hardening/support.js'
import { axe } from '../support/axe.js'
import { IDM_ORIGIN, startEmulatorServer } from '../support/emulatorServer.js'
import { message } from '../support/messages.js'
import {
  credentialsForm,
  findStepHeading,
  renderLoginFlow,
  signIn,
} from '../support/renderLoginFlow.js'
import { recordTokenRequests } from '../support/tokenRequests.js'

const { server } = startEmulatorServer()
const en = (key: string, values?: Record<string, string | number>) => message('en', key, values)
const NEW_PASSWORD = 'Fresh.Pass2026'
const answer = (code: string): TokenOutcome =>
  ({ type: 'result', code, status: 400, captchaRequired: false }) as TokenOutcome

/** The checklist item of a rule, by its text, and whether it is met. */
function rule(key: string) {
  const list = screen.getByRole('list')
  const item = within(list)
    .getAllByRole('listitem')
    .find((li) => li.textContent?.includes(en(`passwordExpired.rules.${key}`, { count: 8 })))
  if (!item) throw new Error(`no checklist item for ${key}`)
  return item
}

const met = `(${en('passwordExpired.ruleMet')})`
const notMet = `(${en('passwordExpired.ruleNotMet')})`

describe('given the expired account and the emulator password change', () => {
  it('walks the checklist, refuses a mismatch, changes the password and signs in', async () => {
    const requests = recordTokenRequests(server)
    const changePassword = createEmulatorChangePassword({ baseUrl: IDM_ORIGIN })
    const { user, onSuccess, onStepChange } = renderLoginFlow({ changePassword })
    await signIn(user, 'expired')
    expect(await findStepHeading('passwordExpired.title')).toHaveFocus()

    const newPassword = screen.getByLabelText(en('passwordExpired.newPassword'))
    const confirm = screen.getByLabelText(en('passwordExpired.confirmPassword'))
    expect(screen.getByText(en('passwordExpired.rulesTitle'))).toBeVisible()
    expect(newPassword).toHaveAccessibleDescription(expect.stringContaining(notMet))
    expect(rule('upperCase')).toHaveTextContent(notMet)

    await user.type(newPassword, 'fresh')
    expect(rule('lowerCase')).toHaveTextContent(met)
    expect(rule('upperCase')).toHaveTextContent(notMet)
    expect(rule('minLength')).toHaveTextContent(notMet)
    await user.clear(newPassword)
    await user.type(newPassword, NEW_PASSWORD)
    for (const name of ['minLength', 'upperCase', 'lowerCase', 'digit', 'notUsername']) {
      expect(rule(name)).toHaveTextContent(met)
    }

    await user.type(confirm, 'Fresh.Pass2025')
    const submit = screen.getByRole('button', { name: en('passwordExpired.submit') })
    await user.click(submit)
    const mismatch = await screen.findByText(en('passwordExpired.mismatch'))
    expect(confirm).toHaveAttribute('aria-invalid', 'true')
    expect(confirm).toHaveAccessibleDescription(mismatch.textContent ?? '-')
    expect(requests.bodies).toHaveLength(1)

    await user.clear(confirm)
    await user.type(confirm, NEW_PASSWORD)
    await user.click(submit)
    expect(await findStepHeading('signedIn.title')).toHaveFocus()
    expect(onSuccess).toHaveBeenCalledTimes(1)
    expect(requests.bodies.map((body) => body.get('password'))).toEqual([
      DEMO_PASSWORD,
      NEW_PASSWORD,
    ])
    expect(onStepChange.mock.calls.map(([details]) => details.step)).toEqual([
      'passwordExpired',
      'signedIn',
    ])
  })

  it('sends the user, the old and the new password to changePassword', async () => {
    const changePassword = vi.fn<ChangePassword>(async () => ({ ok: true }))
    const { user } = renderLoginFlow({ changePassword })
    await signIn(user, 'expired')
    await user.type(await screen.findByLabelText(en('passwordExpired.newPassword')), NEW_PASSWORD)
    await user.type(screen.getByLabelText(en('passwordExpired.confirmPassword')), NEW_PASSWORD)
    await user.click(screen.getByRole('button', { name: en('passwordExpired.submit') }))

    await vi.waitFor(() => expect(changePassword).toHaveBeenCalledTimes(1))
    expect(changePassword.mock.calls[0]?.[0]).toMatchObject({
      username: 'expired',
      oldPassword: DEMO_PASSWORD,
      newPassword: NEW_PASSWORD,
    })
    // The emulator never learnt the new password, so it still answers STS_0002 for it.
    expect(await screen.findByRole('alert')).toHaveTextContent(en('errors.STS_0002'))
  })
})

describe('given a changePassword that refuses', () => {
  it.each<[string, ChangePassword]>([
    ['resolves { ok: false }', async () => ({ ok: false })],
    ['rejects', async () => Promise.reject(new Error('down'))],
    // What a plain-JavaScript integration may do despite the type.
    ['resolves to nothing', (async () => undefined) as unknown as ChangePassword],
    [
      'throws before returning a promise',
      () => {
        throw new Error('down')
      },
    ],
  ])('shows the failure and stays on the step when it %s', async (_, refuse) => {
    const requests = recordTokenRequests(server)
    const { user, onError } = renderLoginFlow({ changePassword: refuse })
    await signIn(user, 'expired')
    await user.type(await screen.findByLabelText(en('passwordExpired.newPassword')), NEW_PASSWORD)
    await user.type(screen.getByLabelText(en('passwordExpired.confirmPassword')), NEW_PASSWORD)
    await user.click(screen.getByRole('button', { name: en('passwordExpired.submit') }))

    expect(await screen.findByRole('alert')).toHaveTextContent(en('errors.passwordChangeFailed'))
    expect(screen.getByRole('heading', { name: en('passwordExpired.title') })).toBeVisible()
    expect(screen.getByRole('button', { name: en('passwordExpired.submit') })).not.toHaveAttribute(
      'aria-disabled',
    )
    expect(requests.bodies).toHaveLength(1)
    expect(onError).toHaveBeenLastCalledWith({
      step: 'passwordExpired',
      messageKey: 'errors.passwordChangeFailed',
    })
  })
})

describe('given a password check that refuses the new password', () => {
  it('names the broken rules in the message and changes nothing', async () => {
    const changePassword = vi.fn<ChangePassword>(async () => ({ ok: true }))
    const checkPassword = vi.fn(async () => ({ ok: false, codes: ['PAS_0005', 'PAS_0007'] }))
    const { user } = renderLoginFlow({ changePassword, checkPassword })
    await signIn(user, 'expired')
    await user.type(await screen.findByLabelText(en('passwordExpired.newPassword')), NEW_PASSWORD)
    await user.type(screen.getByLabelText(en('passwordExpired.confirmPassword')), NEW_PASSWORD)
    await user.click(screen.getByRole('button', { name: en('passwordExpired.submit') }))

    const reasons = ['upperCase', 'digit'].map((rule) => en(`passwordExpired.rules.${rule}`))
    expect(await screen.findByRole('alert')).toHaveTextContent(
      en('passwordExpired.serverRejected', { reasons: reasons.join(', ') }),
    )
    expect(screen.getByRole('alert')).not.toHaveTextContent('{{')
    expect(checkPassword).toHaveBeenCalledWith(NEW_PASSWORD, expect.any(AbortSignal))
    expect(changePassword).not.toHaveBeenCalled()
  })
})

describe('given the expired-password step', () => {
  it('goes back to an empty sign-in form', async () => {
    const { user } = renderLoginFlow()
    await signIn(user, 'expired')
    await findStepHeading('passwordExpired.title')
    await user.click(screen.getByRole('button', { name: en('passwordExpired.back') }))
    expect(await findStepHeading('credentials.title')).toHaveFocus()
    const { username, password } = await credentialsForm()
    expect(username).toHaveValue('expired')
    expect(password).toHaveValue('')
  })

  it('refuses a new password that breaks a rule before sending it', async () => {
    const changePassword = vi.fn<ChangePassword>(async () => ({ ok: true }))
    const { user } = renderLoginFlow({ changePassword })
    await signIn(user, 'expired')
    await user.type(await screen.findByLabelText(en('passwordExpired.newPassword')), 'short')
    await user.type(screen.getByLabelText(en('passwordExpired.confirmPassword')), 'short')
    await user.click(screen.getByRole('button', { name: en('passwordExpired.submit') }))
    expect(await screen.findByText(en('passwordExpired.rulesNotMet'))).toBeVisible()
    expect(changePassword).not.toHaveBeenCalled()
  })
})

describe('given a new password typed on the step, and the step left', () => {
  it('shows empty fields when the next expired sign-in reaches the step', async () => {
    const { user } = renderLoginFlow({ changePassword: async () => ({ ok: true }) })
    await signIn(user, 'expired')
    await user.type(await screen.findByLabelText(en('passwordExpired.newPassword')), NEW_PASSWORD)
    await user.type(screen.getByLabelText(en('passwordExpired.confirmPassword')), NEW_PASSWORD)
    await user.click(screen.getByRole('button', { name: en('passwordExpired.back') }))
    await findStepHeading('credentials.title')
    await signIn(user, '', DEMO_PASSWORD)

    await findStepHeading('passwordExpired.title')
    expect(screen.getByLabelText(en('passwordExpired.newPassword'))).toHaveValue('')
    expect(screen.getByLabelText(en('passwordExpired.confirmPassword'))).toHaveValue('')
  })

  it('shows empty fields to the next account after a change that went on to the PIN', async () => {
    const answers: TokenOutcome[] = [answer('STS_0009'), answer('STS_0011'), answer('STS_0009')]
    const fetchToken: TokenFetcher = async () => answers.shift() ?? { type: 'networkError' }
    const { user } = renderLoginFlow({ fetchToken, changePassword: async () => ({ ok: true }) })
    await signIn(user, 'alice', 'alice-old')
    await user.type(await screen.findByLabelText(en('passwordExpired.newPassword')), NEW_PASSWORD)
    await user.type(screen.getByLabelText(en('passwordExpired.confirmPassword')), NEW_PASSWORD)
    await user.click(screen.getByRole('button', { name: en('passwordExpired.submit') }))
    await findStepHeading('twoFactor.title')
    await user.click(screen.getByRole('button', { name: en('twoFactor.back') }))
    const { username } = await credentialsForm()
    await user.clear(username)
    await signIn(user, 'bob', 'bob-old')

    await findStepHeading('passwordExpired.title')
    expect(screen.getByLabelText(en('passwordExpired.newPassword'))).toHaveValue('')
    expect(screen.getByLabelText(en('passwordExpired.confirmPassword'))).toHaveValue('')
  })

  it('changes no password when a check still on its way comes back later', async () => {
    const check = gate<{ ok: boolean; codes: string[] }>()
    const checkPassword = vi.fn((_password: string, _signal: AbortSignal) => check.promise)
    const changePassword = vi.fn<ChangePassword>(async () => ({ ok: true }))
    const { user } = renderLoginFlow({ checkPassword, changePassword })
    await signIn(user, 'expired')
    await user.type(await screen.findByLabelText(en('passwordExpired.newPassword')), NEW_PASSWORD)
    await user.type(screen.getByLabelText(en('passwordExpired.confirmPassword')), NEW_PASSWORD)
    await user.click(screen.getByRole('button', { name: en('passwordExpired.submit') }))
    await vi.waitFor(() => expect(checkPassword).toHaveBeenCalledTimes(1))
    await user.click(screen.getByRole('button', { name: en('passwordExpired.back') }))
    await findStepHeading('credentials.title')
    await signIn(user, '', DEMO_PASSWORD)
    await findStepHeading('passwordExpired.title')

    expect(checkPassword.mock.calls[0]?.[1].aborted).toBe(true)
    // A checker that ignores its signal answers anyway.
    await act(async () => check.open({ ok: true, codes: [] }))
    await act(() => delay(30))
    expect(changePassword).not.toHaveBeenCalled()
    expect(screen.getByLabelText(en('passwordExpired.newPassword'))).toHaveValue('')
  })
})

describe('given a password policy with every rule switched off', () => {
  it('points the new password description only at what is on the page', async () => {
    const { user, container } = renderLoginFlow({
      changePassword: async () => ({ ok: true }),
      passwordPolicy: {
        minLength: 0,
        upperCase: false,
        lowerCase: false,
        digit: false,
        notUsername: false,
      },
    })
    await signIn(user, 'expired')
    const newPassword = await screen.findByLabelText(en('passwordExpired.newPassword'))
    expect(screen.queryByText(en('passwordExpired.rulesTitle'))).not.toBeInTheDocument()
    const ids = (newPassword.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean)
    for (const id of ids) expect(document.getElementById(id), id).not.toBeNull()
    expect(await axe(container)).toHaveNoViolations()
  })
})
