import { expect, fn, userEvent, waitFor, within } from 'storybook/test'
import preview from '../../.storybook/preview.js'
import { LoginFlow } from '../../src/index.js'
import { DEMO_PASSWORD, DEMO_PIN } from '../../src/testing/index.js'
import { storyChangePassword, storyIdm } from '../support/idm.js'
import { lookOf } from '../support/look.js'
import { loadMessages } from '../support/messages.js'
import { expectStep, signIn, submitPin } from '../support/play.js'

/** The password the expired-password stories choose: it meets the emulator's policy. */
const NEW_PASSWORD = 'Fresh.Start2026'

const meta = preview.meta({
  title: 'Components/LoginFlow',
  component: LoginFlow,
  args: {
    idm: storyIdm,
    changePassword: storyChangePassword,
    // The emulator's policy (stories/support/idm.ts) also wants a special character.
    passwordPolicy: { minLength: 8, special: true, noTurkishLetters: true },
    pinLength: 6,
    resendCooldownSeconds: 30,
    unstyled: false,
    links: (
      <>
        {/* An app translates its own links; `dir="auto"` keeps these readable in Arabic. */}
        <a href="#forgot-password" dir="auto">
          Forgot password?
        </a>
        <a href="#help" dir="auto">
          Help
        </a>
      </>
    ),
    onSuccess: fn(),
    onStepChange: fn(),
    onError: fn(),
  },
  argTypes: {
    locale: { control: false, description: 'Set by the Language toolbar in these stories.' },
    colorScheme: {
      control: 'inline-radio',
      options: ['light', 'dark', 'auto'],
      description: 'Without it, these stories follow the Theme toolbar.',
    },
    locales: { control: false },
    fetchToken: { control: false },
    changePassword: { control: false },
    checkPassword: { control: false },
    renderCaptcha: { control: false },
    renderSignedIn: { control: false },
    header: { control: false },
    footer: { control: false },
    links: { control: false },
    support: { control: false },
    twoFactorSetup: { control: false },
  },
  render: (args, { globals }) => {
    const look = lookOf(globals)
    return (
      <LoginFlow
        {...args}
        locale={look.locale}
        colorScheme={args.colorScheme ?? look.colorScheme}
      />
    )
  },
})

/** The flow as it opens. Every demo account of the emulator works here; see the Guide. */
export const Playground = meta.story({})

/** The main path: the `demo` account signs in, and the app receives the token. */
export const SignIn = meta.story({
  play: async ({ canvasElement, globals, args }) => {
    const m = await loadMessages(lookOf(globals).locale)
    await signIn(canvasElement, m, { username: 'demo', password: DEMO_PASSWORD })
    const heading = await within(canvasElement).findByRole('heading', { name: m('signedIn.title') })
    // The new step's heading takes the focus, so a screen reader starts reading there.
    await expect(heading).toHaveFocus()
    await expect(args.onSuccess).toHaveBeenCalledOnce()
  },
})

/** A wrong password (STS_0002): the message sits at the password field, the username stays. */
export const WrongPassword = meta.story({
  play: async ({ canvasElement, globals, args }) => {
    const m = await loadMessages(lookOf(globals).locale)
    const canvas = within(canvasElement)
    await signIn(canvasElement, m, { username: 'demo', password: 'not-the-password' })
    await expect(await canvas.findByText(m('errors.STS_0002'))).toBeVisible()
    const password = canvas.getByLabelText(m('credentials.password'))
    await expect(password).toHaveAttribute('aria-invalid', 'true')
    await waitFor(() => expect(password).toHaveFocus())
    await expect(canvas.getByLabelText(m('credentials.username'))).toHaveValue('demo')
    await expect(args.onError).toHaveBeenCalledWith(
      expect.objectContaining({ code: 'STS_0002', step: 'credentials' }),
    )
  },
})

/** Two-factor login (`mfa`): a wrong PIN (STS_0013) first, then the right one signs in. */
export const TwoFactorPin = meta.story({
  play: async ({ canvasElement, globals, args }) => {
    const m = await loadMessages(lookOf(globals).locale)
    const canvas = within(canvasElement)
    await signIn(canvasElement, m, { username: 'mfa', password: DEMO_PASSWORD })
    await expectStep(canvasElement, 'twoFactor')
    await submitPin(canvasElement, m, '000000')
    await expect(await canvas.findByText(m('errors.STS_0013'))).toBeVisible()
    // The step empties a rejected PIN itself; typing before that would be lost.
    await waitFor(() => expect(canvas.getByLabelText(m('twoFactor.pin'))).toHaveValue(''))
    await submitPin(canvasElement, m, DEMO_PIN)
    await expectStep(canvasElement, 'signedIn')
    await expect(args.onSuccess).toHaveBeenCalledOnce()
  },
})

/**
 * An expired password (`expired`, STS_0009): the checklist follows the typing, and the new
 * password, once changed through the emulator, signs in.
 */
export const ExpiredPassword = meta.story({
  play: async ({ canvasElement, globals, args }) => {
    const m = await loadMessages(lookOf(globals).locale)
    const canvas = within(canvasElement)
    await signIn(canvasElement, m, { username: 'expired', password: DEMO_PASSWORD })
    const newPassword = await canvas.findByLabelText(m('passwordExpired.newPassword'))

    await userEvent.type(newPassword, 'short')
    const rule = (name: string) =>
      canvas.getByText(m(`passwordExpired.rules.${name}`, { count: 8 })).closest('li')
    await expect(rule('minLength')).toHaveAttribute('data-state', 'unmet')
    await expect(rule('lowerCase')).toHaveAttribute('data-state', 'met')

    await userEvent.clear(newPassword)
    await userEvent.type(newPassword, NEW_PASSWORD)
    await expect(rule('minLength')).toHaveAttribute('data-state', 'met')
    await userEvent.type(canvas.getByLabelText(m('passwordExpired.confirmPassword')), NEW_PASSWORD)
    await userEvent.click(canvas.getByRole('button', { name: m('passwordExpired.submit') }))
    await expectStep(canvasElement, 'signedIn')
    await expect(args.onSuccess).toHaveBeenCalledOnce()
  },
})

/** Arabic: the flow's root takes `dir="rtl"`, and the stylesheet mirrors with it. */
export const RightToLeft = meta.story({
  globals: { locale: 'ar' },
  play: async ({ canvasElement }) => {
    const m = await loadMessages('ar')
    const canvas = within(canvasElement)
    const username = await canvas.findByLabelText(m('credentials.username'))
    await expect(canvasElement.querySelector('.idm-login')).toHaveAttribute('dir', 'rtl')
    // Usernames and e-mail addresses are mostly Latin: the field follows what is typed.
    await expect(username).toHaveAttribute('dir', 'auto')
  },
})

/** The pseudo-locale: longer, accented text shows cut-off layouts and hard-coded strings. */
export const PseudoLocale = meta.story({
  globals: { locale: 'en-XA' },
  play: async ({ canvasElement }) => {
    const m = await loadMessages('en-XA')
    await expect(await within(canvasElement).findByText(m('credentials.description'))).toBeVisible()
  },
})

/** The default dark scheme, also checked for contrast by the accessibility test. */
export const Dark = meta.story({ globals: { theme: 'dark' } })

/** The example product theme (`stories/themes/product.css`), custom properties only. */
export const ProductTheme = meta.story({ globals: { theme: 'product' } })
