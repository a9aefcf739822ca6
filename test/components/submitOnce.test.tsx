import { screen } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { startEmulatorServer } from '../support/emulatorServer.js'
import { message } from '../support/messages.js'
import {
  credentialsForm,
  findStepHeading,
  renderLoginFlow,
  signIn,
} from '../support/renderLoginFlow.js'
import { recordTokenRequests } from '../support/tokenRequests.js'

const { server } = startEmulatorServer()
const en = (key: string) => message('en', key)

/** Counts every request that reaches the network layer, whatever its URL. */
function countRequests() {
  const started: string[] = []
  const listener = ({ request }: { request: Request }) => {
    started.push(request.url)
  }
  server.events.on('request:start', listener)
  return { started, stop: () => server.events.removeListener('request:start', listener) }
}

describe('given a request in flight', () => {
  it('sends exactly one request for a double click', async () => {
    const requests = recordTokenRequests(server, { hold: true })
    const counter = countRequests()
    const { user, onSuccess } = renderLoginFlow()
    const { username, password, submit } = await credentialsForm()
    await user.type(username, 'demo')
    await user.type(password, 'Demo.2026!')
    await user.dblClick(submit)
    await user.click(submit)

    expect(submit).toHaveAttribute('aria-disabled', 'true')
    expect(submit).toHaveAccessibleName(en('credentials.submitting'))
    requests.release()
    await findStepHeading('signedIn.title')
    counter.stop()
    expect(counter.started).toHaveLength(1)
    expect(requests.bodies).toHaveLength(1)
    expect(onSuccess).toHaveBeenCalledTimes(1)
  })

  it('sends exactly one request for Enter followed by a click', async () => {
    const requests = recordTokenRequests(server, { hold: true })
    const counter = countRequests()
    const { user } = renderLoginFlow()
    const { username, password, submit } = await credentialsForm()
    await user.type(username, 'demo')
    await user.type(password, 'wrong-password{Enter}')
    await user.click(submit)
    await user.keyboard('{Enter}')

    requests.release()
    expect(await screen.findByText(en('errors.STS_0002'))).toBeVisible()
    counter.stop()
    expect(counter.started).toHaveLength(1)
    expect(requests.bodies).toHaveLength(1)
  })

  it('sends one PIN for a double click on Verify', async () => {
    const { user } = renderLoginFlow()
    await signIn(user, 'mfa')
    await findStepHeading('twoFactor.title')
    const requests = recordTokenRequests(server, { hold: true })
    await user.type(screen.getByLabelText(en('twoFactor.pin')), '123456')
    await user.dblClick(screen.getByRole('button', { name: en('twoFactor.submit') }))
    requests.release()
    await findStepHeading('signedIn.title')
    expect(requests.bodies).toHaveLength(1)
  })

  it('lets the user submit again once the answer has arrived', async () => {
    const requests = recordTokenRequests(server)
    const { user } = renderLoginFlow()
    await signIn(user, 'demo', 'wrong-password')
    await screen.findByText(en('errors.STS_0002'))
    await user.type(screen.getByLabelText(en('credentials.password')), 'Demo.2026!')
    await user.keyboard('{Enter}')
    await findStepHeading('signedIn.title')
    expect(requests.bodies).toHaveLength(2)
  })
})
