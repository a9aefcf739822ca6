export { createEmulatorChangePassword } from './createEmulatorChangePassword.js'
export {
  ALTERNATE_TOKEN_PATH,
  createIdmEmulator,
  PASSWORD_CHANGE_PATH,
  PASSWORD_CHECK_PATH,
} from './createIdmEmulator.js'
export {
  DEMO_ACCOUNTS,
  DEMO_CLIENT_ID,
  DEMO_PASSWORD,
  DEMO_PIN,
  type DemoAccount,
  type DemoAccountBehaviour,
} from './demoAccounts.js'
export type {
  EmulatorRequest,
  EmulatorResponse,
  IdmEmulator,
  IdmEmulatorOptions,
} from './emulatorTypes.js'
export {
  createIdmMiddleware,
  type IdmEmulatorPluginOptions,
  type IdmMiddleware,
  idmEmulatorPlugin,
} from './middleware.js'
export { createIdmHandlers, type IdmHandlersOptions } from './msw.js'
export {
  checkPasswordPolicy,
  DEFAULT_PASSWORD_POLICY,
  type EmulatorPasswordPolicy,
  type EmulatorPasswordPolicyError,
} from './passwordPolicy.js'
