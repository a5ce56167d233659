/**
 * `/returns` and `/returns/<order number>` (the packing slip's QR code links to the latter): the
 * signed-in shopper sends pairs of a shipped order back for a refund or another size, through
 * POST /store/returns with the API's reason codes.
 */
import type { CustomerOrderDetail, ReturnView, StoreReturnBody } from '@shoebox/shared/store';
import { type FormEvent, useState } from 'react';
import { AuthForms } from '../account/AuthForms.tsx';
import { accountApi, authed, useSignedIn } from '../account/session.ts';
import { useMeta } from '../app/meta.ts';
import { Link } from '../app/router.tsx';
import { useAction } from '../app/use-action.ts';
import { useFetch } from '../app/use-fetch.ts';
import { emptyChoice, type LineChoice, ReturnLine } from '../returns/ReturnLine.tsx';

const RETURNABLE = new Set(['shipped', 'delivered']);

export default function Returns({ number }: { number?: string | undefined }) {
  useMeta({ title: 'Return or exchange', canonicalPath: '/returns', noindex: true });
  const signedIn = useSignedIn();
  if (!signedIn)
    return (
      <>
        <div className="narrow">
          <h1>Return or exchange</h1>
          <p>Sign in with the account you ordered with, then choose the pairs to send back.</p>
        </div>
        <AuthForms />
      </>
    );
  return number ? <OrderReturn number={number} /> : <PickOrder />;
}

function PickOrder() {
  const { data, error } = useFetch('returns:orders', () =>
    authed(() => accountApi.orders.list({ pageSize: 20 })),
  );
  const orders = data?.items.filter((o) => RETURNABLE.has(o.status)) ?? [];
  return (
    <div className="narrow">
      <h1>Return or exchange</h1>
      <p>Free returns within 30 days of delivery. Which order is it?</p>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {!data && !error && <p className="loading">Loading your orders…</p>}
      {data && orders.length === 0 && (
        <p className="muted">No shipped orders yet: you can send pairs back once they are on their way.</p>
      )}
      <ul className="orders">
        {orders.map((o) => (
          <li key={o.number} className="line">
            <Link href={`/returns/${encodeURIComponent(o.number)}`}>{o.number}</Link>
            <span className="muted">
              {new Date(o.placedAt).toLocaleDateString('en-IE')} · {o.itemCount}{' '}
              {o.itemCount === 1 ? 'pair' : 'pairs'}
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}

function OrderReturn({ number }: { number: string }) {
  const { data: order, error } = useFetch(`returns:order:${number}`, () =>
    authed(() => accountApi.orders.get(number)),
  );
  const [done, setDone] = useState<ReturnView | null>(null);
  if (error)
    return (
      <div className="narrow">
        <h1>Return or exchange</h1>
        <p className="error" role="alert">
          {error}
        </p>
        <Link href="/returns">Choose another order</Link>
      </div>
    );
  if (!order) return <p className="loading">Loading order {number}…</p>;
  if (done) return <Requested order={order} request={done} />;
  if (!RETURNABLE.has(order.status))
    return (
      <div className="narrow">
        <h1>Return or exchange</h1>
        <p>
          Order {order.number} has not shipped yet ({order.status.replace('_', ' ')}), so there is nothing to
          send back. To change it, reply to your order e-mail.
        </p>
      </div>
    );
  return <ReturnForm order={order} onDone={setDone} />;
}

function ReturnForm({ order, onDone }: { order: CustomerOrderDetail; onDone: (r: ReturnView) => void }) {
  const [choices, setChoices] = useState<Record<string, LineChoice>>({});
  const [lineErrors, setLineErrors] = useState<Record<string, string>>({});
  const { busy, error, setError, run } = useAction();
  const choiceOf = (id: string) => choices[id] ?? emptyChoice;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const picked = order.lines.filter((l) => choiceOf(l.id).selected);
    const errors: Record<string, string> = {};
    for (const l of picked) {
      const c = choiceOf(l.id);
      if (!c.reason) errors[l.id] = 'Tell us why, so we can help the next shopper choose.';
      else if (c.exchangeVariantId === '') errors[l.id] = 'Choose the size you would like instead.';
    }
    setLineErrors(errors);
    if (picked.length === 0) return setError('Tick the pairs you are sending back.');
    if (Object.keys(errors).length > 0) return;
    const lines: StoreReturnBody['lines'] = picked.map((l) => {
      const c = choiceOf(l.id);
      return {
        orderLineId: l.id,
        quantity: l.quantity,
        reason: c.reason as StoreReturnBody['lines'][number]['reason'],
        ...(c.exchangeVariantId ? { exchangeVariantId: c.exchangeVariantId } : {}),
      };
    });
    let answer: ReturnView | null = null;
    const ok = await run(async () => {
      answer = await authed(() => accountApi.returns.request({ orderNumber: order.number, lines }));
    });
    if (ok && answer) onDone(answer);
  };

  return (
    <form className="narrow returns" onSubmit={submit} noValidate>
      <h1>Return or exchange</h1>
      <p>
        Order <strong>{order.number}</strong>: tick the pairs you are sending back.
      </p>
      <ul className="return-lines">
        {order.lines.map((l) => (
          <ReturnLine
            key={l.id}
            line={l}
            choice={choiceOf(l.id)}
            error={lineErrors[l.id]}
            onChange={(c) => {
              setChoices((all) => ({ ...all, [l.id]: c }));
              setError(null);
            }}
          />
        ))}
      </ul>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      <button type="submit" className="primary wide" disabled={busy}>
        {busy ? 'Sending…' : 'Request the return'}
      </button>
    </form>
  );
}

function Requested({ order, request }: { order: CustomerOrderDetail; request: ReturnView }) {
  const exchanges = request.lines.filter((l) => l.exchangeVariantId).length;
  const pairs = request.lines.reduce((n, l) => n + l.quantity, 0);
  return (
    <div className="narrow confirmation" role="status">
      <h1>Your return is requested</h1>
      <p>
        Send the {pairs === 1 ? 'pair' : `${pairs} pairs`} of order <strong>{order.number}</strong> back in
        their box with the packing slip.{' '}
        {exchanges > 0
          ? 'We have put your new size aside and send it as soon as your return arrives.'
          : 'We refund you as soon as your return arrives and is checked.'}
      </p>
      <Link href="/account" className="button primary wide">
        Back to your account
      </Link>
    </div>
  );
}
