import { type ReactNode, useEffect, useRef } from 'react'
import {
  LoginFlowProvider,
  type LoginFlowProviderProps,
  useLoginFlowContext,
} from '../../src/index.js'
import { DEMO_PASSWORD } from '../../src/testing/index.js'
import { storyChangePassword, storyIdm } from './idm.js'
import type { Look } from './look.js'

/** The flow options a step component's story takes besides the component's own props. */
export interface StageArgs {
  /** Called with the token once the emulator signs the user in. */
  onSuccess?: LoginFlowProviderProps['onSuccess']
  /** Called for every error and stop. */
  onError?: LoginFlowProviderProps['onError']
}

export interface StepStageProps extends Omit<LoginFlowProviderProps, 'children' | 'locale'> {
  look: Look
  /** An emulator account to sign in as on mount, so that the story opens on the step it reaches. */
  signInAs?: string
  children: ReactNode
}

/**
 * A step component on its own, as an app would place it in its own layout: inside a
 * `LoginFlowProvider` that talks to the emulated IDM, in a card that carries the theme and the
 * writing direction of the toolbar's choice.
 */
export function StepStage({ look, signInAs, children, ...options }: StepStageProps) {
  return (
    <LoginFlowProvider
      idm={storyIdm}
      changePassword={storyChangePassword}
      {...options}
      locale={look.locale}
    >
      <div
        className="idm-login"
        data-color-scheme={look.colorScheme}
        lang={look.locale}
        dir={look.dir}
      >
        {signInAs ? <SignInAs username={signInAs} /> : null}
        {children}
        <SignedInNote />
      </div>
    </LoginFlowProvider>
  )
}

/** A step on its own shows nothing once the user is signed in; the stage says so instead. */
function SignedInNote() {
  const { flow, t } = useLoginFlowContext('SignedInNote')
  if (flow.step !== 'signedIn') return null
  return (
    <p className="idm-login__description" role="status">
      {t('signedIn.title')}
    </p>
  )
}

/** Sends the credentials once, as if the user had signed in on a form this story leaves out. */
function SignInAs({ username }: { username: string }) {
  const { flow } = useLoginFlowContext('SignInAs')
  const isSent = useRef(false)
  useEffect(() => {
    if (isSent.current) return
    isSent.current = true
    flow.submitCredentials({ username, password: DEMO_PASSWORD })
  }, [flow, username])
  return null
}
