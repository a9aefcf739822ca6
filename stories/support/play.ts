import { expect, userEvent, waitFor, within } from 'storybook/test'
import type { LoginStep } from '../../src/core/loginMachine.js'
import type { MessageOf } from './messages.js'

/** Fills in the sign-in form and submits it, as a user would. Leaves out an unchanged username. */
export async function signIn(
  canvasElement: HTMLElement,
  m: MessageOf,
  { username, password }: { username?: string; password: string },
) {
  const canvas = within(canvasElement)
  if (username !== undefined) {
    const field = await canvas.findByLabelText(m('credentials.username'))
    await userEvent.clear(field)
    await userEvent.type(field, username)
  }
  await userEvent.type(await canvas.findByLabelText(m('credentials.password')), password)
  await userEvent.click(canvas.getByRole('button', { name: m('credentials.submit') }))
}

/** Types a PIN into the two-factor step and submits it. */
export async function submitPin(canvasElement: HTMLElement, m: MessageOf, pin: string) {
  const canvas = within(canvasElement)
  const field = await canvas.findByLabelText(m('twoFactor.pin'))
  await userEvent.clear(field)
  await userEvent.type(field, pin)
  await userEvent.click(canvas.getByRole('button', { name: m('twoFactor.submit') }))
}

/** Waits until the flow is on `step`: the flow's root and every step carry `data-step`. */
export async function expectStep(canvasElement: HTMLElement, step: LoginStep) {
  await waitFor(() =>
    expect(canvasElement.querySelector(`[data-step="${step}"]`)).toBeInstanceOf(HTMLElement),
  )
}
