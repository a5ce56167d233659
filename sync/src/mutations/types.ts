import type { FieldError, MovementKind, OrderStatus, Permission, Result } from '@shoebox/shared';
import type { z } from 'zod';
import type { EntityName, EntityRow, ProductEditable } from '../protocol/entities.ts';
import type { RejectionCode } from '../protocol/errors.ts';

/**
 * A mutation is an intent ("receive 12 of MILA-NUDE-38 at the main warehouse"), never a row
 * overwrite. Each one is planned against the current state by a pure function that reads through
 * a `DomainReader` and answers the effects to write, or a rejection. The same plan runs on the
 * server (the authority, inside a transaction) and on the device (to replay pending mutations
 * on top of the mirror), so the two cannot disagree about what a mutation means.
 */

/** Reads current rows: the server's database inside the transaction, or the device's view. */
export interface DomainReader {
  get<E extends EntityName>(entity: E, id: string): Promise<EntityRow<E> | null>;
}

/** The writes a plan may ask for. Each is written conditionally (see `EffectWriter`). */
export type Effect =
  | {
      type: 'stock';
      variantId: string;
      locationId: string;
      movement: Extract<MovementKind, 'receive' | 'adjust' | 'count' | 'transfer_out' | 'transfer_in'>;
      /** Signed for adjust and count, positive otherwise (as in shared/stock.ts). */
      quantity: number;
      reason: string | null;
    }
  | { type: 'orderStatus'; orderId: string; from: OrderStatus; to: OrderStatus }
  | { type: 'orderNote'; noteId: string; orderId: string; text: string }
  | { type: 'productFields'; productId: string; fromVersion: number; fields: Partial<ProductEditable> }
  | FulfillmentEffect;

/**
 * Warehouse steps (decision 0040). Each is the intent itself: the server writes it through the
 * fulfillment, shipping and returns modules (which check their own rules again inside the push
 * transaction), and the device lays the rows it leads to over its mirror (fulfillment-effects.ts).
 */
export type FulfillmentEffect =
  | { type: 'pickConfirm'; batchId: string; lineId: string; scan: string | null }
  | {
      type: 'pickShort';
      batchId: string;
      lineId: string;
      orderId: string;
      missing: number;
      reason: string;
      choice: 'wait' | 'substitute' | 'cancel_line';
      substituteVariantId: string | null;
      consentNote: string | null;
    }
  | { type: 'pack'; orderId: string; scans: string[]; boxCode: string; weightGrams: number | null }
  | {
      type: 'shipmentCreate';
      shipmentId: string;
      orderId: string;
      trackingNumber: string;
      service: 'standard' | 'express';
      weightGrams: number;
      boxCode: string;
      shipDate: string;
    }
  | { type: 'shipmentVoid'; shipmentId: string; orderId: string; reason: string }
  | {
      type: 'returnReceive';
      returnId: string;
      lines: { returnLineId: string; inspection: 'restock' | 'b_stock' | 'write_off' }[];
    };

export interface Rejection {
  code: RejectionCode;
  message: string;
  details?: Record<string, unknown>;
  errors?: FieldError[];
}

export interface Plan {
  effects: Effect[];
  /** What the device is told on success (e.g. the delta a count became). */
  outcome: Record<string, unknown>;
}

export interface PlanContext {
  deviceId: string;
  mutationId: string;
}

export interface MutationDefinition<Name extends string = string, Args extends z.ZodType = z.ZodType> {
  name: Name;
  args: Args;
  /** Permissions the signed-in role needs for these args (checked before planning). */
  permissions(args: z.output<Args>): Permission[];
  plan(args: z.output<Args>, read: DomainReader, ctx: PlanContext): Promise<Result<Plan, Rejection>>;
}

/** Types a definition without widening its name or args (`defineMutation({...})`). */
export const defineMutation = <Name extends string, Args extends z.ZodType>(
  definition: MutationDefinition<Name, Args>,
): MutationDefinition<Name, Args> => definition;

export const reject = (
  code: RejectionCode,
  message: string,
  details?: Record<string, unknown>,
): { ok: false; error: Rejection } => ({
  ok: false,
  error: details ? { code, message, details } : { code, message },
});

export const planned = (
  effects: Effect[],
  outcome: Record<string, unknown> = {},
): { ok: true; value: Plan } => ({
  ok: true,
  value: { effects, outcome },
});
