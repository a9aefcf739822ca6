import { expect, fn, userEvent, waitFor, within } from 'storybook/test'
import preview from '../../.storybook/preview.js'
import { TwoFactorStep } from '../../src/index.js'
import { DEMO_PIN } from '../../src/testing/index.js'
import { lookOf } from '../support/look.js'
import { loadMessages } from '../support/messages.js'
import { submitPin } from '../support/play.js'
import { type StageArgs, StepStage } from '../support/StepStage.js'

const meta = preview.type<{ args: StageArgs & { signInAs: string } }>().meta({
  title: 'Components/TwoFactorStep',
  component: TwoFactorStep,
  args: { signInAs: 'mfa', pinLength: 6, resendCooldownSeconds: 30, onSuccess: fn() },
  argTypes: {
    renderCaptcha: { control: false },
  },
  render: ({ signInAs, onSuccess, ...props }, { globals }) => (
    // The key starts a new flow when the account changes in the controls.
    <StepStage key={signInAs} look={lookOf(globals)} signInAs={signInAs} onSuccess={onSuccess}>
      <TwoFactorStep {...props} />
    </StepStage>
  ),
})

/** The PIN step (STS_0011): a wrong PIN (STS_0013) keeps the user here, the right one signs in. */
export const EnterPin = meta.story({
  play: async ({ canvasElement, globals, args }) => {
    const m = await loadMessages(lookOf(globals).locale)
    const canvas = within(canvasElement)
    const resend = await canvas.findByRole('button', {
      name: m('twoFactor.resendIn', { seconds: 30 }),
    })
    await expect(resend).toHaveAttribute('aria-disabled', 'true')

    await submitPin(canvasElement, m, '000000')
    await expect(await canvas.findByText(m('errors.STS_0013'))).toBeVisible()
    await waitFor(() => expect(canvas.getByLabelText(m('twoFactor.pin'))).toHaveValue(''))
    await submitPin(canvasElement, m, DEMO_PIN)
    await expect(await canvas.findByText(m('signedIn.title'))).toHaveAttribute('role', 'status')
    await expect(args.onSuccess).toHaveBeenCalledOnce()
  },
})

/** A PIN that is too short is caught before anything is sent. */
export const InvalidPin = meta.story({
  play: async ({ canvasElement, globals }) => {
    const m = await loadMessages(lookOf(globals).locale)
    await submitPin(canvasElement, m, '12')
    const message = m('twoFactor.pinInvalid', { length: 6 })
    await expect(await within(canvasElement).findByText(message)).toBeVisible()
  },
})

/** The SMS could not be sent (STS_0014, account `sms-fail`): sending it again works at once. */
export const SmsNotSent = meta.story({
  args: { signInAs: 'sms-fail' },
  play: async ({ canvasElement, globals }) => {
    const m = await loadMessages(lookOf(globals).locale)
    const canvas = within(canvasElement)
    await expect(await canvas.findByText(m('errors.STS_0014'))).toBeVisible()
    await userEvent.click(canvas.getByRole('button', { name: m('twoFactor.resend') }))
    await expect(await canvas.findByText(m('twoFactor.resent'))).toBeVisible()
  },
})
