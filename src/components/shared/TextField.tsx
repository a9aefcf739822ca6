import { forwardRef, type InputHTMLAttributes, type ReactNode, useId } from 'react'
import { Alert } from './Alert.js'
import { cx, part } from './classNames.js'

export interface TextFieldProps extends InputHTMLAttributes<HTMLInputElement> {
  label: string
  /** The message under the field; sets `aria-invalid` and `aria-describedby` only while shown. */
  error?: string | undefined
  /** Changes with each attempt, so a repeated error is announced again. */
  announceKey?: number
  hint?: ReactNode
  /** Rendered after the input, inside the field's box (a show-password toggle). */
  adornment?: ReactNode
}

/** A labelled input with its hint and error, the ids wired for assistive technology. */
export const TextField = forwardRef<HTMLInputElement, TextFieldProps>(function TextField(
  {
    label,
    error,
    announceKey,
    hint,
    adornment,
    className,
    id,
    'aria-describedby': describedByOthers,
    ...input
  },
  ref,
) {
  const generated = useId()
  const inputId = id ?? `${generated}-input`
  const hintId = hint ? `${generated}-hint` : undefined
  const errorId = error ? `${generated}-error` : undefined
  const describedBy = cx(errorId, hintId, describedByOthers) || undefined
  return (
    <div className={cx(part('field'), className)} data-invalid={error ? '' : undefined}>
      <label htmlFor={inputId} className={part('label')}>
        {label}
      </label>
      <div className={part('control')}>
        <input
          {...input}
          ref={ref}
          id={inputId}
          className={part('input')}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
        />
        {adornment}
      </div>
      {hint ? (
        <div id={hintId} className={part('hint')}>
          {hint}
        </div>
      ) : null}
      {error ? (
        <Alert id={errorId} announceKey={announceKey}>
          {error}
        </Alert>
      ) : null}
    </div>
  )
})
