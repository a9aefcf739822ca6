/**
 * The demo server's own endpoints, which add the client id and secret on the server side. The
 * page imports only these paths: never `demoServer.ts`, which holds the server's settings.
 */

/** The token proxy (`createIdmTokenProxy`): the page's `<LoginFlow idm={{ url }}>` posts here. */
export const DEMO_LOGIN_PATH = '/api/login'

/**
 * The password policy check: forwarded to the IDM's `/api/password/check`, with the `client_id`
 * and `client_secret` headers added on the server.
 */
export const DEMO_PASSWORD_CHECK_PATH = '/api/password-check'
