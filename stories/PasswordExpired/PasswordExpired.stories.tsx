import { expect, fn, userEvent, within } from 'storybook/test'
import preview from '../../.storybook/preview.js'
import { PasswordExpired } from '../../src/index.js'
import { storyCheckPassword } from '../support/idm.js'
import { lookOf } from '../support/look.js'
import { loadMessages } from '../support/messages.js'
import { type StageArgs, StepStage } from '../support/StepStage.js'

const meta = preview.type<{ args: StageArgs }>().meta({
  title: 'Components/PasswordExpired',
  component: PasswordExpired,
  args: {
    // The emulator's policy also wants a special character and no Turkish letters.
    passwordPolicy: { minLength: 8, special: true, noTurkishLetters: true },
    onSuccess: fn(),
  },
  argTypes: { checkPassword: { control: false } },
  render: ({ onSuccess, ...props }, { globals }) => (
    <StepStage look={lookOf(globals)} signInAs="expired" onSuccess={onSuccess}>
      <PasswordExpired {...props} />
    </StepStage>
  ),
})

/**
 * The expired-password step (STS_0009, account `expired`). The checklist follows the typing;
 * once every rule is met and both fields agree, the password changes and the user is signed in.
 */
export const WithChecklist = meta.story({
  play: async ({ canvasElement, globals, args }) => {
    const m = await loadMessages(lookOf(globals).locale)
    const canvas = within(canvasElement)
    const rule = (name: string) =>
      canvas.getByText(m(`passwordExpired.rules.${name}`, { count: 8 })).closest('li')
    const newPassword = await canvas.findByLabelText(m('passwordExpired.newPassword'))
    await expect(rule('minLength')).toHaveAttribute('data-state', 'unmet')

    await userEvent.type(newPassword, 'Expired1')
    await expect(rule('upperCase')).toHaveAttribute('data-state', 'met')
    await expect(rule('special')).toHaveAttribute('data-state', 'unmet')
    await expect(rule('notUsername')).toHaveAttribute('data-state', 'unmet')

    await userEvent.clear(newPassword)
    await userEvent.type(newPassword, 'Fresh.Start2026')
    for (const item of canvas.getAllByRole('listitem')) {
      await expect(item).toHaveAttribute('data-state', 'met')
    }
    await userEvent.type(canvas.getByLabelText(m('passwordExpired.confirmPassword')), 'Fresh.Start')
    await userEvent.click(canvas.getByRole('button', { name: m('passwordExpired.submit') }))
    await expect(await canvas.findByText(m('passwordExpired.mismatch'))).toBeVisible()

    await userEvent.type(canvas.getByLabelText(m('passwordExpired.confirmPassword')), '2026')
    await userEvent.click(canvas.getByRole('button', { name: m('passwordExpired.submit') }))
    await expect(await canvas.findByText(m('signedIn.title'))).toHaveAttribute('role', 'status')
    await expect(args.onSuccess).toHaveBeenCalledOnce()
  },
})

/**
 * With `checkPassword`, the server's policy has the last word before the change. Here the
 * checklist leaves out the upper-case rule that the emulator's policy has, so the server says no.
 */
export const ServerCheck = meta.story({
  args: {
    passwordPolicy: { minLength: 8, upperCase: false, special: true, noTurkishLetters: true },
    checkPassword: storyCheckPassword,
  },
  play: async ({ canvasElement, globals, args }) => {
    const m = await loadMessages(lookOf(globals).locale)
    const canvas = within(canvasElement)
    await userEvent.type(
      await canvas.findByLabelText(m('passwordExpired.newPassword')),
      'fresh.start2026',
    )
    await userEvent.type(
      canvas.getByLabelText(m('passwordExpired.confirmPassword')),
      'fresh.start2026',
    )
    await userEvent.click(canvas.getByRole('button', { name: m('passwordExpired.submit') }))
    const reasons = m('passwordExpired.rules.upperCase')
    const message = m('passwordExpired.serverRejected', { reasons })
    await expect(await canvas.findByText(message)).toBeVisible()
    await expect(args.onSuccess).not.toHaveBeenCalled()
  },
})
