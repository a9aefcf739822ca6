import { act, screen } from '@testing-library/react'
import { createInstance, type i18n as I18n } from 'i18next'
import { I18nextProvider } from 'react-i18next'
import { describe, expect, it } from 'vitest'
import { NAMESPACE } from '../../src/index.js'
import { startEmulatorServer } from '../support/emulatorServer.js'
import { message } from '../support/messages.js'
import { credentialsForm, renderLoginFlow, signIn } from '../support/renderLoginFlow.js'

startEmulatorServer()
const en = (key: string) => message('en', key)
const tr = (key: string) => message('tr', key)

/** A host app's own i18next instance, initialised synchronously as apps do in tests. */
function hostI18n(language: string, resources: Record<string, Record<string, object>> = {}) {
  const instance = createInstance()
  instance.init({
    lng: language,
    fallbackLng: 'en',
    resources,
    initAsync: false,
    interpolation: { escapeValue: false },
  })
  return instance
}

const withHost = (instance: I18n) => (ui: React.ReactElement) => (
  <I18nextProvider i18n={instance}>{ui}</I18nextProvider>
)

describe('given a switch from English to Turkish while the user types', () => {
  it('keeps the typed username and password and relabels the fields', async () => {
    const { user, rerender } = renderLoginFlow({ locale: 'en' })
    const { username, password } = await credentialsForm('en')
    await user.type(username, 'ayşe')
    await user.type(password, 'Yarım-kalan.1')

    rerender({ locale: 'tr' })
    const turkish = await credentialsForm('tr')
    expect(turkish.username).toHaveValue('ayşe')
    expect(turkish.password).toHaveValue('Yarım-kalan.1')
    expect(screen.getByRole('heading', { name: tr('credentials.title') })).toBeVisible()
    expect(turkish.username.closest('[lang]')).toHaveAttribute('lang', 'tr')
  })

  it('translates an error already on screen', async () => {
    const { user, rerender } = renderLoginFlow({ locale: 'en' })
    await signIn(user, 'demo', 'wrong-password')
    await screen.findByText(en('errors.STS_0002'))
    rerender({ locale: 'tr' })
    expect(await screen.findByText(tr('errors.STS_0002'))).toBeVisible()
    expect(screen.queryByText(en('errors.STS_0002'))).not.toBeInTheDocument()
  })
})

describe("given the host app's i18next instance", () => {
  it('uses it: its language, its own wording, and the library namespace added to it', async () => {
    const host = hostI18n('tr', {
      tr: { [NAMESPACE]: { credentials: { title: 'Hoş geldiniz' } } },
    })
    renderLoginFlow({ locale: undefined }, { wrap: withHost(host) })

    expect(await screen.findByRole('heading', { name: 'Hoş geldiniz' })).toBeVisible()
    expect(await screen.findByLabelText(tr('credentials.username'))).toBeVisible()
    expect(host.hasResourceBundle('tr', NAMESPACE)).toBe(true)
    expect(host.getResource('tr', NAMESPACE, 'errors.STS_0002')).toBe(tr('errors.STS_0002'))
  })

  it("follows the host's language change", async () => {
    const host = hostI18n('en')
    renderLoginFlow({ locale: undefined }, { wrap: withHost(host) })
    await credentialsForm('en')
    await act(() => host.changeLanguage('tr'))
    expect(await screen.findByLabelText(tr('credentials.username'))).toBeVisible()
  })

  it('lets an explicit locale prop win over the host language', async () => {
    const host = hostI18n('en')
    renderLoginFlow({ locale: 'tr' }, { wrap: withHost(host) })
    expect(await screen.findByLabelText(tr('credentials.username'))).toBeVisible()
    expect(host.language).toBe('en')
  })
})

describe('given an integrator override through locales', () => {
  it('shows the overriding message and keeps the rest', async () => {
    const { user } = renderLoginFlow({ locales: { en: { errors: { STS_0002: 'Custom' } } } })
    await signIn(user, 'demo', 'wrong-password')
    expect(await screen.findByText('Custom')).toBeVisible()
    expect(screen.getByRole('heading', { name: en('credentials.title') })).toBeVisible()
  })

  it('wins over the host instance wording too', async () => {
    const host = hostI18n('en', { en: { [NAMESPACE]: { errors: { STS_0002: 'Host text' } } } })
    const { user } = renderLoginFlow(
      { locale: undefined, locales: { en: { errors: { STS_0002: 'Custom' } } } },
      { wrap: withHost(host) },
    )
    await signIn(user, 'demo', 'wrong-password')
    expect(await screen.findByText('Custom')).toBeVisible()
    expect(screen.queryByText('Host text')).not.toBeInTheDocument()
  })
})
