/**
 * The handler table: every call the renderer can make, as data. Names are `<domain>.<action>`;
 * the specs live per domain in `handlers/`, their shapes in `contracts.ts` and `shapes/`.
 *
 * The backend (`desktop/src/backend`) implements everything but the PDF printing handlers, which
 * Electron's main process provides (browser mode answers IPC_HANDLER_UNAVAILABLE for them).
 * Reads come from the local cache and writes go to its outbox, so every warehouse action works
 * offline; only `inventory.movements` (and the server part of `orders.detail`) need the API.
 */
import type { z } from 'zod';
import { catalogSpecs } from './handlers/catalog.ts';
import { dashboardSpecs } from './handlers/dashboard.ts';
import { fulfillmentSpecs } from './handlers/fulfillment.ts';
import { inventorySpecs } from './handlers/inventory.ts';
import { orderMoneySpecs } from './handlers/order-money.ts';
import { orderSpecs } from './handlers/orders.ts';
import { printingSpecs } from './handlers/printing.ts';
import { productAdminSpecs } from './handlers/products.ts';
import { sessionSpecs } from './handlers/session.ts';
import { settingsSpecs } from './handlers/settings.ts';
import { syncSpecs } from './handlers/sync.ts';

export const handlerSpecs = {
  ...sessionSpecs,
  ...syncSpecs,
  ...printingSpecs,
  ...catalogSpecs,
  ...productAdminSpecs,
  ...inventorySpecs,
  ...orderSpecs,
  ...orderMoneySpecs,
  ...dashboardSpecs,
  ...fulfillmentSpecs,
  ...settingsSpecs,
} as const;

type Specs = typeof handlerSpecs;
export type HandlerName = keyof Specs;
/** What the renderer passes. */
export type ArgsIn<N extends HandlerName> = z.input<Specs[N]['args']>;
/** What the backend receives, after the schema's defaults and transforms. */
export type ArgsOf<N extends HandlerName> = z.output<Specs[N]['args']>;
export type ResultOf<N extends HandlerName> = z.output<Specs[N]['result']>;

/** The full map a backend implements; a backend built in steps provides `Partial<Handlers>`. */
export type Handlers = { [N in HandlerName]: (args: ArgsOf<N>) => Promise<ResultOf<N>> };

export const handlerNames = Object.keys(handlerSpecs) as HandlerName[];
export const isHandlerName = (name: string): name is HandlerName => Object.hasOwn(handlerSpecs, name);
