import { screen } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { startEmulatorServer } from '../support/emulatorServer.js'
import { message } from '../support/messages.js'
import { credentialsForm, renderLoginFlow, signIn } from '../support/renderLoginFlow.js'
import { answerWithCode, recordTokenRequests } from '../support/tokenRequests.js'

const { server } = startEmulatorServer()
const en = (key: string) => message('en', key)

/** The element `input`'s `aria-describedby` points at, which must exist. */
function describedBy(input: HTMLElement) {
  const ids = input.getAttribute('aria-describedby')?.split(' ') ?? []
  return ids.map((id) => document.getElementById(id))
}

describe('given a fresh form', () => {
  it('marks no field invalid and describes none with an error', async () => {
    renderLoginFlow()
    const { username, password } = await credentialsForm()
    for (const field of [username, password]) {
      expect(field).not.toHaveAttribute('aria-invalid')
      expect(field).not.toHaveAttribute('aria-describedby')
    }
    expect(screen.queryByRole('alert')).not.toBeInTheDocument()
  })

  it('blocks an empty submit in the browser and sends nothing', async () => {
    const requests = recordTokenRequests(server)
    const { user } = renderLoginFlow()
    const { username, password, submit } = await credentialsForm()
    await user.click(submit)
    expect(await screen.findByText(en('errors.STS_0005'))).toBeVisible()
    expect(username).toHaveAttribute('aria-invalid', 'true')
    expect(username).toHaveFocus()
    expect(password).toHaveAccessibleDescription(en('errors.STS_0006'))
    expect(requests.bodies).toHaveLength(0)
  })
})

describe('given an unknown username (STS_0001)', () => {
  it('puts the error on the username field, keeps it, and focuses it', async () => {
    const { user } = renderLoginFlow()
    await signIn(user, 'nobody-here')
    const error = await screen.findByText(en('errors.STS_0001'))
    const { username, password } = await credentialsForm()

    expect(username).toHaveAttribute('aria-invalid', 'true')
    expect(describedBy(username)).toContain(error)
    expect(username).toHaveValue('nobody-here')
    expect(username).toHaveFocus()
    expect(password).not.toHaveAttribute('aria-invalid')
  })
})

describe('given a wrong password (STS_0002)', () => {
  it('puts the error on the password field, clears it and focuses it', async () => {
    const { user } = renderLoginFlow()
    await signIn(user, 'demo', 'not-the-password')
    const error = await screen.findByText(en('errors.STS_0002'))
    const { username, password } = await credentialsForm()

    expect(password).toHaveAttribute('aria-invalid', 'true')
    expect(describedBy(password)).toEqual([error])
    expect(error).toHaveAttribute('role', 'alert')
    expect(password).toHaveValue('')
    expect(password).toHaveFocus()
    expect(username).toHaveValue('demo')
    expect(username).not.toHaveAttribute('aria-invalid')
  })

  it('clears the error once the next attempt succeeds past it', async () => {
    const { user } = renderLoginFlow()
    await signIn(user, 'demo', 'not-the-password')
    await screen.findByText(en('errors.STS_0002'))
    await user.type(screen.getByLabelText(en('credentials.password')), 'Demo.2026!')
    await user.click(screen.getByRole('button', { name: en('credentials.submit') }))
    await screen.findByRole('heading', { name: en('signedIn.title') })
    expect(screen.queryByText(en('errors.STS_0002'))).not.toBeInTheDocument()
  })

  it('announces the same error again on a second failure', async () => {
    const { user } = renderLoginFlow()
    await signIn(user, 'demo', 'wrong-one')
    const first = await screen.findByText(en('errors.STS_0002'))
    await user.type(screen.getByLabelText(en('credentials.password')), 'wrong-two')
    await user.click(screen.getByRole('button', { name: en('credentials.submit') }))
    // The alert is mounted anew, so screen readers hear it again.
    await expect.poll(() => first.isConnected).toBe(false)
    expect(screen.getByText(en('errors.STS_0002'))).toHaveAttribute('role', 'alert')
  })
})

describe('given a password the server says is missing (STS_0006)', () => {
  it('points the password field at the message and focuses it', async () => {
    answerWithCode(server, 'STS_0006')
    const { user } = renderLoginFlow()
    await signIn(user, 'demo', 'typed-anyway')
    const error = await screen.findByText(en('errors.STS_0006'))
    const { password } = await credentialsForm()
    expect(describedBy(password)).toEqual([error])
    expect(password).toHaveFocus()
  })
})

describe('given a form-level error (STS_9999)', () => {
  it('shows an alert in the form, marks no field and keeps the username', async () => {
    const { user } = renderLoginFlow()
    await signIn(user, 'server-error')
    expect(await screen.findByRole('alert')).toHaveTextContent(en('errors.STS_9999'))
    const { username, password } = await credentialsForm()
    expect(username).not.toHaveAttribute('aria-invalid')
    expect(password).not.toHaveAttribute('aria-invalid')
    expect(username).toHaveValue('server-error')
  })
})

describe('given the show-password toggle', () => {
  it('reveals and hides the password with a pressed state', async () => {
    const { user } = renderLoginFlow()
    const { password } = await credentialsForm()
    await user.type(password, 'Secret')
    await user.click(screen.getByRole('button', { name: en('credentials.showPassword') }))
    expect(password).toHaveAttribute('type', 'text')
    const hide = screen.getByRole('button', { name: en('credentials.hidePassword') })
    expect(hide).toHaveAttribute('aria-pressed', 'true')
    await user.click(hide)
    expect(password).toHaveAttribute('type', 'password')
  })
})

describe('given a step change', () => {
  it('moves the focus to the new step heading, and back to the form on return', async () => {
    const { user } = renderLoginFlow()
    await signIn(user, 'inactive')
    const stopped = await screen.findByRole('heading', { name: en('stopped.title') })
    expect(stopped).toHaveFocus()
    await user.click(screen.getByRole('button', { name: en('stopped.back') }))
    expect(await screen.findByRole('heading', { name: en('credentials.title') })).toHaveFocus()
  })

  it('does not steal the focus on the first render', async () => {
    renderLoginFlow()
    await credentialsForm()
    expect(document.body).toHaveFocus()
  })
})
