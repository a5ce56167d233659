import type { AttentionEntry } from '@shoebox/sync/client';
import { stockLevelId } from '@shoebox/sync/protocol';
import type { AttentionItem } from '../../ipc/index.ts';
import type { CacheView } from './cache-view.ts';
import { iso } from './visibility.ts';

type Action = AttentionItem['actions'][number];

/** What to tell a shop worker about each refusal, and what they can do about it. */
const adviceByCode: Record<string, { advice: string; actions: Action[] }> = {
  INSUFFICIENT_STOCK: {
    advice:
      'The shelf has fewer units than this change needs (someone sold or moved them meanwhile). Count the shelf; retry once the stock is there, or dismiss.',
    actions: ['retry', 'dismiss'],
  },
  ILLEGAL_ORDER_TRANSITION: {
    advice:
      'The order changed on the server meanwhile (for example it was cancelled or already shipped). Open the order to check it, then dismiss.',
    actions: ['dismiss'],
  },
  PRODUCT_EDIT_CONFLICT: {
    advice:
      'Someone else changed the same fields of this product. Choose, field by field, which value to keep and save again.',
    actions: ['resolve-conflict', 'dismiss'],
  },
  PERMISSION_DENIED: {
    advice: 'Your role may not make this change. Ask a manager to do it, then dismiss.',
    actions: ['dismiss'],
  },
  NOTE_ID_TAKEN: {
    advice: 'The note clashed with another one. Retry to add it again.',
    actions: ['retry', 'dismiss'],
  },
  ORDER_CANCELLED: {
    advice:
      'The order was cancelled while this device was offline. If a label was printed for it, void that label (its tracking number is below) and put the items back on the shelf, then dismiss.',
    actions: ['dismiss'],
  },
  TRACKING_NUMBER_USED: {
    advice:
      'This tracking number is already on another label. Void this label and print a new one, then dismiss.',
    actions: ['dismiss'],
  },
  TRACKING_NUMBER_NOT_RESERVED: {
    advice:
      'This tracking number is not from this device’s reserved block. Void this label and print a new one, then dismiss.',
    actions: ['dismiss'],
  },
  MUTATION_UNKNOWN: {
    advice: 'The shop server does not know this kind of change: update the app, then dismiss.',
    actions: ['dismiss'],
  },
  MUTATION_ARGS_INVALID: {
    advice: 'The shop server could not read this change: update the app, then dismiss.',
    actions: ['dismiss'],
  },
};
const gone = {
  advice: 'It was removed on the server meanwhile, so this change cannot apply. Dismiss it.',
  actions: ['dismiss'] as Action[],
};
const fallback = {
  advice: 'Retry it, or dismiss it if it no longer matters.',
  actions: ['retry', 'dismiss'] as Action[],
};

/** Product fields as a manager calls them, for the summary of an edit. */
const productFieldWords: Record<string, string> = {
  name: 'name',
  description: 'description',
  material: 'material',
  heelHeightMm: 'heel height',
  basePriceMinor: 'price',
  status: 'status',
  tags: 'tags',
};

const adviceFor = (code: string) => adviceByCode[code] ?? (code.endsWith('_NOT_FOUND') ? gone : fallback);

/** The "Needs attention" list in words: each refused change, why, and what to do. */
export function createAttentionService(view: CacheView) {
  const sku = (variantId: unknown) => view.get('variant', String(variantId))?.sku ?? 'an unknown shoe';
  const place = (locationId: unknown) =>
    view.get('location', String(locationId))?.name ?? 'an unknown location';
  const orderNo = (orderId: unknown) => view.get('order', String(orderId))?.number ?? 'an unknown order';

  function summary(name: string, a: Record<string, unknown>): string {
    switch (name) {
      case 'inventory.adjust':
        return `Adjust ${sku(a.variantId)} by ${a.delta} at ${place(a.locationId)} (${a.reason})`;
      case 'inventory.receive':
        return `Receive ${a.quantity} × ${sku(a.variantId)} at ${place(a.locationId)}`;
      case 'inventory.count': {
        const level = view.get('stockLevel', stockLevelId(String(a.variantId), String(a.locationId)));
        const now = level ? `, now ${level.onHand} on the books` : '';
        return `Count ${sku(a.variantId)} at ${place(a.locationId)}: ${a.counted} counted, ${a.expectedOnHand} expected${now}`;
      }
      case 'inventory.transfer':
        return `Move ${a.quantity} × ${sku(a.variantId)} from ${place(a.fromLocationId)} to ${place(a.toLocationId)}`;
      case 'order.transition':
        return `Order ${orderNo(a.orderId)}: ${String(a.event).replace('_', ' ')}`;
      case 'order.note':
        return `Note on order ${orderNo(a.orderId)}: “${a.text}”`;
      case 'product.update': {
        const product = view.get('product', String(a.productId));
        const fields = Object.keys((a.fields as object | undefined) ?? {})
          .map((f) => productFieldWords[f] ?? f)
          .join(', ');
        return `Edit ${product?.name ?? 'a product'}: ${fields}`;
      }
      case 'pack.complete':
        return `Pack order ${orderNo(a.orderId)}`;
      case 'shipment.create':
        return `Label ${a.trackingNumber} for order ${orderNo(a.orderId)}`;
      case 'shipment.void':
        return `Void a label (${a.reason})`;
      case 'pick.confirm-line':
        return 'Confirm a pick line';
      case 'pick.short':
        return `Short pick: ${a.missing} missing (${a.reason})`;
      case 'return.receive':
        return 'Receive a return';
      default:
        return name;
    }
  }

  function item({ envelope, result }: AttentionEntry): AttentionItem {
    const args = (envelope.args ?? {}) as Record<string, unknown>;
    const { advice, actions } = adviceFor(result.code);
    const details = result.details ?? {};
    const conflict = result.code === 'PRODUCT_EDIT_CONFLICT';
    return {
      mutationId: envelope.id,
      name: envelope.name,
      summary: summary(envelope.name, args),
      args,
      madeAt: iso(envelope.clientTime),
      rejectedAt: iso(result.rejectedAt),
      code: result.code,
      message: result.message,
      advice,
      actions,
      ...(conflict && Array.isArray(details.conflicts)
        ? {
            conflicts: details.conflicts as NonNullable<AttentionItem['conflicts']>,
            ...(typeof details.currentVersion === 'number' ? { currentVersion: details.currentVersion } : {}),
            productId: String(args.productId),
          }
        : {}),
    };
  }

  return { list: (entries: readonly AttentionEntry[]) => entries.map(item) };
}
