import { render, screen } from '@testing-library/react'
import userEvent, { type UserEvent } from '@testing-library/user-event'
import type { ReactElement } from 'react'
import { vi } from 'vitest'
import { LoginFlow, type LoginFlowProps } from '../../src/index.js'
import { DEMO_CLIENT_ID, DEMO_PASSWORD } from '../../src/testing/index.js'
import { IDM_ORIGIN } from './emulatorServer.js'
import { message, type TestLocale } from './messages.js'

export const IDM_OPTIONS = { baseUrl: IDM_ORIGIN, clientId: DEMO_CLIENT_ID }

/**
 * Renders `<LoginFlow>` against the emulator, with spies for its callbacks. `wrap` puts
 * providers around it; `rerender` takes prop changes and keeps the rest.
 */
export function renderLoginFlow(
  props: Partial<LoginFlowProps> = {},
  options: { wrap?: (flow: ReactElement) => ReactElement } = {},
) {
  const onSuccess = vi.fn<NonNullable<LoginFlowProps['onSuccess']>>()
  const onError = vi.fn<NonNullable<LoginFlowProps['onError']>>()
  const onStepChange = vi.fn<NonNullable<LoginFlowProps['onStepChange']>>()
  const wrap = options.wrap ?? ((flow: ReactElement) => flow)
  const element = (next: Partial<LoginFlowProps>) =>
    wrap(
      <LoginFlow
        idm={IDM_OPTIONS}
        locale="en"
        onSuccess={onSuccess}
        onError={onError}
        onStepChange={onStepChange}
        {...next}
      />,
    )
  let current = props
  const result = render(element(current))
  return {
    ...result,
    user: userEvent.setup(),
    onSuccess,
    onError,
    onStepChange,
    rerender(changes: Partial<LoginFlowProps>) {
      current = { ...current, ...changes }
      result.rerender(element(current))
    },
  }
}

/** The fields and buttons of the credentials step, found by their localized labels. */
export async function credentialsForm(locale: TestLocale = 'en') {
  const username = await screen.findByLabelText(message(locale, 'credentials.username'))
  return {
    username,
    password: screen.getByLabelText(message(locale, 'credentials.password')),
    submit: screen.getByRole('button', { name: message(locale, 'credentials.submit') }),
  }
}

/** Types a username and password and submits them. An empty string leaves a field untouched. */
export async function signIn(
  user: UserEvent,
  username: string,
  password = DEMO_PASSWORD,
  locale: TestLocale = 'en',
) {
  const form = await credentialsForm(locale)
  if (username !== '') await user.type(form.username, username)
  if (password !== '') await user.type(form.password, password)
  await user.click(form.submit)
}

/** Types a PIN on the two-factor step and submits it. */
export async function submitPin(user: UserEvent, pin: string, locale: TestLocale = 'en') {
  const field = await screen.findByLabelText(message(locale, 'twoFactor.pin'))
  await user.clear(field)
  await user.type(field, pin)
  await user.click(screen.getByRole('button', { name: message(locale, 'twoFactor.submit') }))
}

/** Waits for the heading of a step, by its localized title key. */
export function findStepHeading(titleKey: string, locale: TestLocale = 'en') {
  return screen.findByRole('heading', { name: message(locale, titleKey) })
}

/**
 * Silences the library's own dev console errors (they are asserted in their own tests) and
 * lets every other console error through, so React warnings still show.
 */
export function silenceLibraryErrors() {
  const original = console.error
  return vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
    if (typeof args[0] === 'string' && args[0].startsWith('[react-idm-login]')) return
    original(...args)
  })
}
