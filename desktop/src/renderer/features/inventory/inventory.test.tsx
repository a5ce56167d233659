import { act, cleanup, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cues } from '../../lib/sounds.ts';
import { locations, products, variants } from '../../test/fake-data.ts';
import { createFakeBackend } from '../../test/fake-backend.ts';
import { renderApp } from '../../test/render.tsx';

const ana = products[0]!;
const main = locations[0]!;
const anaVariant = (sku: string) => variants.find((v) => v.sku === sku)!;
const porto = variants.find((v) => v.sku === 'POR-BOOT-BLK-39')!;

beforeEach(() => localStorage.clear());
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

async function openCount() {
  const fake = createFakeBackend();
  fake.signInAs('warehouse');
  const play = vi.spyOn(cues, 'play').mockImplementation(() => {});
  const view = renderApp(fake, { path: `/inventory/count?style=${ana.id}&loc=${main.id}` });
  const input = await screen.findByTestId('scan-input');
  return { fake, play, input, ...view };
}

describe('cycle count by scanner', () => {
  it('counts one per scan and shows counted against expected', async () => {
    const { user, input, play } = await openCount();
    const blk38 = anaVariant('ANA-PUMP-BLK-38');
    await user.type(input, `${blk38.gtin}{Enter}`);
    await user.type(input, `${blk38.gtin}{Enter}`);
    await user.type(input, 'ana-pump-nud-37{Enter}'); // a typed SKU, any case
    expect(screen.getByTestId('scan-feedback').textContent).toContain('EU 37 Nude: 1 counted');
    expect(screen.getByTestId('count-totals').textContent).toMatch(/Counted 3 of \d+ expected .* 3 scans/);
    const cell = document.querySelector(`[data-variant="${blk38.id}"]`)!;
    expect(cell.textContent).toMatch(/^2 of \d+/);
    expect(play).toHaveBeenLastCalledWith('right');
  });

  it('refuses an unknown code and a shoe of another style, in words and with the wrong sound, counting nothing', async () => {
    const { user, input, play } = await openCount();
    await user.type(input, '4006381333931{Enter}');
    const feedback = screen.getByTestId('scan-feedback');
    await waitFor(() => expect(feedback.textContent).toContain('Unknown code: 4006381333931'));
    expect(feedback.getAttribute('data-cue')).toBe('wrong');
    expect(feedback.textContent).toContain('nothing was counted');
    expect(play).toHaveBeenLastCalledWith('wrong');

    await user.type(input, `${porto.gtin}{Enter}`);
    await waitFor(() => expect(feedback.textContent).toContain('EU 39 Black: not this style'));
    expect(feedback.textContent).toContain('Porto Ankle Boot');
    expect(screen.getByTestId('count-totals').textContent).toMatch(/Counted 0 of .* 0 scans/);
  });

  it('takes back the last scan with Ctrl+Z', async () => {
    const { user, input } = await openCount();
    const v = anaVariant('ANA-PUMP-RED-39');
    await user.type(input, `${v.gtin}{Enter}${v.gtin}{Enter}`);
    await user.keyboard('{Control>}z{/Control}');
    expect(screen.getByTestId('count-totals').textContent).toMatch(/Counted 1 of .* 1 scans/);
  });

  it('submits one count, after confirmation, with every variant and the on-hand it started from', async () => {
    const { user, input, fake } = await openCount();
    const v = anaVariant('ANA-PUMP-BLK-36');
    const startedFrom = fake.shop.stock.get(`${v.id}:${main.id}`)!.onHand;
    await user.type(input, `${v.gtin}{Enter}`);
    await user.click(screen.getByRole('button', { name: /Submit count/ }));
    const dialog = await screen.findByRole('dialog', { name: /Submit the count of Ana Pump/ });
    expect(fake.shop.writes).toHaveLength(0);
    await user.click(within(dialog).getByRole('button', { name: 'Submit count' }));
    await screen.findByText('Count saved', { exact: false });
    const count = fake.shop.writes.filter((w) => w.name === 'inventory.count');
    expect(count).toHaveLength(1);
    const args = count[0]!.args as {
      locationId: string;
      lines: Array<{ variantId: string; counted: number; expectedOnHand: number }>;
    };
    expect(args.locationId).toBe(main.id);
    expect(args.lines).toHaveLength(variants.filter((x) => x.productId === ana.id).length);
    expect(args.lines.find((l) => l.variantId === v.id)).toEqual({
      variantId: v.id,
      counted: 1,
      expectedOnHand: startedFrom,
    });
    expect(fake.shop.stock.get(`${v.id}:${main.id}`)!.onHand).toBe(1);
  });

  it('keeps counting with the shop server away', async () => {
    const { user, input, fake } = await openCount();
    act(() => fake.setSync({ state: 'offline' }));
    fake.shop.offline = true;
    const v = anaVariant('ANA-PUMP-BLK-40');
    await user.type(input, `${v.gtin}{Enter}`);
    expect(screen.getByTestId('scan-feedback').textContent).toContain('EU 40 Black: 1 counted');
    expect(screen.getAllByText(/kept on this device/).length).toBeGreaterThan(0);
  });
});

