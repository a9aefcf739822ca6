import { beforeEach, describe, expect, it } from 'vitest'
import {
  ALTERNATE_TOKEN_PATH,
  createIdmEmulator,
  DEMO_ACCOUNTS,
  DEMO_PIN,
  type EmulatorRequest,
  type IdmEmulator,
  PASSWORD_CHANGE_PATH,
} from '../../src/testing/index.js'
import { grant, jsonRequest, login, send, TOKEN_PATH, tokenRequest } from './emulatorRequests.js'

const PIN_FIELD = 'twofactor_authentication_validation_pin'

describe('given the default demo accounts', () => {
  const emulator = createIdmEmulator()
  beforeEach(() => emulator.reset())

  const rows: [username: string, code: string, status: number][] = [
    ['demo', 'STS_0000', 200],
    ['demo@example.com', 'STS_0000', 200],
    ['somebody-unknown', 'STS_0001', 400],
    ['inactive', 'STS_0003', 400],
    ['locked', 'STS_0004', 400],
    ['activation', 'STS_0008', 400],
    ['expired', 'STS_0009', 400],
    ['update-error', 'STS_0010', 400],
    ['mfa', 'STS_0011', 400],
    ['mfa-setup', 'STS_0012', 400],
    ['sms-fail', 'STS_0014', 400],
    ['no-license', 'STS_0015', 400],
    ['impersonation-token', 'STS_0016', 400],
    ['impersonation-app', 'STS_0017', 400],
    ['impersonation-user', 'STS_0018', 400],
    ['server-error', 'STS_9999', 500],
    ['global-error', 'GLB_9999', 500],
    ['future', 'STS_0042', 400],
  ]

  it.each(rows)('answers %s with the right password with %s (HTTP %i)', (user, code, status) => {
    const answer = login(emulator, user)
    expect(answer.code).toBe(code)
    expect(answer.status).toBe(status)
  })

  it('covers every account of the table in the rows above', () => {
    const tested = new Set(rows.map(([username]) => username))
    for (const account of DEMO_ACCOUNTS) {
      expect(tested).toContain(account.username)
      for (const alias of account.aliases ?? []) expect(tested).toContain(alias)
    }
  })

  it.each(DEMO_ACCOUNTS.map((account) => account.username))(
    'answers %s with a wrong password with STS_0002 before any account state',
    (username) => {
      expect(login(emulator, username, 'wrong-password').code).toBe('STS_0002')
    },
  )

  it('gives every account a description that starts with its first result code', () => {
    for (const account of DEMO_ACCOUNTS) {
      const firstCode = login(emulator, account.username).code
      expect(account.description).toMatch(new RegExp(`^${String(firstCode)}\\b`))
    }
  })

  it('matches usernames without regard to case or surrounding spaces', () => {
    expect(login(emulator, '  DEMO@Example.COM ').code).toBe('STS_0000')
  })
})

describe('given an answer body', () => {
  const emulator = createIdmEmulator({ now: () => Date.UTC(2026, 0, 1) })

  it('sends errors in exactly the shape of the IDM', () => {
    const answer = login(emulator, 'mfa')
    expect(answer.body).toEqual({
      error: 'Two-factor validation required.',
      request_captcha: false,
      result_code: 'STS_0011',
    })
  })

  it('sends a token twice, once misspelt, with no result code', () => {
    const { body, status } = login(emulator, 'demo')
    expect(status).toBe(200)
    expect(Object.keys(body).sort()).toEqual([
      'acces_token',
      'access_token',
      'expire_date',
      'expires_in',
      'refresh_token',
      'token_type',
    ])
    expect(body.access_token).toMatch(/^[0-9a-f]{64}$/)
    expect(body.acces_token).toBe(body.access_token)
    expect(body.refresh_token).not.toBe(body.access_token)
    expect(body).toMatchObject({ token_type: 'bearer', expires_in: 31_535_999 })
    expect(body.expire_date).toBe('2026-12-31T23:59:59.000Z')
  })

  it('sends a fresh token on every sign-in', () => {
    expect(login(emulator, 'demo').body.access_token).not.toBe(
      login(emulator, 'demo').body.access_token,
    )
  })

  it('marks every answer as JSON that must not be cached', () => {
    const answer = emulator.handle(tokenRequest(grant('demo')))
    expect(answer.headers['content-type']).toBe('application/json; charset=utf-8')
    expect(answer.headers['cache-control']).toBe('no-store')
  })
})

