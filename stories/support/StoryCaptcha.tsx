import { useId, useState } from 'react'
import type { CaptchaRenderProps } from '../../src/index.js'

/**
 * NOT A REAL CAPTCHA: a checkbox standing in for reCAPTCHA, hCaptcha or Turnstile, to show where
 * a captcha goes once the server asks for one. A real widget reports its token to `onChange`.
 */
export function StoryCaptcha({ onChange }: CaptchaRenderProps) {
  const [isChecked, setChecked] = useState(false)
  const id = useId()
  return (
    <div>
      <input
        id={id}
        type="checkbox"
        checked={isChecked}
        onChange={(event) => {
          setChecked(event.target.checked)
          onChange(event.target.checked ? 'story-captcha-token' : undefined)
        }}
      />{' '}
      <label htmlFor={id}>I am not a robot (stand-in)</label>
    </div>
  )
}
