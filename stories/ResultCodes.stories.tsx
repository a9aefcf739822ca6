/*
 * One story per IDM result code, and an overview of them all.
 *
 * The per-code stories are not written in this file: when Storybook or Vitest loads it,
 * `.storybook/resultCodeStories.ts` appends, for every code in RESULT_CODES,
 *
 *   export const STS_0004 = meta.story({ ...resultCodeStory('STS_0004'), name: '…' })
 *
 * with `resultCodeStory` from `./support/resultCodeStory.ts`. CSF needs one named export per
 * story and a loop cannot make those, so a code added to the catalog gets its story (and its
 * story test) this way, without touching this file.
 */
import { Description, Primary, Stories, Title } from '@storybook/addon-docs/blocks'
import i18next from 'i18next'
import { expect, fn, within } from 'storybook/test'
import preview from '../.storybook/preview.js'
import { useIdmTranslation } from '../src/i18n/useIdmTranslation.js'
import { LoginFlow, RESULT_CODES, type ResultCode } from '../src/index.js'
import { DEMO_PASSWORD } from '../src/testing/index.js'
import { storyChangePassword, storyIdm } from './support/idm.js'
import { lookOf } from './support/look.js'
import { ALL_RESULT_CODES, stepAfter } from './support/resultCodeOutcome.js'

const meta = preview.meta({
  title: 'Result codes',
  component: LoginFlow,
  args: { idm: storyIdm, changePassword: storyChangePassword, onSuccess: fn(), onError: fn() },
  parameters: {
    controls: { disable: true },
    docs: {
      // The flow's props are on the LoginFlow page; here the stories are the point.
      page: () => (
        <>
          <Title />
          <Description />
          <Primary />
          <Stories title="One story per code" includePrimary={false} />
        </>
      ),
      description: {
        component: [
          'What the login flow does with each `result_code` of the IDM. The overview lists them',
          'all; below it, one story per code, generated from `RESULT_CODES`, signs in as the',
          'emulator account named after the code and checks the step and the message it leads to.',
        ].join(' '),
      },
    },
  },
  render: (args, { globals, parameters }) => {
    const look = lookOf(globals)
    const code = parameters.resultCode as ResultCode | undefined
    return (
      <>
        {code ? <CodeCaption code={code} /> : null}
        <LoginFlow {...args} locale={look.locale} colorScheme={look.colorScheme} />
      </>
    )
  },
})

/** Says where the story's code leads, and how to get there by hand (on the docs page). */
function CodeCaption({ code }: { code: ResultCode }) {
  return (
    <p className="sb-caption">
      <strong>{code}</strong> ({RESULT_CODES[code].kind}) leads to the{' '}
      <code>{stepAfter(code)}</code> step. To see it, sign in as <code>{code}</code> with the
      password <code>{DEMO_PASSWORD}</code>.
    </p>
  )
}

/** Every result code, where it leads and its message in the toolbar's language. */
export const Overview = meta.story({
  render: (_args, { globals }) => <CodeTable locale={lookOf(globals).locale} />,
  play: async ({ canvasElement }) => {
    const rows = await within(canvasElement).findAllByRole('row')
    await expect(rows).toHaveLength(ALL_RESULT_CODES.length + 1)
  },
})

function CodeTable({ locale }: { locale: string }) {
  // The library's own message loading, as the components use it.
  const { t, isReady } = useIdmTranslation({ locale })
  if (!isReady) return null
  return (
    <table className="sb-code-table" lang={locale} dir={i18next.dir(locale)}>
      <caption>The IDM's result codes and what the login flow does with each</caption>
      <thead>
        <tr>
          <th scope="col">Code</th>
          <th scope="col">Kind</th>
          <th scope="col">Leads to</th>
          <th scope="col">Message</th>
        </tr>
      </thead>
      <tbody>
        {ALL_RESULT_CODES.map((code) => (
          <tr key={code}>
            <th scope="row">{code}</th>
            <td>{RESULT_CODES[code].kind}</td>
            <td>{stepAfter(code)}</td>
            <td>{t(`errors.${code}`)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
