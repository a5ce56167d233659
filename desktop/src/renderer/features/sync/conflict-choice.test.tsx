import { cleanup, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { AttentionItem } from '../../../ipc/index.ts';
import { products } from '../../test/fake-data.ts';
import { createFakeBackend } from '../../test/fake-backend.ts';
import { renderApp } from '../../test/render.tsx';

afterEach(cleanup);

const conflict: AttentionItem = {
  mutationId: 'm-conflict',
  name: 'product.update',
  summary: 'Edit Ana Pump: name, basePriceMinor, material',
  args: {},
  madeAt: '2026-12-02T08:00:00.000Z',
  rejectedAt: '2026-12-02T08:05:00.000Z',
  code: 'PRODUCT_EDIT_CONFLICT',
  message: 'Someone else changed name, basePriceMinor of this product meanwhile: choose which value to keep.',
  advice: 'Choose, field by field, which value to keep and save again.',
  actions: ['resolve-conflict', 'dismiss'],
  conflicts: [
    { field: 'name', base: 'Ana Pump', mine: 'Ana Court Pump', theirs: 'Ana Classic Pump' },
    { field: 'basePriceMinor', base: 8900, mine: 9500, theirs: 9900 },
  ],
  currentVersion: 5,
  productId: products[0]!.id,
};

describe('a product edit in conflict', () => {
  it('shows mine and theirs per field in words, and sends the choice made for each field', async () => {
    const fake = createFakeBackend({ orders: 5 });
    fake.signInAs('manager');
    fake.setAttention([conflict]);
    const { user } = renderApp(fake, { path: '/sync' });
    const table = await screen.findByRole('table', { name: 'Fields changed on both sides' });
    const rows = within(table).getAllByRole('row');
    expect(rows[1]!.textContent).toContain('Name');
    await waitFor(() => expect(within(rows[2]!).getByLabelText('Yours: €95.00')).toBeTruthy());
    expect(rows[2]!.textContent).toContain('Price€89.00');
    expect(within(rows[2]!).getByLabelText('On the server: €99.00')).toBeTruthy();

    const save = screen.getByRole('button', { name: 'Save my choices' });
    expect((save as HTMLButtonElement).disabled).toBe(true);
    await user.click(within(rows[1]!).getByLabelText('Yours: Ana Court Pump'));
    expect((save as HTMLButtonElement).disabled).toBe(true);
    await user.click(within(rows[2]!).getByLabelText('On the server: €99.00'));
    await user.click(save);

    expect(await screen.findByText(/Your choices for “Edit Ana Pump/)).toBeTruthy();
    expect(await screen.findByText('Nothing needs attention')).toBeTruthy();
    expect(fake.shop.writes.filter((w) => w.name === 'products.resolveConflict')).toEqual([
      {
        name: 'products.resolveConflict',
        args: { mutationId: 'm-conflict', keep: { name: 'mine', basePriceMinor: 'theirs' } },
      },
    ]);
  });
});
