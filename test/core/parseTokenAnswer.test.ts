import { describe, expect, it } from 'vitest'
import { type InvalidResponseReason, parseTokenAnswer } from '../../src/core/index.js'

const TOKEN = '0916a3f2c4b84e0c9d1e7f6a5b4c3d2e'
const REFRESH = 'r-7c1d2e3f4a5b6c7d'

const observedSuccess = {
  access_token: TOKEN,
  acces_token: TOKEN,
  token_type: 'bearer',
  expires_in: 31535999,
  refresh_token: REFRESH,
}

const json = (value: unknown) => JSON.stringify(value)

describe('given the shapes observed from the IDM', () => {
  it('reads the two-factor request (STS_0011) as a result with the server sentence', () => {
    const body = '{ "error": "Two-factor validation required.", "request_captcha": false, '
    expect(parseTokenAnswer(401, `${body}"result_code": "STS_0011" }`)).toStrictEqual({
      type: 'result',
      code: 'STS_0011',
      status: 401,
      captchaRequired: false,
      serverMessage: 'Two-factor validation required.',
    })
  })

  it('reads a wrong PIN (STS_0013) as a result', () => {
    const text = json({
      error: 'Two-factor pin is invalid.',
      request_captcha: false,
      result_code: 'STS_0013',
    })
    expect(parseTokenAnswer(400, text)).toStrictEqual({
      type: 'result',
      code: 'STS_0013',
      status: 400,
      captchaRequired: false,
      serverMessage: 'Two-factor pin is invalid.',
    })
  })

  it('reads a token body without result_code as STS_0000 with every token field', () => {
    expect(parseTokenAnswer(200, json(observedSuccess))).toStrictEqual({
      type: 'success',
      code: 'STS_0000',
      status: 200,
      captchaRequired: false,
      token: {
        accessToken: TOKEN,
        tokenType: 'bearer',
        expiresIn: 31535999,
        refreshToken: REFRESH,
        raw: observedSuccess,
      },
    })
  })
})

describe('given a success body', () => {
  it('takes the token from the misspelt acces_token when it comes alone', () => {
    const outcome = parseTokenAnswer(200, json({ acces_token: TOKEN, token_type: 'bearer' }))
    expect(outcome).toMatchObject({ type: 'success', token: { accessToken: TOKEN } })
  })

  it('prefers access_token when both names carry different values', () => {
    const outcome = parseTokenAnswer(200, json({ access_token: 'right', acces_token: 'other' }))
    expect(outcome).toMatchObject({ type: 'success', token: { accessToken: 'right' } })
  })

  it.each([
    ['STS_0000', 'STS_0000'],
    ['empty', ''],
    ['null', null],
  ])('accepts a token with result_code %s', (_name, code) => {
    const outcome = parseTokenAnswer(200, json({ access_token: TOKEN, result_code: code }))
    expect(outcome).toMatchObject({ type: 'success', code: 'STS_0000' })
  })

  it('passes every field through in raw, such as expire_date', () => {
    const body = { ...observedSuccess, expire_date: '2026-12-04T15:39:00Z', scope: 'openid' }
    const outcome = parseTokenAnswer(200, json(body))
    if (outcome.type !== 'success') throw new Error(`expected success, got ${outcome.type}`)
    expect(outcome.token.raw).toStrictEqual(body)
    expect(outcome.token.raw.expire_date).toBe('2026-12-04T15:39:00Z')
    expect(outcome.token.raw.acces_token).toBe(TOKEN)
  })

  it('leaves out token fields whose type is wrong instead of guessing', () => {
    const body = { access_token: TOKEN, token_type: 7, expires_in: '3600', refresh_token: null }
    const outcome = parseTokenAnswer(200, json(body))
    if (outcome.type !== 'success') throw new Error(`expected success, got ${outcome.type}`)
    expect(outcome.token).toStrictEqual({ accessToken: TOKEN, raw: body })
  })

  it('keeps the HTTP status, even an unusual one', () => {
    expect(parseTokenAnswer(201, json(observedSuccess))).toMatchObject({
      type: 'success',
      status: 201,
    })
  })
})

