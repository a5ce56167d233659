import { cleanup, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFakeBackend } from '../../test/fake-backend.ts';
import { renderApp } from '../../test/render.tsx';

beforeEach(() => localStorage.clear());
afterEach(cleanup);

const rows = () =>
  within(screen.getByRole('table', { name: 'Orders' }))
    .getAllByRole('row')
    .slice(1);

describe('orders queue', () => {
  it('lists every order (across pages) and narrows the rows by status, kept in the URL', async () => {
    const fake = createFakeBackend({ orders: 150 });
    fake.signInAs('manager');
    const { user } = renderApp(fake, { path: '/orders' });
    await screen.findByRole('table', { name: 'Orders' });
    expect(screen.getByRole('table', { name: 'Orders' }).getAttribute('aria-rowcount')).toBe('151');
    const toPick = fake.shop.orders.filter((o) => o.status === 'paid').length;
    await user.click(screen.getByRole('button', { name: 'To pick' }));
    await waitFor(() => expect(rows()).toHaveLength(toPick));
    expect(rows().every((r) => r.textContent?.includes('To pick'))).toBe(true);
    expect(new URLSearchParams(window.location.search).get('f.status')).toBe('paid');
  });

  it('filters by the quick filter on a customer name', async () => {
    const fake = createFakeBackend({ orders: 40 });
    fake.signInAs('manager');
    const { user } = renderApp(fake, { path: '/orders' });
    await screen.findByRole('table', { name: 'Orders' });
    await user.type(screen.getByLabelText('Order, customer or email'), 'Ana Silva');
    const expected = fake.shop.orders.filter((o) => o.customerName === 'Ana Silva').length;
    await waitFor(() => expect(rows()).toHaveLength(expected));
  });

  it('shows a manager the totals, and a warehouse user no money at all', async () => {
    const manager = createFakeBackend({ orders: 20 });
    manager.signInAs('manager');
    renderApp(manager, { path: '/orders' });
    await screen.findByRole('table', { name: 'Orders' });
    expect(screen.getByRole('columnheader', { name: 'Total' })).toBeTruthy();
    expect(screen.getByRole('table', { name: 'Orders' }).textContent).toContain('€');
    cleanup();

    const warehouse = createFakeBackend({ orders: 20 });
    warehouse.signInAs('warehouse');
    renderApp(warehouse, { path: '/orders' });
    await screen.findByRole('table', { name: 'Orders' });
    expect(screen.queryByRole('columnheader', { name: 'Total' })).toBeNull();
    expect(document.body.textContent).not.toMatch(/€|\brevenue|\bprice|\brefund|\bmargin|\bcost\b/i);
  });

  it('saves the current view under a name and opens it again with its number key', async () => {
    const fake = createFakeBackend({ orders: 30 });
    fake.signInAs('manager');
    const { user } = renderApp(fake, { path: '/orders?q=Sofia' });
    await screen.findByRole('table', { name: 'Orders' });
    await user.click(screen.getByRole('button', { name: 'Save view' }));
    await user.type(await screen.findByLabelText('Name'), 'Sofia{Enter}');
    await user.click(await screen.findByRole('button', { name: 'All orders' }));
    await waitFor(() => expect(window.location.search).toBe(''));
    (document.activeElement as HTMLElement | null)?.blur();
    await user.keyboard('6');
    await waitFor(() => expect(new URLSearchParams(window.location.search).get('q')).toBe('Sofia'));
    expect(JSON.parse(localStorage.getItem('shoebox.orders.views') ?? '[]')).toEqual([
      { name: 'Sofia', query: 'q=Sofia' },
    ]);
  });
});
