/**
 * One order: its lines, where it goes, notes (anyone may add one), the timeline, and the next
 * step as a button with its key. Payments, refunds and every amount show only to roles that may
 * see money (the backend sends null otherwise). Moves and notes are queued, so they work offline.
 */
import FlagOutlined from '@mui/icons-material/FlagOutlined';
import {
  Alert,
  Box,
  Button,
  Chip,
  Paper,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import type { DomainError } from '@shoebox/shared';
import { type ReactNode, useRef, useState } from 'react';
import type { OrderDetail } from '../../../ipc/index.ts';
import { navigate, useLocation } from '../../app/router.tsx';
import { useScreenKeys } from '../../app/screen-keys.ts';
import { EmptyState, ErrorState, LoadingSkeleton, Page } from '../../components/ScreenState.tsx';
import { useBackend } from '../../lib/backend.tsx';
import { money, size, when } from '../../lib/format.ts';
import { useSession } from '../../lib/session.tsx';
import { useInvoke } from '../../lib/use-invoke.ts';
import { Kbd } from '../inventory/InventoryScreen.tsx';
import { OrderMoneyActions } from './OrderMoneyActions.tsx';
import { StatusChip, transitionWords } from './order-words.tsx';

export const orderDetailShortcuts = [
  { keys: 'p / k / s / d', what: 'Start picking, mark packed, shipped, delivered' },
  { keys: 'n', what: 'Write a note' },
  { keys: 'Esc', what: 'Back to the queue' },
];

export function OrderDetailScreen() {
  const { pathname } = useLocation();
  const number = decodeURIComponent(pathname.split('/')[2] ?? '').toUpperCase();
  // The route carries the order number people read; the handler wants the id: find it in the queue.
  const found = useInvoke('orders.list', { q: number, pageSize: 5 });
  if (found.status === 'loading')
    return (
      <Page title={number}>
        <LoadingSkeleton rows={8} label="Loading the order" />
      </Page>
    );
  if (found.status === 'error')
    return (
      <Page title={number}>
        <ErrorState error={found.error} onRetry={found.reload} />
      </Page>
    );
  const order = found.data.items.find((o) => o.number === number);
  if (!order)
    return (
      <Page title={number}>
        <EmptyState
          title="There is no such order on this device"
          description={`No order is numbered ${number}. Check the number, or sync if it was placed a moment ago.`}
          action={<Button onClick={() => navigate('/orders')}>Back to the orders</Button>}
        />
      </Page>
    );
  return <OrderLoader orderId={order.id} />;
}

function OrderLoader({ orderId }: { orderId: string }) {
  const detail = useInvoke('orders.detail', { orderId });
  if (detail.status === 'loading') return <LoadingSkeleton rows={8} label="Loading the order" />;
  if (detail.status === 'error') return <ErrorState error={detail.error} onRetry={detail.reload} />;
  return <Order order={detail.data} reload={detail.reload} />;
}

const pairsTitle = (n: number) => `Lines (${n} ${n === 1 ? 'pair' : 'pairs'})`;

function Section({ title, children, id }: { title: string; children: ReactNode; id: string }) {
  return (
    <Paper sx={{ p: 2 }} aria-labelledby={id}>
      <Typography id={id} variant="h3" component="h2" sx={{ mb: 1 }}>
        {title}
      </Typography>
      {children}
    </Paper>
  );
}

function Order({ order, reload }: { order: OrderDetail; reload(): void }) {
  const backend = useBackend();
  const { session } = useSession();
  const canMove = Boolean(session?.permissions.includes('orders:fulfil'));
  const [error, setError] = useState<DomainError | null>(null);
  const [note, setNote] = useState('');
  const noteRef = useRef<HTMLInputElement>(null);
  const run = async (call: () => Promise<unknown>) => {
    setError(null);
    try {
      await call();
      reload();
    } catch (e) {
      setError(e as DomainError);
    }
  };
  const move = (event: OrderDetail['allowedEvents'][number]) =>
    run(() => backend.invoke('orders.transition', { orderId: order.id, event }));
  const addNote = () =>
    note.trim() &&
    run(async () => {
      await backend.invoke('orders.note', { orderId: order.id, text: note.trim() });
      setNote('');
    });

  useScreenKeys({
    ...Object.fromEntries(
      (canMove ? order.allowedEvents : []).map((e) => [transitionWords[e]?.key ?? '', () => void move(e)]),
    ),
    n: () => noteRef.current?.focus(),
    escape: () => navigate('/orders'),
  });
  const cur = order.currency;

  return (
    <Page
      title={`Order ${order.number}`}
      actions={
        <Stack direction="row" spacing={1}>
          {canMove &&
            order.allowedEvents.map((e) => (
              <Button key={e} variant="contained" onClick={() => void move(e)}>
                {transitionWords[e]?.label ?? e} <Kbd>{transitionWords[e]?.key ?? ''}</Kbd>
              </Button>
            ))}
          <OrderMoneyActions order={order} onChanged={reload} />
        </Stack>
      }
    >
      <Stack direction="row" spacing={1.5} sx={{ alignItems: 'center' }}>
        <Button onClick={() => navigate('/orders')}>← Orders</Button>
        <StatusChip status={order.status} />
        {order.flagged && (
          <Chip size="small" color="warning" variant="outlined" icon={<FlagOutlined />} label="Flagged" />
        )}
        {order.pending && <Chip size="small" variant="outlined" label="Changes waiting to be sent" />}
        <Typography variant="body2" color="text.secondary">
          Placed {when(order.createdAt)} · {order.shippingMethodId} delivery
        </Typography>
      </Stack>
      {error && <ErrorState error={error} />}
      <Box sx={{ display: 'grid', gridTemplateColumns: 'minmax(0, 2fr) minmax(280px, 1fr)', gap: 2 }}>
        <Stack spacing={2}>
          <Section title={pairsTitle(order.lines.reduce((s, l) => s + l.quantity, 0))} id="lines-title">
            <Table aria-label="Order lines">
              <TableHead>
                <TableRow>
                  {[
                    'Style',
                    'Colour',
                    'Size',
                    'SKU',
                    'Qty',
                    ...(order.moneyVisible ? ['Price', 'Total'] : []),
                  ].map((h) => (
                    <TableCell key={h} sx={{ fontWeight: 600 }}>
                      {h}
                    </TableCell>
                  ))}
                </TableRow>
              </TableHead>
              <TableBody>
                {order.lines.map((l) => (
                  <TableRow key={l.id}>
                    <TableCell>{l.productName}</TableCell>
                    <TableCell>{l.colourName}</TableCell>
                    <TableCell>{size(l.sizeEu, { forCustomer: true })}</TableCell>
                    <TableCell sx={{ fontFamily: 'ui-monospace, monospace', whiteSpace: 'nowrap' }}>
                      {l.sku}
                    </TableCell>
                    <TableCell>{l.quantity}</TableCell>
                    {order.moneyVisible && (
                      <>
                        <TableCell>{money(l.unitPriceMinor, cur)}</TableCell>
                        <TableCell>{money(l.lineTotalMinor, cur)}</TableCell>
                      </>
                    )}
                  </TableRow>
                ))}
              </TableBody>
            </Table>
            {order.totals && (
              <Stack sx={{ alignItems: 'flex-end', mt: 1 }} data-testid="order-totals">
                <Typography variant="body2">Subtotal {money(order.totals.subtotalMinor, cur)}</Typography>
                <Typography variant="body2">Delivery {money(order.totals.shippingMinor, cur)}</Typography>
                <Typography variant="body2">incl. VAT {money(order.totals.taxMinor, cur)}</Typography>
                <Typography sx={{ fontWeight: 600 }}>Total {money(order.totals.totalMinor, cur)}</Typography>
                {order.totals.refundedMinor > 0 && (
                  <Typography variant="body2">Refunded {money(order.totals.refundedMinor, cur)}</Typography>
                )}
              </Stack>
            )}
          </Section>
          <Section title="Notes" id="notes-title">
            <Stack spacing={1}>
              {order.notes.length === 0 && (
                <Typography variant="body2" color="text.secondary">
                  No notes yet. Notes are for staff only; the customer never sees them.
                </Typography>
              )}
              {order.notes.map((n) => (
                <Box key={n.id} sx={{ borderLeft: '3px solid', borderColor: 'divider', pl: 1.5 }}>
                  <Typography variant="body2">{n.text}</Typography>
                  <Typography variant="caption" color="text.secondary">
                    {when(n.createdAt)}
                    {n.pending ? ' · waiting to be sent' : ''}
                  </Typography>
                </Box>
              ))}
              <Stack direction="row" spacing={1}>
                <TextField
                  inputRef={noteRef}
                  label="Add a note (n)"
                  value={note}
                  onChange={(e) => setNote(e.target.value)}
                  onKeyDown={(e) => e.key === 'Enter' && void addNote()}
                  fullWidth
                />
                <Button
                  variant="outlined"
                  onClick={() => void addNote()}
                  disabled={!note.trim()}
                  sx={{ whiteSpace: 'nowrap', flex: 'none' }}
                >
                  Add note
                </Button>
              </Stack>
            </Stack>
          </Section>
        </Stack>
        <Stack spacing={2}>
          {order.shippingAddress && (
            <Section title="Deliver to" id="address-title">
              <Typography variant="body2">{order.shippingAddress.name}</Typography>
              <Typography variant="body2">{order.shippingAddress.line1}</Typography>
              {order.shippingAddress.line2 && (
                <Typography variant="body2">{order.shippingAddress.line2}</Typography>
              )}
              <Typography variant="body2">
                {order.shippingAddress.postalCode} {order.shippingAddress.city},{' '}
                {order.shippingAddress.country}
              </Typography>
              {order.email && (
                <Typography variant="body2" color="text.secondary">
                  {order.email}
                </Typography>
              )}
            </Section>
          )}
          {order.moneyVisible && (
            <Section title="Payment and refunds" id="payment-title">
              {order.payment ? (
                <Typography variant="body2">
                  {order.payment.provider} · {order.payment.intentId ?? 'no payment id'}
                  {order.paidAt ? ` · paid ${when(order.paidAt)}` : ' · not paid'}
                </Typography>
              ) : (
                <Typography variant="body2" color="text.secondary">
                  Payment details come from the shop server; they show when it answers.
                </Typography>
              )}
              {(order.refunds ?? []).map((r) => (
                <Typography key={r.id} variant="body2">
                  Refund {money(r.amountMinor, cur)} · {r.reason} · {r.status}
                </Typography>
              ))}
            </Section>
          )}
          <Section title="Timeline" id="timeline-title">
            {order.timelineSource === 'cache' && (
              <Alert severity="info" sx={{ mb: 1 }}>
                From this device only; the full timeline shows when the shop server answers.
              </Alert>
            )}
            <Stack component="ol" spacing={1} sx={{ m: 0, pl: 2 }}>
              {[...order.timeline].reverse().map((t) => (
                <li key={`${t.type}-${t.at}`}>
                  <Typography variant="body2">{t.message}</Typography>
                  <Typography variant="caption" color="text.secondary">
                    {when(t.at)}
                    {t.actorName ? ` · ${t.actorName}` : ''}
                  </Typography>
                </li>
              ))}
            </Stack>
          </Section>
        </Stack>
      </Box>
    </Page>
  );
}
