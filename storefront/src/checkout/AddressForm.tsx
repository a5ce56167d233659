/** The delivery address: each field checked as the shopper leaves it, errors next to their field. */
import { type FormEvent, useState } from 'react';
import {
  type AddressErrors,
  type AddressFields,
  checkAddress,
  checkAddressField,
  countries,
} from './address-rules.ts';

interface Props {
  initial: AddressFields;
  /** Errors from the API, by field. */
  serverErrors: AddressErrors;
  busy: boolean;
  onSubmit: (address: AddressFields) => void;
  /** The button's words; the checkout's by default. */
  submitLabel?: string;
}

const fields: Array<{ key: keyof AddressFields; label: string; autoComplete: string; optional?: boolean }> = [
  { key: 'name', label: 'Full name', autoComplete: 'name' },
  { key: 'line1', label: 'Address', autoComplete: 'address-line1' },
  { key: 'line2', label: 'Apartment, suite (optional)', autoComplete: 'address-line2', optional: true },
  { key: 'city', label: 'Town or city', autoComplete: 'address-level2' },
  { key: 'postalCode', label: 'Postcode', autoComplete: 'postal-code' },
  { key: 'phone', label: 'Phone (optional, for the courier)', autoComplete: 'tel', optional: true },
];

export function AddressForm({ initial, serverErrors, busy, onSubmit, submitLabel }: Props) {
  const [address, setAddress] = useState(initial);
  const [errors, setErrors] = useState<AddressErrors>({});
  const shown = { ...serverErrors, ...errors };
  const update = (key: keyof AddressFields, value: string) => {
    const next = { ...address, [key]: value };
    setAddress(next);
    // Once a field shows an error, re-check it on every keystroke so the error leaves as soon as it is fixed.
    if (errors[key]) setErrors({ ...errors, [key]: checkAddressField(key, next) });
  };
  const leave = (key: keyof AddressFields) =>
    setErrors({ ...errors, [key]: checkAddressField(key, address) });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const found = checkAddress(address);
    setErrors(found);
    const first = Object.keys(found)[0];
    if (first) document.getElementById(`addr-${first}`)?.focus();
    else onSubmit(address);
  };
  const input = (f: (typeof fields)[number]) => (
    <div className="field" key={f.key}>
      <label htmlFor={`addr-${f.key}`}>{f.label}</label>
      <input
        id={`addr-${f.key}`}
        name={f.key}
        autoComplete={`shipping ${f.autoComplete}`}
        required={!f.optional}
        value={address[f.key]}
        onChange={(e) => update(f.key, e.target.value)}
        onBlur={(e) => {
          // Leaving for the submit button: the submit checks every field. Showing the error now would
          // push the button down under the pointer between mousedown and click, and lose the click.
          if ((e.relatedTarget as HTMLButtonElement | null)?.type !== 'submit') leave(f.key);
        }}
        aria-invalid={shown[f.key] ? true : undefined}
        aria-describedby={shown[f.key] ? `addr-${f.key}-error` : undefined}
      />
      {shown[f.key] && (
        <p id={`addr-${f.key}-error`} className="field-error">
          {shown[f.key]}
        </p>
      )}
    </div>
  );
  return (
    <form onSubmit={submit} noValidate>
      {fields.slice(0, 4).map(input)}
      <div className="field">
        <label htmlFor="addr-country">Country</label>
        <select
          id="addr-country"
          name="country"
          autoComplete="shipping country"
          value={address.country}
          onChange={(e) => update('country', e.target.value)}
        >
          {countries.map((c) => (
            <option key={c.code} value={c.code}>
              {c.name}
            </option>
          ))}
        </select>
      </div>
      {fields.slice(4).map(input)}
      <button type="submit" className="primary wide" disabled={busy}>
        {busy ? 'Saving…' : (submitLabel ?? 'Continue to delivery options')}
      </button>
    </form>
  );
}
