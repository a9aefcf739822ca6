/** The prefix of every class the components set; the stylesheet styles nothing else. */
export const PREFIX = 'idm-login'

/** `idm-login__part`, or `idm-login` for the root. */
export function part(name?: string): string {
  return name ? `${PREFIX}__${name}` : PREFIX
}

/** Joins class names, skipping empty ones. */
export function cx(...names: Array<string | false | null | undefined>): string {
  return names.filter(Boolean).join(' ')
}
