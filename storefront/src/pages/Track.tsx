/** `/track/<tracking number>`: where the shipped mail and SMS link. A parcel's progress, no sign-in. */
import type { ParcelTracking } from '@shoebox/shared/store';
import { api } from '../app/api.ts';
import { useMeta } from '../app/meta.ts';
import { Link } from '../app/router.tsx';
import { useFetch } from '../app/use-fetch.ts';

/** The steps a parcel meets, in order, in the shopper's words. */
const STEPS = [
  ['label_created', 'Packed and labelled'],
  ['handed_over', 'Handed to the carrier'],
  ['in_transit', 'On its way'],
  ['out_for_delivery', 'Out for delivery'],
  ['delivered', 'Delivered'],
] as const;
const words = (status: string): string =>
  STEPS.find(([s]) => s === status)?.[1] ??
  (status === 'exception' ? 'Delayed: the carrier reported a problem' : status.replace(/_/g, ' '));

const when = (iso: string) =>
  new Date(iso).toLocaleString('en-GB', {
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
  });

export default function Track({ number }: { number: string }) {
  useMeta({
    title: `Parcel ${number}`,
    canonicalPath: `/track/${encodeURIComponent(number)}`,
    noindex: true,
  });
  const { data, error } = useFetch<ParcelTracking>(`track:${number}`, () => api.store.tracking.get(number));
  return (
    <div className="track narrow">
      <h1>Track your parcel</h1>
      <p className="order-number">
        Tracking number <strong>{number}</strong>
      </p>
      {error && (
        <p className="error" role="alert">
          {error} Check the number in your shipping e-mail, or try again in a few minutes: new parcels appear
          once they are labelled.
        </p>
      )}
      {!data && !error && <p className="loading">Looking up your parcel…</p>}
      {data && <Progress parcel={data} />}
      <Link href="/" className="button wide">
        Continue shopping
      </Link>
    </div>
  );
}

function Progress({ parcel }: { parcel: ParcelTracking }) {
  const reached = new Map(parcel.events.map((e) => [e.status, e.occurredAt]));
  const last = STEPS.findLastIndex(([s]) => reached.has(s));
  return (
    <>
      <p className="track-now" aria-live="polite">
        <strong>{words(parcel.trackingStatus)}</strong>
        <span className="muted">
          {' '}
          with {parcel.carrier === 'house' ? 'our own courier' : parcel.carrier} ({parcel.service})
        </span>
      </p>
      <ol className="track-steps">
        {STEPS.map(([status, label], i) => {
          const at = reached.get(status);
          const done = i <= last;
          return (
            <li key={status} className={done ? 'done' : 'todo'}>
              <span className="mark" aria-hidden="true">
                {done ? '✓' : ''}
              </span>
              <span>
                {label}
                <span className="visually-hidden">{done ? ' (done)' : ' (not yet)'}</span>
                {at && <span className="muted when"> · {when(at)}</span>}
              </span>
            </li>
          );
        })}
      </ol>
      {reached.has('exception') && (
        <p className="field-error">The carrier reported a problem with this parcel; it may arrive later.</p>
      )}
    </>
  );
}
