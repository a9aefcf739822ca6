import { useEffect, useId, useRef } from 'react'
import type { TokenResponse, UseLoginFlowResult } from '../src/index.js'
import type { DemoLanguage, DemoText } from './demoText.js'

/** What the demo keeps of a token: its type and lifetime. The token itself is dropped at once. */
export interface TokenSummary {
  tokenType: string | undefined
  /** Milliseconds since the epoch, or `undefined` when the server gave no lifetime. */
  expiresAt: number | undefined
}

/** Reads the type and expiry of a token answer, keeping nothing secret. */
export function summariseToken(token: TokenResponse, now = Date.now()): TokenSummary {
  const expireDate = token.raw.expire_date
  const expiresAt =
    token.expiresIn !== undefined
      ? now + token.expiresIn * 1000
      : typeof expireDate === 'string' && !Number.isNaN(Date.parse(expireDate))
        ? Date.parse(expireDate)
        : undefined
  return { tokenType: token.tokenType, expiresAt }
}

function formatExpiry(expiresAt: number, language: DemoLanguage): string {
  const days = Math.round((expiresAt - Date.now()) / 86_400_000)
  const date = new Intl.DateTimeFormat(language, { dateStyle: 'long', timeStyle: 'short' }).format(
    expiresAt,
  )
  const relative = new Intl.RelativeTimeFormat(language, { numeric: 'auto' }).format(days, 'day')
  return `${date} (${relative})`
}

/** Replaces the library's signed-in confirmation: the token's type and expiry, and a restart. */
export function SignedInPanel({
  flow,
  token,
  language,
  text,
}: {
  flow: UseLoginFlowResult
  token: TokenSummary | undefined
  language: DemoLanguage
  text: DemoText
}) {
  const headingId = useId()
  const heading = useRef<HTMLHeadingElement>(null)
  // As the library does for its own steps: the new step's heading takes the focus.
  useEffect(() => heading.current?.focus(), [])
  return (
    <section className="demo-signed-in" aria-labelledby={headingId} data-step="signedIn">
      <h2 id={headingId} ref={heading} tabIndex={-1} className="idm-login__title">
        {text.signedInTitle}
      </h2>
      <dl className="demo-signed-in__details">
        <dt>{text.tokenType}</dt>
        <dd>{token?.tokenType ?? text.notGiven}</dd>
        <dt>{text.expires}</dt>
        <dd>{token?.expiresAt ? formatExpiry(token.expiresAt, language) : text.notGiven}</dd>
      </dl>
      <p className="idm-login__description">{text.tokenHidden}</p>
      <button
        type="button"
        className="idm-login__button idm-login__button--primary"
        onClick={flow.restart}
      >
        {text.signInAgain}
      </button>
    </section>
  )
}
