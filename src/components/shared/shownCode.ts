/** The shape of the IDM's result codes (`STS_0042`, `GLB_0001`), documented or newer. */
const CODE_SHAPE = /^[A-Za-z]{2,8}_\d{2,8}$/

/**
 * A result code fit to put in a sentence the user reads. The code comes from the server: one of
 * any other shape (markup, a phone number to call) would be server text on the page, so it
 * shows as `?`; the real code still reaches `onError` for developers.
 */
export function shownCode(code: string | undefined): string {
  return code !== undefined && CODE_SHAPE.test(code) ? code : '?'
}
