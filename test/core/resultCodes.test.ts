import { describe, expect, it } from 'vitest'
import { isResultCode, RESULT_CODES } from '../../src/core/index.js'

describe('given the result-code catalog', () => {
  it('holds exactly the 26 codes the IDM documents', () => {
    const codes = Object.keys(RESULT_CODES)
    expect(codes).toHaveLength(26)
    expect(codes.filter((c) => c.startsWith('STS_'))).toHaveLength(21)
    expect(codes.filter((c) => c.startsWith('GLB_'))).toHaveLength(5)
  })

  it('does not take inherited names or unknown codes for result codes', () => {
    expect(isResultCode('STS_0004')).toBe(true)
    expect(isResultCode('toString')).toBe(false)
    expect(isResultCode('STS_0042')).toBe(false)
  })
})
