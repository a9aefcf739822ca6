/** The rules the new-password checklist shows; mirror your IDM's password policy. */
export interface PasswordPolicy {
  /** @default 8 */
  minLength?: number
  /** @default true */
  upperCase?: boolean
  /** @default true */
  lowerCase?: boolean
  /** @default true */
  digit?: boolean
  /** @default false */
  special?: boolean
  /** Refuses ç, ğ, ı, İ, ö, ş, ü (upper and lower case). @default false */
  noTurkishLetters?: boolean
  /** Refuses a password that contains the username. @default true */
  notUsername?: boolean
}

export type PasswordRuleName = Exclude<keyof PasswordPolicy, never>

export interface PasswordRuleResult {
  rule: PasswordRuleName
  isMet: boolean
}

const DEFAULT_POLICY: Required<PasswordPolicy> = {
  minLength: 8,
  upperCase: true,
  lowerCase: true,
  digit: true,
  special: false,
  noTurkishLetters: false,
  notUsername: true,
}

const TURKISH_LETTERS = /[çğıİöşüÇĞÖŞÜ]/

const CHECKS: Record<Exclude<PasswordRuleName, 'minLength' | 'notUsername'>, RegExp> = {
  upperCase: /\p{Lu}/u,
  lowerCase: /\p{Ll}/u,
  digit: /\p{Nd}/u,
  special: /[^\p{L}\p{N}\s]/u,
  noTurkishLetters: TURKISH_LETTERS,
}

/** The policy with defaults filled in. */
export function resolvePolicy(policy: PasswordPolicy = {}): Required<PasswordPolicy> {
  return { ...DEFAULT_POLICY, ...policy }
}

/** Each enabled rule, and whether `password` meets it. */
export function checkPasswordRules(
  password: string,
  policy: Required<PasswordPolicy>,
  username: string,
): PasswordRuleResult[] {
  const results: PasswordRuleResult[] = []
  if (policy.minLength > 0) {
    results.push({ rule: 'minLength', isMet: [...password].length >= policy.minLength })
  }
  for (const rule of ['upperCase', 'lowerCase', 'digit', 'special'] as const) {
    if (policy[rule]) results.push({ rule, isMet: CHECKS[rule].test(password) })
  }
  // A rule that forbids something is not "met" by an empty field: nothing has been typed yet.
  const isTyped = password !== ''
  if (policy.noTurkishLetters) {
    results.push({ rule: 'noTurkishLetters', isMet: isTyped && !TURKISH_LETTERS.test(password) })
  }
  if (policy.notUsername && username.trim() !== '') {
    const contains = password.toLocaleLowerCase().includes(username.trim().toLocaleLowerCase())
    results.push({ rule: 'notUsername', isMet: isTyped && !contains })
  }
  return results
}
