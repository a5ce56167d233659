/** The saved EU size, preselected on product pages. */
import { useState } from 'react';
import { useAction } from '../app/use-action.ts';
import { accountApi, authed } from './session.ts';

const sizes = Array.from({ length: 17 }, (_, i) => 35 + i / 2);

export function SavedSize({ initial }: { initial: number | null }) {
  const [size, setSize] = useState(initial);
  const [saved, setSaved] = useState(false);
  const { busy, error, run } = useAction();
  const save = (value: number | null) =>
    run(async () => {
      setSaved(false);
      const profile = await authed(() => accountApi.account.setSavedSize({ sizeEu: value }));
      setSize(profile.savedSizeEu);
      setSaved(true);
    });
  return (
    <section aria-labelledby="size-title" className="account-section">
      <h2 id="size-title">Your shoe size</h2>
      <label htmlFor="saved-size">EU size, chosen for you on every product page</label>
      <select
        id="saved-size"
        value={size ?? ''}
        disabled={busy}
        onChange={(e) => save(e.target.value === '' ? null : Number(e.target.value))}
      >
        <option value="">Not saved</option>
        {sizes.map((s) => (
          <option key={s} value={s}>
            EU {s}
          </option>
        ))}
      </select>
      <p aria-live="polite" className="ok small">
        {saved && (size === null ? 'Size cleared.' : `Saved: EU ${size}.`)}
      </p>
      {error && <p className="field-error">{error}</p>}
    </section>
  );
}
