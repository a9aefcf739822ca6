import { screen, within } from '@testing-library/react'
import type { UserEvent } from '@testing-library/user-event'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { RenderCaptcha } from '../../src/index.js'
import { DEMO_PASSWORD } from '../../src/testing/index.js'
import { startEmulatorServer } from '../support/emulatorServer.js'
import { message, type TestLocale } from '../support/messages.js'
import {
  credentialsForm,
  findStepHeading,
  renderLoginFlow,
  signIn,
  silenceLibraryErrors,
  submitPin,
} from '../support/renderLoginFlow.js'
import { answerWithCode, recordTokenRequests } from '../support/tokenRequests.js'

const { server } = startEmulatorServer()
const en = (key: string) => message('en', key)

afterEach(() => {
  vi.restoreAllMocks()
})

/** A stand-in captcha widget: a text box whose value is the captcha's answer. */
const renderCaptcha: RenderCaptcha = ({ onChange, language }) => (
  <label>
    {`Captcha (${language})`}
    <input onChange={(event) => onChange(event.target.value || undefined)} />
  </label>
)

/** Three wrong passwords in a row for `demo`: the third answer asks for a captcha. */
async function failThreeTimes(user: UserEvent, locale: TestLocale) {
  const { username, password, submit } = await credentialsForm(locale)
  await user.type(username, 'demo')
  for (let attempt = 1; attempt <= 3; attempt++) {
    await user.type(password, `wrong-${attempt}`)
    await user.click(submit)
    // The form clears the password after each STS_0002; wait for that before typing again.
    await vi.waitFor(() => expect(password).toHaveValue(''))
    await vi.waitFor(() => expect(submit).not.toHaveAttribute('aria-disabled'))
  }
}

describe.each(['en', 'tr'] as const)('given the %s locale and a server that asks', (locale) => {
  const text = (key: string) => message(locale, key)

  it('shows the captcha slot only after the third failure', async () => {
    const requests = recordTokenRequests(server)
    const { user } = renderLoginFlow({ locale, renderCaptcha })
    const { username, password, submit } = await credentialsForm(locale)
    await user.type(username, 'demo')
    for (let attempt = 1; attempt <= 2; attempt++) {
      await user.type(password, `wrong-${attempt}`)
      await user.click(submit)
      await vi.waitFor(() => expect(requests.bodies).toHaveLength(attempt))
      await vi.waitFor(() => expect(password).toHaveValue(''))
    }
    expect(screen.queryByRole('group', { name: text('captcha.label') })).not.toBeInTheDocument()

    await user.type(password, 'wrong-3')
    await user.click(submit)
    const slot = await screen.findByRole('group', { name: text('captcha.label') })
    expect(within(slot).getByLabelText(`Captcha (${locale})`)).toBeVisible()
  })

  it('refuses to send without a captcha, and sends the answer under `captcha`', async () => {
    const requests = recordTokenRequests(server)
    const { user, onSuccess } = renderLoginFlow({ locale, renderCaptcha })
    await failThreeTimes(user, locale)
    const widget = await screen.findByLabelText(`Captcha (${locale})`)
    const { password, submit } = await credentialsForm(locale)

    await user.type(password, DEMO_PASSWORD)
    await user.click(submit)
    expect(await screen.findByText(text('captcha.required'))).toHaveAttribute('role', 'alert')
    expect(requests.bodies).toHaveLength(3)

    await user.type(widget, 'solved-42')
    expect(screen.queryByText(text('captcha.required'))).not.toBeInTheDocument()
    await user.click(submit)
    await findStepHeading('signedIn.title', locale)
    expect(requests.bodies).toHaveLength(4)
    expect(requests.bodies[3]?.get('captcha')).toBe('solved-42')
    expect(requests.bodies.slice(0, 3).map((body) => body.has('captcha'))).toEqual([
      false,
      false,
      false,
    ])
    expect(onSuccess).toHaveBeenCalledTimes(1)
  })
})

describe('given a custom captcha field name', () => {
  it('sends the answer under that name', async () => {
    const requests = recordTokenRequests(server)
    const { user } = renderLoginFlow({ renderCaptcha, captchaField: 'g-recaptcha-response' })
    await failThreeTimes(user, 'en')
    await user.type(await screen.findByLabelText('Captcha (en)'), 'token-xyz')
    await user.type((await credentialsForm()).password, DEMO_PASSWORD)
    await user.click((await credentialsForm()).submit)
    await findStepHeading('signedIn.title')
    expect(requests.bodies[3]?.get('g-recaptcha-response')).toBe('token-xyz')
  })
})

describe('given the PIN step and a server that asks for a captcha', () => {
  it.each<[string, (user: UserEvent) => Promise<void>]>([
    ['a PIN', (user) => submitPin(user, '111111')],
    [
      'a resend',
      (user) => user.click(screen.getByRole('button', { name: en('twoFactor.resend') })),
    ],
  ])('says to complete the captcha when %s is sent without it', async (_, send) => {
    silenceLibraryErrors()
    const { user } = renderLoginFlow({ renderCaptcha, resendCooldownSeconds: 0 })
    await signIn(user, 'mfa')
    await findStepHeading('twoFactor.title')
    answerWithCode(server, 'STS_0013', { captcha: true })
    const requests = recordTokenRequests(server)
    await submitPin(user, '000000')
    const widget = await screen.findByLabelText('Captcha (en)')
    expect(screen.queryByText(en('captcha.required'))).not.toBeInTheDocument()

    await send(user)
    expect(await screen.findByText(en('captcha.required'))).toHaveAttribute('role', 'alert')
    expect(requests.bodies).toHaveLength(1)

    await user.type(widget, 'solved-7')
    await submitPin(user, '222222')
    await vi.waitFor(() => expect(requests.bodies).toHaveLength(2))
    expect(requests.bodies[1]?.get('captcha')).toBe('solved-7')
  })
})

describe('given no renderCaptcha and a server that asks for a captcha', () => {
  it('logs a development error that names renderCaptcha, and sends nothing more', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined)
    answerWithCode(server, 'STS_0002', { captcha: true })
    const requests = recordTokenRequests(server)
    const { user } = renderLoginFlow()
    await signIn(user, 'demo', 'wrong-1')
    const { password, submit } = await credentialsForm()
    await vi.waitFor(() => expect(password).toHaveValue(''))

    const own = () => error.mock.calls.filter(([text]) => String(text).includes('renderCaptcha'))
    await vi.waitFor(() => expect(own()).toHaveLength(1))
    expect(own()[0]).toEqual([
      '[react-idm-login] <LoginForm>: the IDM asked for a captcha (request_captcha), but no ' +
        'renderCaptcha was given, so the user cannot send another request. Pass renderCaptcha ' +
        'to <LoginFlow> or the step.',
    ])

    // By design the form still refuses to send without a captcha.
    await user.type(password, DEMO_PASSWORD)
    await user.click(submit)
    expect(await screen.findByText(en('captcha.required'))).toHaveAttribute('role', 'alert')
    expect(requests.bodies).toHaveLength(1)
    expect(own()).toHaveLength(1)
  })
})
