import { DEMO_ACCOUNTS, DEMO_PASSWORD, DEMO_PIN } from '../src/testing/demoAccounts.js'

/** The emulator's demo accounts, read from the same table the emulator answers from. */
export function AccountsTable() {
  return (
    <section className="demo-card" aria-labelledby="demo-accounts-heading">
      <h2 id="demo-accounts-heading">Demo accounts</h2>
      <p>
        Every password is <code>{DEMO_PASSWORD}</code>, and the two-factor PIN is{' '}
        <code>{DEMO_PIN}</code>. Any other username gives STS_0001; empty fields are caught by the
        form before anything is sent (STS_0005, STS_0006).
      </p>
      <table className="demo-table">
        <caption className="demo-visually-hidden">
          Demo accounts of the built-in IDM emulator and what each one shows
        </caption>
        <thead>
          <tr>
            <th scope="col">Username</th>
            <th scope="col">What happens</th>
          </tr>
        </thead>
        <tbody>
          {DEMO_ACCOUNTS.map((account) => (
            <tr key={account.username}>
              <th scope="row">
                <code>{account.username}</code>
                {account.aliases?.map((alias) => (
                  <span key={alias}>
                    {' '}
                    or <code>{alias}</code>
                  </span>
                ))}
                {account.password === DEMO_PASSWORD ? null : (
                  <span>
                    {' '}
                    (password <code>{account.password}</code>)
                  </span>
                )}
              </th>
              <td>{account.description}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  )
}