describe('given a body that is not a usable IDM answer', () => {
  it.each<[string, number, string, InvalidResponseReason]>([
    ['an empty body', 500, '', 'empty'],
    ['a whitespace body', 200, ' \r\n\t ', 'empty'],
    [
      'an HTML page from a proxy',
      502,
      '<html><body><h1>502 Bad Gateway</h1></body></html>',
      'html',
    ],
    ['an HTML page after blank lines', 504, '\n\n  <!DOCTYPE html><title>Timeout</title>', 'html'],
    ['plain text', 500, 'Internal Server Error', 'notJson'],
    ['truncated JSON', 400, '{"error": "Two-factor pin is inv', 'notJson'],
    ['JSON with a trailing comma', 400, '{"result_code": "STS_0013",}', 'notJson'],
    ['a JSON array', 200, '[{"result_code": "STS_0011"}]', 'notObject'],
    ['an empty JSON array', 200, '[]', 'notObject'],
    ['a JSON string', 200, '"STS_0011"', 'notObject'],
    ['JSON null', 200, 'null', 'notObject'],
    ['a JSON number', 200, '42', 'notObject'],
    ['JSON true', 200, 'true', 'notObject'],
    ['an empty object', 200, '{}', 'noCode'],
    ['an object with only an error', 400, '{"error": "invalid_grant"}', 'noCode'],
    ['a numeric result_code', 400, '{"result_code": 11}', 'noCode'],
    [
      'a numeric result_code beside a token',
      200,
      `{"result_code": 0, "access_token": "x"}`,
      'noCode',
    ],
    ['an object result_code', 400, '{"result_code": {"code": "STS_0011"}}', 'noCode'],
    ['STS_0000 without a token', 200, '{"result_code": "STS_0000"}', 'noToken'],
    [
      'STS_0000 with an empty token',
      200,
      '{"result_code": "STS_0000", "access_token": ""}',
      'noToken',
    ],
    [
      'STS_0000 with a blank token',
      200,
      '{"result_code": "STS_0000", "access_token": "  "}',
      'noToken',
    ],
    ['a blank token and no code', 200, '{"access_token": " ", "acces_token": " "}', 'noCode'],
    ['a token that is not a string', 200, '{"access_token": 12345}', 'noCode'],
    ['a token only on the prototype', 200, '{"__proto__": {"access_token": "x"}}', 'noCode'],
  ])('reads %s (status %i) as invalidResponse %s', (_name, status, text, reason) => {
    const outcome = parseTokenAnswer(status, text)
    expect(outcome).toMatchObject({ type: 'invalidResponse', reason, status })
  })

  it('carries no server sentence and no captcha request when the body is not JSON', () => {
    expect(parseTokenAnswer(502, '<html>request_captcha: true</html>')).toStrictEqual({
      type: 'invalidResponse',
      reason: 'html',
      status: 502,
      captchaRequired: false,
    })
  })

  it('keeps the server sentence and captcha request of an object without a code', () => {
    const text = json({ error: 'Something broke', request_captcha: true })
    expect(parseTokenAnswer(500, text)).toStrictEqual({
      type: 'invalidResponse',
      reason: 'noCode',
      status: 500,
      captchaRequired: true,
      serverMessage: 'Something broke',
    })
  })
})

