import { cleanup, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cues } from '../../lib/sounds.ts';
import { createFakeBackend } from '../../test/fake-backend.ts';
import { variants } from '../../test/fake-data.ts';
import type { FakeWarehouseOptions } from '../../test/fake-fulfillment.ts';
import { renderApp } from '../../test/render.tsx';
import { browserPrinting } from './printing.ts';

beforeEach(() => localStorage.clear());
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

async function openStation(options: FakeWarehouseOptions & { offline?: boolean } = {}) {
  const fake = createFakeBackend({ orders: 60, ...options });
  fake.signInAs('warehouse');
  if (options.offline) {
    fake.setSync({ state: 'offline' });
    fake.shop.offline = true;
  }
  // An order being picked, with two different pairs: enough to show progress, refusals and completion.
  const order = fake.shop.orders.find(
    (o) =>
      o.status === 'picking' &&
      o.lineVariantIds.length >= 2 &&
      new Set(o.lineVariantIds).size === o.lineVariantIds.length,
  )!;
  const gtins = order.lineVariantIds.map((id) => variants.find((v) => v.id === id)!.gtin);
  const stranger = variants.find((v) => !order.lineVariantIds.includes(v.id))!;
  const play = vi.spyOn(cues, 'play').mockImplementation(() => {});
  const printPdf = vi.spyOn(browserPrinting, 'printPdf').mockImplementation(() => {});
  const view = renderApp(fake, { path: '/pack' });
  const input = await screen.findByTestId('scan-input');
  return { fake, order, gtins, stranger, play, printPdf, input, ...view };
}

const feedback = () => screen.getByTestId('scan-feedback');
const counts = () => screen.getAllByTestId('pack-line-count').map((e) => e.textContent);

