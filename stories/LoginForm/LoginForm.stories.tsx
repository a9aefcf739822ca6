import { expect, fn, userEvent, waitFor, within } from 'storybook/test'
import preview from '../../.storybook/preview.js'
import type { TokenFetcher } from '../../src/index.js'
import { LoginForm } from '../../src/index.js'
import { DEMO_PASSWORD } from '../../src/testing/index.js'
import { lookOf } from '../support/look.js'
import { loadMessages } from '../support/messages.js'
import { signIn } from '../support/play.js'
import { StoryCaptcha } from '../support/StoryCaptcha.js'
import { type StageArgs, StepStage } from '../support/StepStage.js'

/** A fetcher whose answer never comes, until the flow gives up on it. */
const neverAnswers: TokenFetcher = (_request, signal) =>
  new Promise((resolve) => signal.addEventListener('abort', () => resolve({ type: 'aborted' })))

const meta = preview.type<{ args: StageArgs }>().meta({
  title: 'Components/LoginForm',
  component: LoginForm,
  args: {
    links: <a href="#forgot-password">Forgot password?</a>,
    onSuccess: fn(),
    onError: fn(),
  },
  argTypes: {
    links: { control: false },
    renderCaptcha: { control: false },
  },
  render: ({ onSuccess, onError, ...props }, { globals }) => (
    <StepStage look={lookOf(globals)} onSuccess={onSuccess} onError={onError}>
      <LoginForm {...props} />
    </StepStage>
  ),
})

/** The sign-in form as it opens. */
export const Idle = meta.story({})

/** Sent empty: the form names both missing fields without asking the server. */
export const WithFieldErrors = meta.story({
  play: async ({ canvasElement, globals }) => {
    const m = await loadMessages(lookOf(globals).locale)
    const canvas = within(canvasElement)
    await userEvent.click(await canvas.findByRole('button', { name: m('credentials.submit') }))
    await expect(await canvas.findByText(m('errors.STS_0005'))).toBeVisible()
    await expect(canvas.getByText(m('errors.STS_0006'))).toBeVisible()
    const username = canvas.getByLabelText(m('credentials.username'))
    await expect(username).toHaveAttribute('aria-invalid', 'true')
    await waitFor(() => expect(username).toHaveFocus())
  },
})

/** The server's answer to a wrong password (STS_0002), at the password field. */
export const WrongPassword = meta.story({
  play: async ({ canvasElement, globals }) => {
    const m = await loadMessages(lookOf(globals).locale)
    await signIn(canvasElement, m, { username: 'demo', password: 'not-the-password' })
    const canvas = within(canvasElement)
    await expect(await canvas.findByText(m('errors.STS_0002'))).toBeVisible()
    await expect(canvas.getByLabelText(m('credentials.password'))).toHaveValue('')
  },
})

/** While the request is on its way: the button says so and further submits are ignored. */
export const Submitting = meta.story({
  render: ({ onSuccess, onError, ...props }, { globals }) => (
    <StepStage look={lookOf(globals)} {...{ onSuccess, onError }} fetchToken={neverAnswers}>
      <LoginForm {...props} />
    </StepStage>
  ),
  play: async ({ canvasElement, globals }) => {
    const m = await loadMessages(lookOf(globals).locale)
    await signIn(canvasElement, m, { username: 'demo', password: DEMO_PASSWORD })
    const canvas = within(canvasElement)
    const button = await canvas.findByRole('button', { name: m('credentials.submitting') })
    await expect(button).toHaveAttribute('aria-disabled', 'true')
    await expect(canvasElement.querySelector('form')).toHaveAttribute('aria-busy', 'true')
  },
})

/**
 * From the third wrong password in a row the server asks for a captcha (`request_captcha`);
 * `renderCaptcha` shows the app's own, and its answer goes out with the next request.
 */
export const Captcha = meta.story({
  args: { renderCaptcha: (props) => <StoryCaptcha {...props} /> },
  play: async ({ canvasElement, globals, args }) => {
    const m = await loadMessages(lookOf(globals).locale)
    const canvas = within(canvasElement)
    for (const [i, password] of ['wrong-1', 'wrong-2', 'wrong-3'].entries()) {
      await signIn(canvasElement, m, { username: i === 0 ? 'demo' : undefined, password })
      await waitFor(() => expect(args.onError).toHaveBeenCalledTimes(i + 1))
      // The form empties a rejected password itself; typing before that would be lost.
      await waitFor(() => expect(canvas.getByLabelText(m('credentials.password'))).toHaveValue(''))
    }
    await expect(await canvas.findByRole('group', { name: m('captcha.label') })).toBeVisible()

    await signIn(canvasElement, m, { password: DEMO_PASSWORD })
    await expect(await canvas.findByText(m('captcha.required'))).toBeVisible()
    await userEvent.click(canvas.getByRole('checkbox'))
    await userEvent.click(canvas.getByRole('button', { name: m('credentials.submit') }))
    await waitFor(() => expect(args.onSuccess).toHaveBeenCalledOnce())
  },
})
