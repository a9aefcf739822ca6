// The server entry: keeps the client secret off the browser. No React, no DOM.
export {
  createIdmTokenProxy,
  DEFAULT_ALLOWED_FIELDS,
  type IdmTokenProxy,
  type IdmTokenProxyOptions,
  type IdmTokenProxyProblem,
} from './createIdmTokenProxy.js'
export { type NodeRequestListener, toNodeHandler } from './node.js'
