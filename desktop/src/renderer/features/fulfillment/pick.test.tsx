import { cleanup, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cues } from '../../lib/sounds.ts';
import { createFakeBackend } from '../../test/fake-backend.ts';
import { variants } from '../../test/fake-data.ts';
import { renderApp } from '../../test/render.tsx';

beforeEach(() => localStorage.clear());
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

async function openBatch(options: { offline?: boolean } = {}) {
  const fake = createFakeBackend({ orders: 60 });
  fake.signInAs('warehouse');
  if (options.offline) {
    fake.setSync({ state: 'offline' });
    fake.shop.offline = true;
  }
  const batch = fake.warehouse.batches[0]!;
  const play = vi.spyOn(cues, 'play').mockImplementation(() => {});
  const view = renderApp(fake, { path: `/pick?batch=${batch.id}` });
  const input = await screen.findByTestId('scan-input');
  return { fake, batch, play, input, ...view };
}
const progress = () => screen.getByTestId('pick-progress').textContent;
const feedback = () => screen.getByTestId('scan-feedback');
const currentGtin = () => screen.getByTestId('current-stop').textContent!.match(/\d{13}/)![0];

describe('pick', () => {
  it('walks the batch by bin: a scan confirms the current stop, and the next stop comes up', async () => {
    const { user, input, fake, play } = await openBatch();
    const bins = screen
      .getAllByTestId('pick-line')
      .map((r) => r.querySelector('td')!.textContent)
      .filter(Boolean);
    expect(bins).toEqual([...bins].sort());
    const first = currentGtin();
    await user.type(input, `${first}{Enter}`);
    await waitFor(() => expect(progress()).toMatch(/^1 of/));
    expect(play).toHaveBeenLastCalledWith('right');
    const confirm = fake.shop.writes.find((w) => w.name === 'pick.confirm')!.args as { scan: string };
    expect(confirm.scan).toBe(first);
    await waitFor(() => expect(currentGtin()).not.toBe(first));
  });

  it('refuses a pair that is not in the batch, picking nothing', async () => {
    const { user, input, fake, batch, play } = await openBatch();
    const inBatch = new Set(batch.lines.map((l) => l.variantId));
    const stranger = variants.find((v) => !inBatch.has(v.id))!;
    await user.type(input, `${stranger.gtin}{Enter}`);
    await waitFor(() => expect(feedback().textContent).toMatch(/not in this batch/));
    expect(feedback().getAttribute('data-cue')).toBe('wrong');
    expect(play).toHaveBeenLastCalledWith('wrong');
    expect(fake.shop.writes).toHaveLength(0);
    expect(progress()).toMatch(/^0 of/);
  });

  it('confirms a line by tap', async () => {
    const { user, fake } = await openBatch();
    const row = screen.getAllByTestId('pick-line')[0]!;
    await user.click(within(row).getByRole('button', { name: /^Picked / }));
    await waitFor(() => expect(progress()).toMatch(/^1 of/));
    expect(fake.shop.writes.map((w) => w.name)).toEqual(['pick.confirm']);
  });

  it('reports a short pick with a substitute only after the consent is noted, and flags the order', async () => {
    const { user, fake, batch } = await openBatch();
    const row = screen.getAllByTestId('pick-line')[0]!;
    await user.click(within(row).getByRole('button', { name: /^Short / }));
    const dialog = await screen.findByRole('dialog', { name: /Short pick/ });
    await user.click(within(dialog).getByLabelText(/Send another size or colour/));
    const report = within(dialog).getByRole('button', { name: 'Report short' }) as HTMLButtonElement;
    expect(report.disabled).toBe(true);
    await user.click(within(dialog).getByLabelText('Send instead'));
    await user.click((await screen.findAllByRole('option'))[0]!);
    await user.type(
      within(dialog).getByLabelText(/How the customer agreed/),
      'Phoned, happy with the next size',
    );
    expect(report.disabled).toBe(false);
    await user.click(report);
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    const short = fake.shop.writes.find((w) => w.name === 'pick.short')!.args as Record<string, unknown>;
    expect(short).toMatchObject({
      choice: 'substitute',
      missing: 1,
      consentNote: 'Phoned, happy with the next size',
    });
    expect(short.substituteVariantId).toBeTruthy();
    const line = batch.lines.find((l) => l.id === short.lineId)!;
    expect(fake.shop.orders.find((o) => o.id === line.orderId)!.flagged).toBe(true);
    await waitFor(() => expect(progress()).toMatch(/1 short/));
  });

  it('lists the open batches and says offline why a new batch cannot be made', async () => {
    const fake = createFakeBackend({ orders: 60 });
    fake.signInAs('warehouse');
    fake.setSync({ state: 'offline' });
    fake.shop.offline = true;
    renderApp(fake, { path: '/pick' });
    await screen.findByRole('table', { name: 'Open pick batches' });
    expect((screen.getByRole('button', { name: 'Make a batch' }) as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByText(/Making a batch needs the shop server/)).toBeTruthy();
  });

  it('makes a batch of the oldest paid orders and opens it', async () => {
    const fake = createFakeBackend({ orders: 60 });
    fake.signInAs('warehouse');
    const { user } = renderApp(fake, { path: '/pick' });
    await screen.findByRole('table', { name: 'Open pick batches' });
    const field = screen.getByLabelText('Oldest paid orders');
    await user.clear(field);
    await user.type(field, '3');
    await user.click(screen.getByRole('button', { name: 'Make a batch' }));
    await screen.findByTestId('current-stop');
    expect(fake.shop.writes.find((w) => w.name === 'pick.create')!.args).toEqual({ oldest: 3 });
    expect(progress()).toMatch(/· 3 orders/);
  });
});