describe('given wrong passwords in a row', () => {
  let emulator: IdmEmulator
  beforeEach(() => {
    emulator = createIdmEmulator()
  })

  it('asks for a captcha from the third failure and locks on the fifth', () => {
    const answers = Array.from({ length: 5 }, () => login(emulator, 'demo', 'nope'))
    expect(answers.map((a) => [a.code, a.body.request_captcha])).toEqual([
      ['STS_0002', false],
      ['STS_0002', false],
      ['STS_0002', true],
      ['STS_0002', true],
      ['STS_0004', false],
    ])
  })

  it('stays locked for the right password and for the alias, until reset', () => {
    for (let i = 0; i < 5; i++) login(emulator, 'demo', 'nope')
    expect(login(emulator, 'demo').code).toBe('STS_0004')
    expect(login(emulator, 'demo@example.com').code).toBe('STS_0004')
    emulator.reset()
    expect(login(emulator, 'demo').code).toBe('STS_0000')
  })

  it('counts failures under the name and its alias together', () => {
    for (let i = 0; i < 2; i++) login(emulator, 'demo', 'nope')
    for (let i = 0; i < 2; i++) login(emulator, 'demo@example.com', 'nope')
    expect(login(emulator, 'DEMO', 'nope').code).toBe('STS_0004')
  })

  it('starts counting again after the right password', () => {
    for (let i = 0; i < 4; i++) login(emulator, 'demo', 'nope')
    expect(login(emulator, 'demo').code).toBe('STS_0000')
    const again = Array.from({ length: 4 }, () => login(emulator, 'demo', 'nope'))
    expect(again.map((a) => a.code)).toEqual(['STS_0002', 'STS_0002', 'STS_0002', 'STS_0002'])
    expect(again[0]?.body.request_captcha).toBe(false)
  })

  it('keeps each account and each emulator apart', () => {
    for (let i = 0; i < 5; i++) login(emulator, 'demo', 'nope')
    expect(login(emulator, 'mfa').code).toBe('STS_0011')
    expect(login(createIdmEmulator(), 'demo').code).toBe('STS_0000')
  })

  it('follows lockAfter and captchaAfter', () => {
    const strict = createIdmEmulator({ lockAfter: 2, captchaAfter: 1 })
    expect(login(strict, 'demo', 'nope').body).toMatchObject({
      result_code: 'STS_0002',
      request_captcha: true,
    })
    expect(login(strict, 'demo', 'nope').code).toBe('STS_0004')
  })

  it('does not count wrong PINs', () => {
    for (let i = 0; i < 6; i++) login(emulator, 'mfa', undefined, { [PIN_FIELD]: '000000' })
    expect(login(emulator, 'mfa', undefined, { [PIN_FIELD]: DEMO_PIN }).code).toBe('STS_0000')
  })
})

describe('given two-factor accounts', () => {
  const emulator = createIdmEmulator()
  beforeEach(() => emulator.reset())
  const withPin = (pin: string) => ({ [PIN_FIELD]: pin })

  it('signs mfa in with the PIN and refuses any other', () => {
    expect(login(emulator, 'mfa', undefined, withPin('654321')).code).toBe('STS_0013')
    expect(login(emulator, 'mfa', undefined, withPin(DEMO_PIN)).code).toBe('STS_0000')
  })

  it('still checks the password on the PIN step', () => {
    expect(login(emulator, 'mfa', 'nope', withPin(DEMO_PIN)).code).toBe('STS_0002')
  })

  it('fails the first SMS of sms-fail, sends it on the resend, then accepts the PIN', () => {
    expect(login(emulator, 'sms-fail').code).toBe('STS_0014')
    expect(login(emulator, 'sms-fail').code).toBe('STS_0011')
    expect(login(emulator, 'sms-fail', undefined, withPin('111111')).code).toBe('STS_0013')
    expect(login(emulator, 'sms-fail', undefined, withPin(DEMO_PIN)).code).toBe('STS_0000')
  })

  it('fails the SMS of sms-fail again after a reset', () => {
    login(emulator, 'sms-fail')
    emulator.reset()
    expect(login(emulator, 'sms-fail').code).toBe('STS_0014')
  })

  it('does not spend the failed SMS on a wrong password', () => {
    expect(login(emulator, 'sms-fail', 'nope').code).toBe('STS_0002')
    expect(login(emulator, 'sms-fail').code).toBe('STS_0014')
  })
})

