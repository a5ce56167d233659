import { cleanup, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createFakeBackend } from '../../test/fake-backend.ts';
import { renderApp } from '../../test/render.tsx';
import { browserPrinting } from './printing.ts';

beforeEach(() => localStorage.clear());
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

function shop(role: 'warehouse' | 'manager', options: { offline?: boolean; electron?: boolean } = {}) {
  const fake = createFakeBackend({ orders: 60, ...(options.electron ? { electron: true } : {}) });
  fake.signInAs(role);
  if (options.offline) {
    fake.setSync({ state: 'offline' });
    fake.shop.offline = true;
  }
  return fake;
}
const rows = (table: string) =>
  within(screen.getByRole('table', { name: table }))
    .getAllByRole('row')
    .slice(1);

describe('shipments', () => {
  it('filters by status and finds a shipment by its tracking number', async () => {
    const fake = shop('warehouse');
    const { user } = renderApp(fake, { path: '/shipments?f.status=delivered' });
    await screen.findByRole('table', { name: 'Shipments' });
    const delivered = fake.warehouse.shipments.filter((s) => s.status === 'delivered');
    expect(rows('Shipments')).toHaveLength(delivered.length);
    const wanted = delivered[3]!;
    await user.type(screen.getByLabelText('Order or tracking number'), wanted.trackingNumber);
    await waitFor(() => expect(rows('Shipments')).toHaveLength(1));
    expect(rows('Shipments')[0]!.textContent).toContain(wanted.orderNumber);
  });

  it('voids a label only after a reason and a confirmation that names it', async () => {
    const fake = shop('warehouse');
    const target = fake.warehouse.shipments[0]!;
    target.status = 'labelled';
    target.trackingStatus = 'label_created';
    const { user } = renderApp(fake, { path: `/shipments?q=${target.trackingNumber}` });
    await screen.findByRole('table', { name: 'Shipments' });
    await user.click(screen.getByRole('button', { name: 'Void…' }));
    const dialog = await screen.findByRole('dialog', {
      name: `Void label ${target.trackingNumber} of ${target.orderNumber}?`,
    });
    const confirm = within(dialog).getByRole('button', { name: 'Void label' }) as HTMLButtonElement;
    expect(confirm.disabled).toBe(true);
    await user.type(within(dialog).getByLabelText(/Why/), 'Label smudged');
    await user.click(confirm);
    await screen.findByText(`Label ${target.trackingNumber} of ${target.orderNumber} voided.`, {
      exact: false,
    });
    expect(fake.shop.writes.find((w) => w.name === 'shipments.void')!.args).toEqual({
      shipmentId: target.id,
      reason: 'Label smudged',
    });
  });

  it('reprints through the browser when there is no system printing, and advances tracking online', async () => {
    const fake = shop('warehouse');
    const printPdf = vi.spyOn(browserPrinting, 'printPdf').mockImplementation(() => {});
    const target = fake.warehouse.shipments.find((s) => s.status === 'in_transit')!;
    const { user } = renderApp(fake, { path: `/shipments?q=${target.trackingNumber}` });
    await screen.findByRole('table', { name: 'Shipments' });
    await user.click(screen.getByRole('button', { name: 'Reprint' }));
    await waitFor(() => expect(printPdf).toHaveBeenCalledTimes(2));
    await user.click(screen.getByRole('button', { name: 'Mark out for delivery' }));
    await waitFor(() => expect(target.trackingStatus).toBe('out_for_delivery'));
  });

  it('offline: tracking buttons are disabled and the screen says why; reprint still works', async () => {
    const fake = shop('warehouse', { offline: true, electron: true });
    const target = fake.warehouse.shipments.find((s) => s.status === 'in_transit')!;
    const { user } = renderApp(fake, { path: `/shipments?q=${target.trackingNumber}` });
    await screen.findByRole('table', { name: 'Shipments' });
    expect(await screen.findByText(/Advancing a parcel's tracking needs the shop server/)).toBeTruthy();
    expect(
      (screen.getByRole('button', { name: 'Mark out for delivery' }) as HTMLButtonElement).disabled,
    ).toBe(true);
    await user.click(screen.getByRole('button', { name: 'Reprint' }));
    await waitFor(() => expect(fake.shop.writes.filter((w) => w.name === 'printing.pdf')).toHaveLength(2));
  });

  it("prints a pick batch's labels as one PDF", async () => {
    const fake = shop('warehouse', { electron: true });
    const batch = fake.warehouse.batches[0]!;
    const { user } = renderApp(fake, { path: '/shipments' });
    await screen.findByRole('table', { name: 'Shipments' });
    await user.click(screen.getByLabelText('Labels of pick batch'));
    await user.click(await screen.findByRole('option', { name: new RegExp(batch.number) }));
    await user.click(screen.getByRole('button', { name: 'Print batch labels' }));
    // Nothing of this batch is packed yet: said in words, nothing printed.
    expect((await screen.findByTestId('batch-labels-result')).textContent).toMatch(/pack them first/);
    expect(fake.shop.writes.filter((w) => w.name === 'printing.pdf')).toHaveLength(0);
    const order = fake.shop.orders.find((o) => o.id === batch.lines[0]!.orderId)!;
    fake.warehouse.shipments.unshift({
      ...fake.warehouse.shipments[0]!,
      id: 'batch-shipment',
      orderId: order.id,
      status: 'labelled',
    });
    await user.click(screen.getByRole('button', { name: 'Print batch labels' }));
    await waitFor(() =>
      expect(screen.getByTestId('batch-labels-result').textContent).toMatch(
        /1 label sent to the label printer/,
      ),
    );
  });
});

describe('returns', () => {
  it('receives a return only when every line is inspected, and restocks', async () => {
    const fake = shop('warehouse');
    const ret = fake.warehouse.returns.find((r) => r.row.status === 'requested' && r.lines.length === 1)!;
    const { user } = renderApp(fake, { path: `/returns/${ret.row.id}` });
    await screen.findByRole('table', { name: 'Returned pairs' });
    const receive = screen.getByRole('button', { name: 'Receive the return' }) as HTMLButtonElement;
    expect(receive.disabled).toBe(true);
    // Warehouse staff see no money.
    expect(document.body.textContent).not.toMatch(/€|Refund €/);
    const line = ret.lines[0]!;
    const key = `${line.variantId}:00000000-0000-4000-8001-000000000001`;
    const before = fake.shop.stock.get(key)?.onHand ?? 0;
    await user.click(screen.getByRole('button', { name: 'Restock' }));
    await user.click(receive);
    await waitFor(() => expect(ret.row.status).toBe('received'));
    expect(fake.shop.stock.get(key)!.onHand).toBe(before + 1);
    expect(await screen.findByText(/A manager refunds it/)).toBeTruthy();
  });

  it('asks before writing off, naming the pair', async () => {
    const fake = shop('warehouse');
    const ret = fake.warehouse.returns.find((r) => r.row.status === 'requested' && r.lines.length === 1)!;
    const { user } = renderApp(fake, { path: `/returns/${ret.row.id}` });
    await screen.findByRole('table', { name: 'Returned pairs' });
    await user.click(screen.getByRole('button', { name: 'Write off' }));
    await user.click(screen.getByRole('button', { name: 'Receive the return' }));
    const dialog = await screen.findByRole('dialog', {
      name: new RegExp(`Write off .*${ret.lines[0]!.productName}`),
    });
    expect(fake.shop.writes).toHaveLength(0);
    await user.click(within(dialog).getByRole('button', { name: 'Receive and write off' }));
    await waitFor(() => expect(ret.row.status).toBe('received'));
  });

  it('a manager refunds a received return after a confirmation with the amount; offline the refund waits', async () => {
    const fake = shop('manager');
    const ret = fake.warehouse.returns.find((r) => r.row.status === 'received')!;
    const total = ret.lines.reduce((s, l) => s + l.refundFullMinor, 0);
    const amount = `€${(total / 100).toFixed(2)}`;
    const { user } = renderApp(fake, { path: `/returns/${ret.row.id}` });
    await screen.findByRole('table', { name: 'Returned pairs' });
    await user.click(screen.getByRole('button', { name: `Refund ${amount}…` }));
    const dialog = await screen.findByRole('dialog', {
      name: `Refund ${amount} for order ${ret.row.orderNumber}?`,
    });
    await user.click(within(dialog).getByRole('button', { name: `Refund ${amount}` }));
    await waitFor(() => expect(ret.row.status).toBe('refunded'));
    expect(fake.shop.writes.filter((w) => w.name === 'returns.refund')).toHaveLength(1);

    cleanup();
    const away = shop('manager', { offline: true });
    const other = away.warehouse.returns.find((r) => r.row.status === 'received')!;
    renderApp(away, { path: `/returns/${other.row.id}` });
    await screen.findByText(/Refunds need the shop server/);
    expect((screen.getByRole('button', { name: /^Refund / }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('lists returns with a status filter', async () => {
    const fake = shop('warehouse');
    renderApp(fake, { path: '/returns?f.status=requested' });
    await screen.findByRole('table', { name: 'Returns' });
    expect(rows('Returns')).toHaveLength(
      fake.warehouse.returns.filter((r) => r.row.status === 'requested').length,
    );
  });
});

describe('printers settings and navigation', () => {
  it('explains system printers in browser mode and saves a ZPL printer', async () => {
    const fake = shop('warehouse');
    const { user } = renderApp(fake, { path: '/settings/printers' });
    expect((await screen.findByTestId('browser-mode-printers')).textContent).toMatch(
      /browser's own print dialog/,
    );
    await user.click(screen.getByLabelText(/ZPL to a thermal label printer/));
    const save = screen.getByRole('button', { name: 'Save printers' }) as HTMLButtonElement;
    expect(save.disabled).toBe(true);
    await user.type(screen.getByLabelText('Thermal printer host or IP'), '10.0.0.40');
    await user.click(save);
    await screen.findByText(/Saved on this device/);
    expect(fake.warehouse.printer).toMatchObject({
      labelFormat: 'zpl',
      thermalHost: '10.0.0.40',
      thermalPort: 9100,
    });
  });

  it('lists system printers in the desktop app', async () => {
    const fake = shop('manager', { electron: true });
    const { user } = renderApp(fake, { path: '/settings/printers' });
    await user.click(await screen.findByLabelText('Label printer'));
    expect(await screen.findByRole('option', { name: 'Zebra GK420d (labels)' })).toBeTruthy();
  });

  it('shows the warehouse screens to warehouse staff, and opens the pack station with g b', async () => {
    const fake = shop('warehouse');
    const { user } = renderApp(fake);
    const nav = within(await screen.findByTestId('navigation'));
    for (const name of ['Pick', 'Pack station', 'Shipments', 'Returns', 'Printers'])
      expect(nav.getByText(name)).toBeTruthy();
    await user.keyboard('gb');
    expect(await screen.findByRole('heading', { name: 'Pack station' })).toBeTruthy();
  });
});