describe('inventory screen', () => {
  it('opens a style from a scanned barcode and shows its size x colour grid', async () => {
    const fake = createFakeBackend();
    fake.signInAs('warehouse');
    const { user } = renderApp(fake, { path: '/inventory' });
    const field = await screen.findByLabelText('Style, SKU or barcode');
    await screen.findByRole('table', { name: 'Styles' });
    await user.type(field, `${porto.gtin}{Enter}`);
    const grid = await screen.findByRole('table', { name: 'Stock of Porto Ankle Boot' });
    expect(within(grid).getByRole('columnheader', { name: 'EU 42' })).toBeTruthy();
    expect(within(grid).getByRole('rowheader', { name: 'Taupe' })).toBeTruthy();
    expect(new URLSearchParams(window.location.search).get('style')).toBe(porto.productId);
  });

  it('says in words when a typed style does not exist', async () => {
    const fake = createFakeBackend();
    fake.signInAs('warehouse');
    const { user } = renderApp(fake, { path: '/inventory' });
    await screen.findByRole('table', { name: 'Styles' });
    await user.type(screen.getByLabelText('Style, SKU or barcode'), 'clog{Enter}');
    expect((await screen.findByRole('alert')).textContent).toContain(
      'Nothing in the catalogue is called or coded “clog”',
    );
  });

  it('adjusts the selected shoe with a reason; damage takes units away', async () => {
    const fake = createFakeBackend();
    fake.signInAs('manager');
    const { user } = renderApp(fake, { path: `/inventory?style=${ana.id}&loc=${main.id}` });
    const v = anaVariant('ANA-PUMP-BLK-39');
    fake.shop.stock.set(`${v.id}:${main.id}`, { onHand: 4, reserved: 0 });
    await screen.findByRole('table', { name: 'Stock of Ana Pump' });
    await user.click(document.querySelector(`[data-variant="${v.id}"]`)!);
    await user.keyboard('a');
    const dialog = await screen.findByRole('dialog', { name: 'Adjust stock' });
    await user.clear(within(dialog).getByLabelText('Pairs'));
    await user.type(within(dialog).getByLabelText('Pairs'), '2');
    await user.click(within(dialog).getByRole('button', { name: 'Adjust by −2' }));
    expect(await screen.findByText(/ANA-PUMP-BLK-39: −2 \(Damaged\)/)).toBeTruthy();
    expect(fake.shop.writes.at(-1)).toEqual({
      name: 'inventory.adjust',
      args: { variantId: v.id, locationId: main.id, delta: -2, reason: 'damage' },
    });
    expect(fake.shop.stock.get(`${v.id}:${main.id}`)!.onHand).toBe(2);
  });

  it('says the movement history needs the server when offline, and still shows the grid', async () => {
    const fake = createFakeBackend();
    fake.signInAs('warehouse');
    fake.shop.offline = true;
    renderApp(fake, { path: `/inventory?style=${ana.id}` });
    await screen.findByRole('table', { name: 'Stock of Ana Pump' });
    expect(await screen.findByText(/movement history is kept on the shop server/)).toBeTruthy();
  });
});
