/**
 * Holds the credentials that a later step sends again (the IDM wants the password with the PIN).
 * The values live in a closure: React devtools, the Query cache and logs only see functions.
 */
export interface SecretVault {
  readPassword(): string | undefined
  readPin(): string | undefined
  setPassword(password: string): void
  setPin(pin: string | undefined): void
  clear(): void
}

export function createSecretVault(): SecretVault {
  let password: string | undefined
  let pin: string | undefined
  return {
    readPassword: () => password,
    readPin: () => pin,
    setPassword(next) {
      password = next
    },
    setPin(next) {
      pin = next
    },
    clear() {
      password = undefined
      pin = undefined
    },
  }
}
