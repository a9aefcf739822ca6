import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it, vi } from 'vitest'
import { LoginFlow } from '../../src/index.js'
import { IDM_ORIGIN, startEmulatorServer } from '../support/emulatorServer.js'

startEmulatorServer()

function renderFlow(props: Partial<Parameters<typeof LoginFlow>[0]> = {}) {
  const onSuccess = vi.fn()
  render(
    <LoginFlow
      idm={{ baseUrl: IDM_ORIGIN, clientId: 'demo-client' }}
      locale="en"
      onSuccess={onSuccess}
      {...props}
    />,
  )
  return { onSuccess, user: userEvent.setup() }
}

describe('given the demo account', () => {
  it('signs in and hands the token to onSuccess', async () => {
    const { onSuccess, user } = renderFlow()
    await user.type(await screen.findByLabelText('Username or e-mail'), 'demo')
    await user.type(screen.getByLabelText('Password'), 'Demo.2026!')
    await user.click(screen.getByRole('button', { name: 'Sign in' }))
    expect(await screen.findByRole('heading', { name: 'You are signed in' })).toHaveFocus()
    expect(onSuccess).toHaveBeenCalledTimes(1)
    expect(onSuccess.mock.calls[0]?.[0]).toMatchObject({ tokenType: 'bearer', expiresIn: 31535999 })
  })

  it('shows the wrong-password message at the password field', async () => {
    const { user } = renderFlow()
    await user.type(await screen.findByLabelText('Username or e-mail'), 'demo')
    await user.type(screen.getByLabelText('Password'), 'nope')
    await user.click(screen.getByRole('button', { name: 'Sign in' }))
    expect(await screen.findByText('The password is not correct.')).toBeInTheDocument()
    expect(screen.getByLabelText('Password')).toHaveAttribute('aria-invalid', 'true')
    expect(screen.getByLabelText('Username or e-mail')).toHaveValue('demo')
  })

  it('goes through the PIN step', async () => {
    const { user, onSuccess } = renderFlow()
    await user.type(await screen.findByLabelText('Username or e-mail'), 'mfa')
    await user.type(screen.getByLabelText('Password'), 'Demo.2026!')
    await user.click(screen.getByRole('button', { name: 'Sign in' }))
    const pin = await screen.findByLabelText('Verification code')
    await user.type(pin, '000000')
    await user.click(screen.getByRole('button', { name: 'Verify' }))
    expect(await screen.findByText(/That code is not correct/)).toBeInTheDocument()
    await user.type(screen.getByLabelText('Verification code'), '123456')
    await user.click(screen.getByRole('button', { name: 'Verify' }))
    await screen.findByRole('heading', { name: 'You are signed in' })
    expect(onSuccess).toHaveBeenCalledTimes(1)
  })
})