describe('given the expired account and a password change', () => {
  const emulator = createIdmEmulator()
  beforeEach(() => emulator.reset())
  const change = (oldPassword: string, newPassword: string, username = 'expired') =>
    send(emulator, jsonRequest(PASSWORD_CHANGE_PATH, { username, oldPassword, newPassword }))

  it('signs in with the new password, and refuses the old one', () => {
    expect(login(emulator, 'expired').code).toBe('STS_0009')
    const changed = change('Demo.2026!', 'Fresh.Start1')
    expect(changed.status).toBe(200)
    expect(changed.body).toEqual({
      Success: true,
      Message: 'Password has been changed.',
      ErrorList: [],
    })
    expect(login(emulator, 'expired', 'Fresh.Start1').code).toBe('STS_0000')
    expect(login(emulator, 'expired').code).toBe('STS_0002')
  })

  it('forgets the change on reset', () => {
    change('Demo.2026!', 'Fresh.Start1')
    emulator.reset()
    expect(login(emulator, 'expired').code).toBe('STS_0009')
  })

  it('refuses a new password that breaks the policy or repeats the old one', () => {
    const weak = change('Demo.2026!', 'weak')
    expect(weak.status).toBe(400)
    expect(weak.body.Success).toBe(false)
    expect(codesOf(weak.body)).toEqual(['PAS_0001', 'PAS_0005', 'PAS_0006', 'PAS_0007'])
    expect(codesOf(change('Demo.2026!', 'Demo.2026!').body)).toEqual(['PAS_0009'])
    expect(login(emulator, 'expired').code).toBe('STS_0009')
  })

  it('refuses a wrong old password and counts it towards the lock', () => {
    const answers = Array.from({ length: 5 }, () => change('nope', 'Fresh.Start1'))
    expect(answers.map((a) => codesOf(a.body)[0])).toEqual([
      'STS_0002',
      'STS_0002',
      'STS_0002',
      'STS_0002',
      'STS_0004',
    ])
    expect(login(emulator, 'expired').code).toBe('STS_0004')
  })

  it('refuses unknown users and malformed bodies', () => {
    expect(codesOf(change('Demo.2026!', 'Fresh.Start1', 'nobody').body)).toEqual(['STS_0001'])
    const broken = send(emulator, jsonRequest(PASSWORD_CHANGE_PATH, { username: 'expired' }))
    expect([broken.status, codesOf(broken.body)]).toEqual([400, ['GLB_0002']])
  })

  it('keeps the behaviour of other accounts after their password changes', () => {
    change('Demo.2026!', 'Other.Pass2', 'mfa')
    expect(login(emulator, 'mfa', 'Other.Pass2').code).toBe('STS_0011')
  })
})

describe('given the token paths', () => {
  it('answers the alternate path the same way', () => {
    const emulator = createIdmEmulator()
    const answer = send(emulator, tokenRequest(grant('mfa'), { path: ALTERNATE_TOKEN_PATH }))
    expect(answer.code).toBe('STS_0011')
  })

  it('ignores a query string', () => {
    const answer = send(
      createIdmEmulator(),
      tokenRequest(grant('demo'), { path: `${TOKEN_PATH}?x=1` }),
    )
    expect(answer.code).toBe('STS_0000')
  })

  it.each(['/idm', 'idm/', '/idm/'])('serves every endpoint below basePath %s', (basePath) => {
    const emulator = createIdmEmulator({ basePath })
    expect(emulator.routes).toEqual([
      '/idm/legacy/sts/api/oauth/token',
      '/idm/api/legacy/sts/oauth/token',
      '/idm/api/password/check',
      '/idm/emulator/password/change',
    ])
    const path = `/idm${ALTERNATE_TOKEN_PATH}`
    expect(send(emulator, tokenRequest(grant('demo'), { path })).code).toBe('STS_0000')
    expect(emulator.handle(tokenRequest(grant('demo'))).status).toBe(404)
  })
})