describe('pack station', () => {
  it('refuses a wrong item and one too many at once, counting nothing, and completes and prints on the last scan with no click', async () => {
    const { user, input, order, gtins, stranger, play, printPdf, fake } = await openStation();
    await user.type(input, `${order.number}{Enter}`);
    await screen.findByRole('list', { name: `Items of ${order.number}` });
    expect(counts()).toEqual(gtins.map(() => '0 of 1'));

    await user.type(input, `${gtins[0]}{Enter}`);
    await waitFor(() => expect(counts()[0]).toBe('1 of 1'));
    expect(play).toHaveBeenLastCalledWith('right');

    await user.type(input, `${stranger.gtin}{Enter}`);
    await waitFor(() => expect(feedback().textContent).toMatch(/not in this order/));
    expect(feedback().getAttribute('data-cue')).toBe('wrong');
    expect(feedback().textContent).toContain('PACK_WRONG_ITEM');
    expect(play).toHaveBeenLastCalledWith('wrong');

    await user.type(input, `${gtins[0]}{Enter}`);
    await waitFor(() => expect(feedback().textContent).toMatch(/one too many/));
    expect(feedback().textContent).toContain('PACK_OVER_SCAN');
    expect(counts()[0]).toBe('1 of 1');
    expect(fake.shop.writes.filter((w) => w.name === 'pack.complete')).toHaveLength(0);

    for (const gtin of gtins.slice(1)) await user.type(input, `${gtin}{Enter}`);
    expect((await screen.findByTestId('tracking-number')).textContent).toMatch(/^SBH\d{9}$/);
    expect(feedback().textContent).toContain('Label printed: put it on the box');
    expect(play).toHaveBeenLastCalledWith('done');
    const complete = fake.shop.writes.filter((w) => w.name === 'pack.complete');
    expect(complete).toHaveLength(1);
    expect((complete[0]!.args as { scans: string[] }).scans).toEqual(gtins);
    // Browser mode: no system printing, so the label and then the slip go to the browser's dialog.
    expect(printPdf).toHaveBeenCalledTimes(2);
    expect(atob(printPdf.mock.calls[0]![0]).startsWith('%PDF-')).toBe(true);
    expect(screen.getByRole('button', { name: 'Download label' })).toBeTruthy();
  });

  it('sends a ZPL label to the thermal printer and the slip to the system printer in the desktop app', async () => {
    const { user, input, order, gtins, fake, printPdf } = await openStation({ electron: true });
    fake.warehouse.printer = {
      ...fake.warehouse.printer,
      labelFormat: 'zpl',
      thermalHost: '10.0.0.40',
      documentPrinter: 'office-laser',
    };
    cleanup();
    renderApp(fake, { path: '/pack' });
    const fresh = await screen.findByTestId('scan-input');
    await user.type(fresh, `${order.number}{Enter}`);
    await screen.findByRole('list', { name: `Items of ${order.number}` });
    for (const gtin of gtins) await user.type(fresh, `${gtin}{Enter}`);
    const tracking = (await screen.findByTestId('tracking-number')).textContent!;
    const raw = fake.shop.writes.find((w) => w.name === 'printing.raw')!.args as {
      host: string;
      port: number;
      dataBase64: string;
    };
    expect(raw.host).toBe('10.0.0.40');
    expect(raw.port).toBe(9100);
    expect(atob(raw.dataBase64)).toContain(`^FD${tracking}^FS`);
    const pdf = fake.shop.writes.filter((w) => w.name === 'printing.pdf');
    expect(pdf).toHaveLength(1);
    expect((pdf[0]!.args as { printer: string }).printer).toBe('office-laser');
    expect(printPdf).not.toHaveBeenCalled();
    expect(input).toBeTruthy();
  });

  // The longest scan sequence of the file: under a full parallel run it outlasts vitest's 5 s default.
  it('picks a box on 3, backs out on Esc without a change, reprints on R and starts the next order on Enter', async () => {
    const { user, input, order, gtins, fake, printPdf } = await openStation();
    await user.type(input, `${order.number}{Enter}`);
    await screen.findByRole('list', { name: `Items of ${order.number}` });
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('list', { name: `Items of ${order.number}` })).toBeNull());
    expect(feedback().textContent).toContain('Scan the order number');
    expect(fake.shop.writes).toHaveLength(0);

    await user.type(input, `${order.number}{Enter}`);
    await screen.findByRole('list', { name: `Items of ${order.number}` });
    // 3, not 2: a two-pair order opens with the two-pair carton already chosen, and waiting on a
    // radio that was checked before the key would let the next scan land inside the hotkey's hold.
    await user.keyboard('3');
    await waitFor(() => expect(feedback().textContent).toContain('Box: Four-pair carton'));
    expect(screen.getByRole('radio', { name: /Four-pair carton/ }).getAttribute('aria-checked')).toBe('true');
    expect((input as HTMLInputElement).value).toBe('');
    for (const gtin of gtins) await user.type(input, `${gtin}{Enter}`);
    await screen.findByTestId('tracking-number', {}, { timeout: 10_000 });
    expect(
      (fake.shop.writes.find((w) => w.name === 'pack.complete')!.args as { boxCode: string }).boxCode,
    ).toBe('L4');

    await user.keyboard('r');
    await waitFor(() => expect(printPdf).toHaveBeenCalledTimes(4));
    expect(feedback().textContent).toContain('Printed again');
    await user.keyboard('{Enter}');
    await waitFor(() => expect(screen.queryByTestId('pack-done')).toBeNull());
    expect(feedback().textContent).toContain('Scan the order number');
  }, 30_000);

  it('packs offline with the device block, says so, and warns when the block runs low', async () => {
    const { user, input, order, gtins, fake } = await openStation({ offline: true, trackingLeft: 12 });
    expect(
      await screen.findByText(/Labels use this device's own tracking numbers, are valid, and will sync/),
    ).toBeTruthy();
    expect(screen.getByTestId('tracking-low').textContent).toMatch(/Only 12 tracking numbers left/);
    await user.type(input, `${order.number}{Enter}`);
    await screen.findByRole('list', { name: `Items of ${order.number}` });
    for (const gtin of gtins) await user.type(input, `${gtin}{Enter}`);
    await screen.findByTestId('tracking-number');
    expect(screen.getByTestId('tracking-left').textContent).toBe('11 tracking numbers left');
    expect(fake.warehouse.shipments[0]!.orderNumber).toBe(order.number);
  });

  it('says an unknown order number in words and stays ready for the next scan', async () => {
    const { user, input, play } = await openStation();
    await user.type(input, 'SB-NOPE0000{Enter}');
    await waitFor(() => expect(feedback().textContent).toMatch(/SB-NOPE0000: No order has the number/));
    expect(play).toHaveBeenLastCalledWith('wrong');
    expect(document.activeElement).toBe(input);
  });
});
