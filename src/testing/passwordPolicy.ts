/**
 * A password policy, as the emulator's `/api/password/check` enforces it. The real IDM's policy
 * is configured per installation; these switches cover the rules its documentation names.
 */
export interface EmulatorPasswordPolicy {
  /**
   * The fewest characters (Unicode code points) a password may have. Failing it gives PAS_0001.
   * @default 8
   */
  minLength: number
  /** At least one lower-case letter, else PAS_0004. @default true */
  requireLowercase: boolean
  /** At least one upper-case letter, else PAS_0005. @default true */
  requireUppercase: boolean
  /**
   * At least one character that is not a letter, a digit or a space, else PAS_0006.
   * @default true
   */
  requireSpecial: boolean
  /** At least one digit, else PAS_0007. @default true */
  requireDigit: boolean
  /** None of the Turkish letters `çğıİöşüÇĞÖŞÜ`, else PAS_0008. @default true */
  forbidTurkishLetters: boolean
}

/** One broken rule, in the shape of an entry of the IDM's `ErrorList`. */
export interface EmulatorPasswordPolicyError {
  /** The emulator's PAS code (see {@link checkPasswordPolicy}). */
  ResultCode: string
  /** An English sentence, as the server would send it. */
  Message: string
}

/** The policy the emulator enforces unless told otherwise. */
export const DEFAULT_PASSWORD_POLICY: Readonly<EmulatorPasswordPolicy> = {
  minLength: 8,
  requireLowercase: true,
  requireUppercase: true,
  requireSpecial: true,
  requireDigit: true,
  forbidTurkishLetters: true,
}

/**
 * Checks a candidate password against a policy and lists every rule it breaks, in code order.
 *
 * The IDM's full list of PAS codes is not public: only PAS_0005 (needs an upper-case letter) and
 * PAS_0007 (needs a digit) have been seen from a real server. The other numbers are the
 * emulator's own: PAS_0001 too short, PAS_0004 no lower-case letter, PAS_0006 no special
 * character, PAS_0008 contains a Turkish letter. (The emulator's password change also uses
 * PAS_0009, the new password equals the current one.) PAS_0002 and PAS_0003 are unused.
 *
 * @example
 * checkPasswordPolicy('short') // PAS_0001, PAS_0005, PAS_0006, PAS_0007
 */
export function checkPasswordPolicy(
  password: string,
  policy: Partial<EmulatorPasswordPolicy> = {},
): EmulatorPasswordPolicyError[] {
  const rules = { ...DEFAULT_PASSWORD_POLICY, ...policy }
  const errors: EmulatorPasswordPolicyError[] = []
  const fail = (ResultCode: string, Message: string) => errors.push({ ResultCode, Message })

  // Code points, not UTF-16 units, so that an emoji counts as one character.
  if ([...password].length < rules.minLength) {
    fail('PAS_0001', `Password must be at least ${rules.minLength} characters long.`)
  }
  if (rules.requireLowercase && !/\p{Ll}/u.test(password)) {
    fail('PAS_0004', 'Password must contain at least one lower-case letter.')
  }
  if (rules.requireUppercase && !/\p{Lu}/u.test(password)) {
    fail('PAS_0005', 'Password must contain at least one upper-case letter.')
  }
  if (rules.requireSpecial && !/[^\p{L}\p{N}\s]/u.test(password)) {
    fail('PAS_0006', 'Password must contain at least one special character.')
  }
  if (rules.requireDigit && !/\p{Nd}/u.test(password)) {
    fail('PAS_0007', 'Password must contain at least one digit.')
  }
  if (rules.forbidTurkishLetters && /[çğıİöşüÇĞÖŞÜ]/u.test(password)) {
    fail('PAS_0008', 'Password must not contain Turkish letters.')
  }
  return errors
}
