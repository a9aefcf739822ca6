import { describe, expect, it } from 'vitest'
import {
  checkPasswordPolicy,
  createIdmEmulator,
  PASSWORD_CHECK_PATH,
} from '../../src/testing/index.js'
import { jsonRequest, send } from './emulatorRequests.js'

const CLIENT = { client_id: 'demo-client' }

describe('given the password check endpoint', () => {
  const emulator = createIdmEmulator()
  const check = (password: unknown, headers: Record<string, string> = CLIENT) =>
    send(emulator, jsonRequest(PASSWORD_CHECK_PATH, { Password: password }, headers))

  it('accepts a password that meets the policy', () => {
    const answer = check('Demo.2026!')
    expect(answer.status).toBe(200)
    expect(answer.body).toEqual({ Success: true, Message: 'Password is valid.', ErrorList: [] })
  })

  it.each([
    ['short', ['PAS_0001', 'PAS_0005', 'PAS_0006', 'PAS_0007']],
    ['abcdefgh', ['PAS_0005', 'PAS_0006', 'PAS_0007']],
    ['ABCDEFGH1!', ['PAS_0004']],
    ['Abcdefgh1', ['PAS_0006']],
    ['Abcdefgh!', ['PAS_0007']],
    ['Şifre.2026!', ['PAS_0008']],
    ['güçlü.Parola1', ['PAS_0008']],
    ['', ['PAS_0001', 'PAS_0004', 'PAS_0005', 'PAS_0006', 'PAS_0007']],
  ])('lists what %j breaks, with a message for each', (password, codes) => {
    const answer = check(password)
    expect(answer.status).toBe(200)
    expect(answer.body.Success).toBe(false)
    const list = answer.body.ErrorList as { ResultCode: string; Message: string }[]
    expect(list.map((error) => error.ResultCode)).toEqual(codes)
    for (const error of list) expect(error.Message).toMatch(/^Password must/)
  })

  it.each([
    ['no client_id', 'STS_0019', 400, {}],
    ['an unknown client_id', 'GLB_0001', 401, { client_id: 'x' }],
    ['a client_id header in another case', 'no error', 200, { Client_Id: 'demo-client' }],
  ])('answers %s with %s (HTTP %i)', (_name, code, status, headers) => {
    const answer = check('Demo.2026!', headers)
    expect(answer.status).toBe(status)
    const list = answer.body.ErrorList as { ResultCode: string }[]
    expect(list[0]?.ResultCode ?? 'no error').toBe(code)
  })

  it('requires a configured client secret as a header', () => {
    const confidential = createIdmEmulator({ clientSecret: 's3cret' })
    const ask = (headers: Record<string, string>) =>
      send(confidential, jsonRequest(PASSWORD_CHECK_PATH, { Password: 'Demo.2026!' }, headers))
    expect(ask(CLIENT).status).toBe(401)
    expect(ask({ ...CLIENT, client_secret: 's3cret' }).body.Success).toBe(true)
  })

  it.each([
    [
      'a body that is not JSON',
      400,
      { body: '{', headers: { ...CLIENT, 'content-type': 'application/json' } },
    ],
    [
      'a form body',
      400,
      {
        body: 'Password=x',
        headers: { ...CLIENT, 'content-type': 'application/x-www-form-urlencoded' },
      },
    ],
    [
      'a Password that is not a string',
      400,
      { body: '{"Password":1}', headers: { ...CLIENT, 'content-type': 'application/json' } },
    ],
    ['a GET', 400, { method: 'GET', body: '', headers: CLIENT }],
    ['a body over the limit', 413, { bodyTooLarge: true }],
  ])('answers %s with GLB_0002 (HTTP %i)', (_name, status, overrides) => {
    const request = { ...jsonRequest(PASSWORD_CHECK_PATH, { Password: 'x' }, CLIENT), ...overrides }
    const answer = send(emulator, request)
    expect(answer.status).toBe(status)
    expect(answer.body.Success).toBe(false)
    expect(answer.body.ErrorList).toEqual([
      { ResultCode: 'GLB_0002', Message: 'Invalid authorization request.' },
    ])
  })

  it('follows a configured policy', () => {
    const strict = createIdmEmulator({
      passwordPolicy: { minLength: 12, requireSpecial: false, forbidTurkishLetters: false },
    })
    const answer = send(strict, jsonRequest(PASSWORD_CHECK_PATH, { Password: 'Şifre2026' }, CLIENT))
    const list = answer.body.ErrorList as { ResultCode: string; Message: string }[]
    expect(list).toEqual([
      { ResultCode: 'PAS_0001', Message: 'Password must be at least 12 characters long.' },
    ])
  })
})

describe('given checkPasswordPolicy on its own', () => {
  it('counts characters, not UTF-16 units', () => {
    expect(checkPasswordPolicy('Aa1!😀😀😀', { minLength: 7 })).toEqual([])
    expect(checkPasswordPolicy('Aa1!😀😀', { minLength: 7 })[0]?.ResultCode).toBe('PAS_0001')
  })
})
