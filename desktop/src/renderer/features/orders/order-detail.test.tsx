import { cleanup, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { createFakeBackend } from '../../test/fake-backend.ts';
import { renderApp } from '../../test/render.tsx';

afterEach(cleanup);

function openOrder(role: 'manager' | 'warehouse', status = 'paid') {
  const fake = createFakeBackend({ orders: 40 });
  fake.signInAs(role);
  const order = fake.shop.orders.find((o) => o.status === status)!;
  const view = renderApp(fake, { path: `/orders/${order.number}` });
  return { fake, order, ...view };
}

describe('order detail', () => {
  it('shows a manager the lines with prices, totals and the payment', async () => {
    const { order } = openOrder('manager');
    await screen.findByRole('heading', { name: `Order ${order.number}` }, { timeout: 5000 });
    expect(screen.getByRole('columnheader', { name: 'Price' })).toBeTruthy();
    expect(screen.getByTestId('order-totals').textContent).toMatch(/Total €/);
    expect(screen.getByRole('heading', { name: 'Payment and refunds' })).toBeTruthy();
  });

  it('shows a warehouse user the lines and the next step, and no money anywhere', async () => {
    const { order } = openOrder('warehouse');
    await screen.findByRole('heading', { name: `Order ${order.number}` }, { timeout: 5000 });
    expect(within(screen.getByRole('table', { name: 'Order lines' })).getAllByRole('row')).toHaveLength(
      order.itemCount + 1,
    );
    expect(screen.queryByRole('columnheader', { name: 'Price' })).toBeNull();
    expect(screen.queryByTestId('order-totals')).toBeNull();
    expect(screen.queryByRole('heading', { name: 'Payment and refunds' })).toBeNull();
    expect(document.body.textContent).not.toMatch(/€|\brevenue|\bprice|\brefund|\bmargin|\bcost\b/i);
  });

  it('moves the order on with its key and adds a note', async () => {
    const { user, fake, order } = openOrder('warehouse');
    await screen.findByRole('button', { name: /Start picking/ });
    await user.keyboard('p');
    await waitFor(() => expect(order.status).toBe('picking'));
    expect(await screen.findByRole('button', { name: /Mark packed/ })).toBeTruthy();
    await user.keyboard('n');
    await user.type(document.activeElement as HTMLElement, 'Box is dented, repacked{Enter}');
    expect(await screen.findByText('Box is dented, repacked')).toBeTruthy();
    expect(screen.getByText(/· waiting to be sent/)).toBeTruthy();
    expect(fake.shop.writes.map((w) => w.name)).toEqual(['orders.transition', 'orders.note']);
  });

  it('says so when no order has that number', async () => {
    const fake = createFakeBackend({ orders: 5 });
    fake.signInAs('manager');
    renderApp(fake, { path: '/orders/SB-ZZZZZZZZ' });
    expect(await screen.findByText('There is no such order on this device')).toBeTruthy();
  });
});
