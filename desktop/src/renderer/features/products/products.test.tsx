import { cleanup, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { products } from '../../test/fake-data.ts';
import { createFakeBackend } from '../../test/fake-backend.ts';
import { renderApp } from '../../test/render.tsx';

afterEach(cleanup);

describe('products', () => {
  it('lists the catalogue, narrows it by status, and opens a product with its variants and prices', async () => {
    const fake = createFakeBackend();
    fake.signInAs('manager');
    const { user } = renderApp(fake, { path: '/products?f.status=draft' });
    const table = await screen.findByRole('table', { name: 'Products' }, { timeout: 5000 });
    await waitFor(() => expect(within(table).getAllByRole('row')).toHaveLength(2));
    await user.click(within(table).getByText('Sintra Sandal'));
    const variants = await screen.findByRole('table', { name: 'Variants' });
    expect(within(variants).getByRole('columnheader', { name: 'Price' })).toBeTruthy();
    expect(within(variants).getAllByText('€69.00').length).toBeGreaterThan(0);
  });

  it('is not there for a warehouse user, in the navigation or by address', async () => {
    const fake = createFakeBackend();
    fake.signInAs('warehouse');
    renderApp(fake, { path: `/products/${products[0]!.id}` });
    expect(await screen.findByText('There is no such screen')).toBeTruthy();
    expect(within(screen.getByTestId('navigation')).queryByText('Products')).toBeNull();
  });
});
