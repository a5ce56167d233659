/**
 * The whole renderer over the fake backend, in a real browser, for the screenshots of every
 * screen (tests/desktop/screens.test.ts): no API, no host, the same shop every time. Served by
 * vite's dev server in that test only; not part of the app. localStorage says who is signed in
 * (`harness.role`), whether the server is away (`harness.offline`), how many orders there are
 * whether there are refused changes (`harness.attention`) and how many tracking numbers
 * the device has left (`harness.trackingLeft`).
 */
import type { Role } from '@shoebox/shared';
import { createRoot } from 'react-dom/client';
import { App } from '../../app/App.tsx';
import { createFakeBackend } from '../fake-backend.ts';
import { variants } from '../fake-data.ts';

const setting = (key: string) => localStorage.getItem(`harness.${key}`);
const fake = createFakeBackend({
  orders: Number(setting('orders') ?? 2000),
  ...(setting('trackingLeft') ? { trackingLeft: Number(setting('trackingLeft')) } : {}),
});
/** The screenshot test asks the page for an order to pack and its barcodes. */
(window as unknown as { harnessPackable(): { number: string; gtins: string[] } }).harnessPackable = () => {
  const order = fake.shop.orders.find(
    (o) => o.status === 'picking' && o.lineVariantIds.length === 3 && new Set(o.lineVariantIds).size === 3,
  )!;
  return {
    number: order.number,
    gtins: order.lineVariantIds.map((id) => variants.find((v) => v.id === id)!.gtin),
  };
};
const role = setting('role') as Role | null;
if (role) fake.signInAs(role);
if (setting('offline')) {
  fake.setSync({ state: 'offline', pending: 3, lastContactAt: '2026-12-02T09:12:00.000Z' });
  fake.shop.offline = true;
}
if (setting('attention'))
  fake.setAttention([
    {
      mutationId: 'm-1',
      name: 'inventory.adjust',
      summary: 'Adjust ANA-PUMP-RED-39 by −2 at MAIN (damaged)',
      args: {},
      madeAt: '2026-12-02T08:02:00.000Z',
      rejectedAt: '2026-12-02T08:40:00.000Z',
      code: 'INSUFFICIENT_STOCK',
      message: 'Only 1 pair was on the books at MAIN when this change arrived; stock cannot go below zero.',
      advice: 'Count ANA-PUMP-RED at MAIN, then adjust again with what is really on the shelf.',
      actions: ['retry', 'dismiss'],
    },
    {
      mutationId: 'm-2',
      name: 'orders.transition',
      summary: 'Mark SB-7K3M9Q2X packed',
      args: {},
      madeAt: '2026-12-02T08:15:00.000Z',
      rejectedAt: '2026-12-02T08:40:00.000Z',
      code: 'ILLEGAL_ORDER_TRANSITION',
      message: 'The order was cancelled by a manager before this arrived.',
      advice: 'Put the shoes back on the shelf; the order will not ship. Nothing else to do.',
      actions: ['dismiss'],
    },
    {
      mutationId: 'm-3',
      name: 'products.update',
      summary: 'Edit Lisbon Loafer: name, description',
      args: {},
      madeAt: '2026-12-02T07:50:00.000Z',
      rejectedAt: '2026-12-02T08:41:00.000Z',
      code: 'PRODUCT_EDIT_CONFLICT',
      message: 'Someone changed the same fields on another device first.',
      advice: 'Choose, field by field, which text to keep.',
      actions: ['resolve-conflict', 'dismiss'],
      conflicts: [
        { field: 'name', base: 'Lisbon Loafer', mine: 'Lisbon Penny Loafer', theirs: 'Lisboa Loafer' },
      ],
    },
  ]);

createRoot(document.getElementById('root')!).render(<App client={fake.client} />);
