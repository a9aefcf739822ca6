import type { ReactNode } from 'react'
import { part } from './classNames.js'

/** What a captcha renderer receives. */
export interface CaptchaRenderProps {
  /** Report the captcha's answer; `undefined` when it expires. It goes out with the next request. */
  onChange(value: string | undefined): void
  /** The language the form is shown in, for captchas that localise themselves. */
  language: string
}

/** Renders the integrator's captcha, shown only once the server has asked for one. */
export type RenderCaptcha = (props: CaptchaRenderProps) => ReactNode

export function CaptchaSlot({ label, children }: { label: string; children: ReactNode }) {
  return (
    <fieldset className={part('captcha')}>
      <legend className={part('label')}>{label}</legend>
      {children}
    </fieldset>
  )
}
