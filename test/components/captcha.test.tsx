import { screen, within } from '@testing-library/react'
import type { UserEvent } from '@testing-library/user-event'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { RenderCaptcha } from '../../src/index.js'
import { DEMO_PASSWORD } from '../../src/testing/index.js'
import { startEmulatorServer } from '../support/emulatorServer.js'
import { message, type TestLocale } from '../support/messages.js'
import { credentialsForm, findStepHeading, renderLoginFlow } from '../support/renderLoginFlow.js'
import { recordTokenRequests } from '../support/tokenRequests.js'

const { server } = startEmulatorServer()

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