describe('given the client and grant rules', () => {
  const emulator = createIdmEmulator()
  const answer = (fields: Record<string, string>) => send(emulator, tokenRequest(fields))
  const withoutClient = without(grant('demo'), 'client_id')

  it.each([
    ['no client_id', 'STS_0019', 400, withoutClient],
    ['an empty client_id', 'STS_0019', 400, grant('demo', undefined, { client_id: '' })],
    ['an unknown client_id', 'GLB_0001', 401, grant('demo', undefined, { client_id: 'x' })],
    ['no grant_type', 'GLB_0003', 400, { ...grant('demo'), grant_type: '' }],
    [
      'a client_credentials grant',
      'GLB_0003',
      400,
      { ...grant('demo'), grant_type: 'client_credentials' },
    ],
    [
      'a client without the password grant',
      'GLB_0004',
      401,
      { ...grant('demo'), client_id: 'no-password-grant' },
    ],
    [
      'an unknown client with a wrong grant',
      'GLB_0001',
      401,
      { ...withoutClient, client_id: 'x', grant_type: 'y' },
    ],
    [
      'a bad grant for a client without the password grant',
      'GLB_0003',
      400,
      { ...grant('demo'), client_id: 'no-password-grant', grant_type: 'y' },
    ],
    [
      'a wrong password for an unknown client',
      'GLB_0001',
      401,
      grant('demo', 'nope', { client_id: 'x' }),
    ],
  ])('answers %s with %s (HTTP %i)', (_name, code, status, fields) => {
    const result = answer(fields)
    expect([result.code, result.status]).toEqual([code, status])
  })

  it('accepts its own clientId and passwordGrantDisabledClients', () => {
    const custom = createIdmEmulator({ clientId: 'web', passwordGrantDisabledClients: ['cli'] })
    const ask = (clientId: string) =>
      send(custom, tokenRequest(grant('demo', undefined, { client_id: clientId }))).code
    expect([ask('web'), ask('cli'), ask('demo-client'), ask('no-password-grant')]).toEqual([
      'STS_0000',
      'GLB_0004',
      'GLB_0001',
      'GLB_0001',
    ])
  })

  it('requires a configured client secret', () => {
    const confidential = createIdmEmulator({ clientSecret: 's3cret' })
    const ask = (extra: Record<string, string>) =>
      send(confidential, tokenRequest(grant('demo', undefined, extra)))
    expect(ask({}).code).toBe('GLB_0001')
    expect(ask({ client_secret: 'guess' }).status).toBe(401)
    expect(ask({ client_secret: 's3cret' }).code).toBe('STS_0000')
  })

  it('ignores a client secret when none is configured, and extra fields', () => {
    const extra = { client_secret: 'anything', lang: 'TRTR', customer_id: '42', firm: 'acme' }
    expect(answer(grant('demo', undefined, extra)).code).toBe('STS_0000')
  })
})

describe('given the credential rules', () => {
  const emulator = createIdmEmulator()

  it.each([
    ['an empty username', 'STS_0005', '', 'x'],
    ['a username of spaces', 'STS_0005', '   ', 'x'],
    ['an empty username and password', 'STS_0005', '', ''],
    ['an empty password', 'STS_0006', 'demo', ''],
    ['a NUL in the username', 'STS_0007', 'de\u0000mo', 'x'],
    ['a line break in the username', 'STS_0007', 'demo\nadmin', 'x'],
    ['a DEL in the username', 'STS_0007', 'demo\u007f', 'x'],
    ['a C1 control in the username', 'STS_0007', 'demo\u0085', 'x'],
    ['a username of 257 characters', 'STS_0007', 'a'.repeat(257), 'x'],
    ['a username of 256 characters', 'STS_0001', 'a'.repeat(256), 'x'],
    ['a username of 256 emoji', 'STS_0001', '😀'.repeat(256), 'x'],
    ['a malformed username and an empty password', 'STS_0006', 'a\u0001', ''],
  ])('answers %s with %s', (_name, code, username, password) => {
    expect(login(emulator, username, password).code).toBe(code)
  })

  it('treats a missing username field as empty', () => {
    const fields = without(grant('demo'), 'username')
    expect(send(emulator, tokenRequest(fields)).code).toBe('STS_0005')
  })
})

