/** Cancelling and refunding an order: online only, for roles with orders:refund. */
import { cancelOrderBody, refundOrderBody } from '@shoebox/shared/contracts';
import { z } from 'zod';

const orderId = z.string().min(1).max(80);

/** The reason is the API's own rule (required, trimmed, bounded). */
export const orderCancelArgs = cancelOrderBody.extend({ orderId });

/** The amount is decided on screen (everything left, chosen lines or a typed amount). */
export const orderRefundArgs = refundOrderBody.extend({ orderId });
