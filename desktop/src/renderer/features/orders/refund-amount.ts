/** What a refund dialog's choice comes to, in minor units, never more than is left to refund. */
import type { OrderDetail } from '../../../ipc/index.ts';

export type RefundChoice =
  | { kind: 'all' }
  | { kind: 'lines'; lineIds: readonly string[] }
  | { kind: 'amount'; text: string };

/** What is left of the order's total after earlier refunds (0 when money is hidden). */
export const refundable = (order: OrderDetail): number =>
  order.totals ? Math.max(0, order.totals.totalMinor - order.totals.refundedMinor) : 0;

/** "12.50", "12,50" or "12" to 1250; null for anything else (no more than two decimals). */
export function parseMoneyInput(text: string): number | null {
  const match = /^(\d{1,7})(?:[.,](\d{1,2}))?$/.exec(text.trim());
  if (!match) return null;
  return Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
}

/** The amount chosen, or null when the choice does not make a refund (nothing chosen, too much). */
export function refundAmount(order: OrderDetail, choice: RefundChoice): number | null {
  const left = refundable(order);
  const amount =
    choice.kind === 'all'
      ? left
      : choice.kind === 'lines'
        ? Math.min(
            left,
            order.lines
              .filter((l) => choice.lineIds.includes(l.id))
              .reduce((sum, l) => sum + (l.lineTotalMinor ?? 0), 0),
          )
        : parseMoneyInput(choice.text);
  return amount !== null && amount >= 1 && amount <= left ? amount : null;
}