describe('given a result_code', () => {
  it.each(['STS_0001', 'STS_0004', 'STS_0009', 'STS_0014', 'STS_9999', 'GLB_0001', 'GLB_9999'])(
    'reads the documented %s as a result',
    (code) => {
      expect(parseTokenAnswer(400, json({ result_code: code }))).toStrictEqual({
        type: 'result',
        code,
        status: 400,
        captchaRequired: false,
      })
    },
  )

  it('lets an error code win over a token in the same body', () => {
    const text = json({ ...observedSuccess, result_code: 'STS_0011' })
    expect(parseTokenAnswer(200, text)).toMatchObject({ type: 'result', code: 'STS_0011' })
  })

  it.each([' sts_0004 ', 'Sts_0004', 'STS_0004\n'])(
    'reads %j as the documented STS_0004, whatever its case and spacing',
    (code) => {
      expect(parseTokenAnswer(400, json({ result_code: code }))).toMatchObject({
        type: 'result',
        code: 'STS_0004',
      })
    },
  )

  it.each(['STS_0042', 'GLB_0005', 'toString', '__proto__', 'ÜNKNOWN'])(
    'reads %j as unknownCode and keeps it',
    (code) => {
      expect(parseTokenAnswer(400, json({ result_code: code }))).toStrictEqual({
        type: 'unknownCode',
        code,
        status: 400,
        captchaRequired: false,
      })
    },
  )

  it('shortens an unknown code to 40 characters', () => {
    const code = `STS_${'9'.repeat(500)}`
    const outcome = parseTokenAnswer(400, json({ result_code: code }))
    expect(outcome).toMatchObject({ type: 'unknownCode', code: code.slice(0, 40) })
  })
})

describe('given the server sentence', () => {
  it('prefers error_description over error', () => {
    const text = json({
      error: 'invalid_grant',
      error_description: 'Password is wrong.',
      result_code: 'STS_0002',
    })
    expect(parseTokenAnswer(400, text)).toMatchObject({ serverMessage: 'Password is wrong.' })
  })

  it('uses error_description when it comes alone', () => {
    const text = json({ error_description: 'User is locked.', result_code: 'STS_0004' })
    expect(parseTokenAnswer(400, text)).toMatchObject({ serverMessage: 'User is locked.' })
  })

  it.each([
    ['empty', ''],
    ['null', null],
    ['a number', 42],
  ])('falls back to error when error_description is %s', (_name, description) => {
    const text = json({
      error: 'Pin is invalid.',
      error_description: description,
      result_code: 'STS_0013',
    })
    expect(parseTokenAnswer(400, text)).toMatchObject({ serverMessage: 'Pin is invalid.' })
  })

  it.each([
    ['missing', {}],
    ['empty', { error: '' }],
    ['an object', { error: { message: 'nested' } }],
    ['a number', { error: 500 }],
  ])('leaves serverMessage out when error is %s', (_name, fields) => {
    const outcome = parseTokenAnswer(400, json({ ...fields, result_code: 'STS_9999' }))
    expect(outcome).not.toHaveProperty('serverMessage')
  })

  it('truncates a long sentence to 300 characters', () => {
    const long = `Stack trace: ${'at Idm.Sts.Token.Validate() '.repeat(400)}`
    const outcome = parseTokenAnswer(500, json({ error: long, result_code: 'STS_9999' }))
    if (!('serverMessage' in outcome)) throw new Error('expected a serverMessage')
    expect(outcome.serverMessage).toHaveLength(300)
    expect(long.startsWith(outcome.serverMessage ?? '-')).toBe(true)
  })

  it('keeps a sentence with markup as plain text, unchanged', () => {
    const markup = '<img src=x onerror=alert(1)> Kullanıcı kilitli'
    const outcome = parseTokenAnswer(400, json({ error: markup, result_code: 'STS_0004' }))
    expect(outcome).toMatchObject({ serverMessage: markup })
  })
})

describe('given request_captcha', () => {
  it.each([
    [true, true],
    [false, false],
    ['true', true],
    ['false', false],
    [1, false],
    [undefined, false],
  ])('reads request_captcha %j as captchaRequired %s', (requestCaptcha, expected) => {
    const text = json({ result_code: 'STS_0002', request_captcha: requestCaptcha })
    expect(parseTokenAnswer(400, text)).toMatchObject({ captchaRequired: expected })
  })

  it('reports a captcha request on an unknown code as well', () => {
    const text = json({ result_code: 'STS_0077', request_captcha: true })
    expect(parseTokenAnswer(400, text)).toMatchObject({
      type: 'unknownCode',
      captchaRequired: true,
    })
  })
})