describe('given a malformed request', () => {
  const emulator = createIdmEmulator()
  const form = new URLSearchParams(grant('demo')).toString()

  it.each<[string, number, Partial<EmulatorRequest>]>([
    ['a GET', 400, { method: 'GET', body: '' }],
    ['a PUT', 400, { method: 'PUT' }],
    ['a JSON body', 400, { headers: { 'content-type': 'application/json' }, body: '{}' }],
    ['no content type', 400, { headers: {} }],
    ['a multipart content type', 400, { headers: { 'content-type': 'multipart/form-data' } }],
    ['a broken percent-escape', 400, { body: `${form}&x=%zz` }],
    ['an escape that is not UTF-8', 400, { body: `${form}&x=%C3%28` }],
    ['a username sent twice', 400, { body: `${form}&username=mfa` }],
    ['a body over the limit', 413, { body: `${form}&pad=${'x'.repeat(16_384)}` }],
    ['a body over the limit in bytes only', 413, { body: `${form}&pad=${'ş'.repeat(9000)}` }],
    ['a body an adapter cut short', 413, { bodyTooLarge: true }],
  ])('answers %s with GLB_0002 (HTTP %i)', (_name, status, overrides) => {
    const answer = send(emulator, tokenRequest(grant('demo'), overrides))
    expect([answer.code, answer.status]).toEqual(['GLB_0002', status])
  })

  it('accepts a lower-case method, a charset and an extra field sent twice', () => {
    const request = tokenRequest(grant('demo'), {
      method: 'post',
      headers: { 'Content-Type': 'Application/X-WWW-Form-URLEncoded; charset=utf-8' },
      body: `${form}&lang=TRTR&lang=ENUS`,
    })
    expect(send(emulator, request).code).toBe('STS_0000')
  })

  it('accepts a body of multi-byte characters under the limit', () => {
    const request = tokenRequest(grant('demo'), { body: `${form}&pad=${'ş'.repeat(8000)}` })
    expect(send(emulator, request).code).toBe('STS_0000')
  })

  it('follows maxBodyBytes', () => {
    const small = createIdmEmulator({ maxBodyBytes: 64 })
    expect(small.maxBodyBytes).toBe(64)
    expect(small.handle(tokenRequest(grant('demo', 'x'.repeat(64)))).status).toBe(413)
  })

  it('never throws, whatever it is given', () => {
    const inputs: unknown[] = [
      undefined,
      null,
      42,
      'POST /',
      {},
      { path: TOKEN_PATH },
      { method: 'POST', path: TOKEN_PATH, headers: null, body: null },
      { method: 1, path: TOKEN_PATH, headers: 'x', body: {} },
      { ...tokenRequest(grant('demo')), headers: { 'content-type': ['a', 'b'] } },
      { ...tokenRequest(grant('demo')), body: '&&&===%%%' },
      { method: 'POST', path: PASSWORD_CHANGE_PATH, headers: {}, body: 'null' },
      { method: 'POST', path: Symbol('x'), headers: {}, body: '' },
    ]
    for (const input of inputs) {
      const answer = emulator.handle(input as EmulatorRequest)
      expect(answer.status).toBeGreaterThanOrEqual(400)
      expect(() => JSON.parse(answer.body)).not.toThrow()
    }
  })

  it('refuses a user table that holds a name twice', () => {
    const [first] = DEMO_ACCOUNTS
    if (!first) throw new Error('the demo table is empty')
    expect(() => createIdmEmulator({ users: [first, { ...first, aliases: [] }] })).toThrow(
      /appears twice/,
    )
  })

  it('uses a replaced user table instead of the demo one', () => {
    const custom = createIdmEmulator({
      users: [
        {
          username: 'ada',
          password: 'Lovelace.1815',
          behaviour: { kind: 'answer', resultCode: 'STS_0010' },
          description: 'STS_0010',
        },
      ],
    })
    expect(login(custom, 'ada', 'Lovelace.1815').code).toBe('STS_0010')
    expect(login(custom, 'demo').code).toBe('STS_0001')
  })
})

describe('given a path the emulator does not own', () => {
  const emulator = createIdmEmulator()

  it.each([
    '/',
    '/legacy/sts/api/oauth/token/extra',
    '/api/password/change',
    '',
    '/LEGACY/sts/api/oauth/token',
  ])('answers %j with 404 and a small JSON body', (path) => {
    const answer = emulator.handle(tokenRequest(grant('demo'), { path }))
    expect(answer.status).toBe(404)
    expect(JSON.parse(answer.body)).toEqual({ error: 'Not found.' })
    expect(emulator.owns(path)).toBe(false)
  })

  it('owns its own paths, with or without a query string', () => {
    expect(emulator.owns(TOKEN_PATH)).toBe(true)
    expect(emulator.owns(`${ALTERNATE_TOKEN_PATH}?a=b`)).toBe(true)
  })
})

function codesOf(body: Record<string, unknown>): string[] {
  const list = body.ErrorList as { ResultCode: string }[]
  return list.map((error) => error.ResultCode)
}

function without(fields: Record<string, string>, name: string): Record<string, string> {
  return Object.fromEntries(Object.entries(fields).filter(([key]) => key !== name))
}
