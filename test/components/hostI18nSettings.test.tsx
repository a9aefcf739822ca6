import { render, screen } from '@testing-library/react'
import { createInstance } from 'i18next'
import { I18nextProvider } from 'react-i18next'
import { describe, expect, it } from 'vitest'
import { LoginFlow } from '../../src/index.js'

function hostInstance(options: object) {
  const host = createInstance()
  host.init({ lng: 'en', resources: {}, initAsync: false, ...options })
  return host
}

describe('given a host i18next instance with settings of its own', () => {
  it.each([
    ['keySeparator: false', { keySeparator: false }],
    ['fallbackLng: false', { fallbackLng: false }],
  ])('shows the shipped messages with %s', async (_name, options) => {
    render(
      <I18nextProvider i18n={hostInstance(options)}>
        <LoginFlow idm={{ baseUrl: 'http://idm.test', clientId: 'demo-client' }} />
      </I18nextProvider>,
    )
    expect(await screen.findByRole('heading', { name: 'Sign in' })).toBeInTheDocument()
    expect(screen.getByLabelText('Username or e-mail')).toBeInTheDocument()
  })

  it.each([
    ['has no fallback', { fallbackLng: false }],
    ['falls back to Turkish', { fallbackLng: 'tr' }],
  ])('fills a partial language from English even when the host %s', async (_name, options) => {
    render(
      <I18nextProvider i18n={hostInstance(options)}>
        <LoginFlow
          idm={{ baseUrl: 'http://idm.test', clientId: 'demo-client' }}
          locale="de"
          locales={{ de: { credentials: { title: 'Anmelden' } } }}
        />
      </I18nextProvider>,
    )
    expect(await screen.findByRole('heading', { name: 'Anmelden' })).toBeInTheDocument()
    expect(await screen.findByLabelText('Username or e-mail')).toBeInTheDocument()
  })
})
