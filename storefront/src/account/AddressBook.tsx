/** The address book: default first; add, make default, remove. */
import type { AccountAddress } from '@shoebox/shared/store';
import { useState } from 'react';
import { useAction } from '../app/use-action.ts';
import { AddressForm } from '../checkout/AddressForm.tsx';
import { type AddressFields, emptyAddress } from '../checkout/address-rules.ts';
import { accountApi, authed } from './session.ts';

export function AddressBook({ initial }: { initial: AccountAddress[] }) {
  const [addresses, setAddresses] = useState(initial);
  const [adding, setAdding] = useState(initial.length === 0);
  const { busy, error, run } = useAction();
  const reload = async () => setAddresses(await authed(() => accountApi.account.addresses()));

  const add = (a: AddressFields) =>
    run(async () => {
      const { line2, phone, ...rest } = a;
      await authed(() =>
        accountApi.account.addAddress({ ...rest, ...(line2 ? { line2 } : {}), ...(phone ? { phone } : {}) }),
      );
      await reload();
      setAdding(false);
    });

  return (
    <section aria-labelledby="addresses-title" className="account-section">
      <h2 id="addresses-title">Addresses</h2>
      {addresses.length === 0 && !adding && <p className="muted">No saved addresses yet.</p>}
      <ul className="address-list">
        {addresses.map((a) => (
          <li key={a.id} className="address">
            <p>
              <strong>{a.name}</strong> {a.isDefault && <span className="badge">Default</span>}
              <br />
              {a.line1}
              {a.line2 ? `, ${a.line2}` : ''}, {a.postalCode} {a.city}, {a.country}
            </p>
            <div className="row-actions">
              {!a.isDefault && (
                <button
                  type="button"
                  className="link"
                  disabled={busy}
                  onClick={() =>
                    run(async () => {
                      await authed(() => accountApi.account.updateAddress(a.id, { isDefault: true }));
                      await reload();
                    })
                  }
                >
                  Make default
                </button>
              )}
              <button
                type="button"
                className="link"
                disabled={busy}
                aria-label={`Remove the address ${a.line1}`}
                onClick={() =>
                  run(async () => {
                    await authed(() => accountApi.account.removeAddress(a.id));
                    await reload();
                  })
                }
              >
                Remove
              </button>
            </div>
          </li>
        ))}
      </ul>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      {adding ? (
        <AddressForm
          initial={emptyAddress}
          serverErrors={{}}
          busy={busy}
          onSubmit={add}
          submitLabel="Save address"
        />
      ) : (
        <button type="button" onClick={() => setAdding(true)}>
          Add an address
        </button>
      )}
    </section>
  );
}
