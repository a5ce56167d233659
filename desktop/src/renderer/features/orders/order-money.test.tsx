import { cleanup, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { createFakeBackend } from '../../test/fake-backend.ts';
import { renderApp } from '../../test/render.tsx';
import { parseMoneyInput } from './refund-amount.ts';

afterEach(cleanup);

function openOrder(role: 'owner' | 'manager' | 'warehouse', status = 'paid') {
  const fake = createFakeBackend({ orders: 40 });
  fake.signInAs(role);
  const order = fake.shop.orders.find((o) => o.status === status && o.refundedMinor === 0)!;
  const view = renderApp(fake, { path: `/orders/${order.number}` });
  return { fake, order, ...view };
}

const euros = (minor: number) => `€${(minor / 100).toFixed(2)}`;

describe('cancel and refund on the order detail', () => {
  it('refunds everything left after a confirmation that names the amount and the customer', async () => {
    const { user, fake, order } = openOrder('manager');
    await user.click(await screen.findByRole('button', { name: 'Refund…' }));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByRole('heading').textContent).toBe(
      `Refund ${euros(order.totalMinor)} to ${order.customerName}?`,
    );
    const confirm = within(dialog).getByRole('button', { name: `Refund ${euros(order.totalMinor)}` });
    expect(confirm).toHaveProperty('disabled', true);
    await user.type(within(dialog).getByLabelText(/Why/), 'Arrived scuffed');
    await user.click(confirm);
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(fake.shop.writes.at(-1)).toEqual({
      name: 'orders.refund',
      args: { orderId: order.id, amountMinor: order.totalMinor, reason: 'Arrived scuffed' },
    });
    expect(await screen.findByText(`Refunded ${euros(order.totalMinor)}: Arrived scuffed`)).toBeTruthy();
    // Nothing is left to refund, so the button goes.
    expect(screen.queryByRole('button', { name: 'Refund…' })).toBeNull();
  });

  it('refunds a typed amount and refuses one above what is left', async () => {
    const { user, fake, order } = openOrder('owner');
    await user.click(await screen.findByRole('button', { name: 'Refund…' }));
    const dialog = await screen.findByRole('dialog');
    await user.click(within(dialog).getByLabelText('An amount'));
    const amount = within(dialog).getByLabelText(/Amount \(EUR\)/);
    await user.type(amount, '99999');
    expect(within(dialog).getByText(/Up to €/)).toBeTruthy();
    await user.clear(amount);
    await user.type(amount, '12,50');
    await user.type(within(dialog).getByLabelText(/Why/), 'Goodwill');
    expect(within(dialog).getByRole('heading').textContent).toBe(`Refund €12.50 to ${order.customerName}?`);
    await user.click(within(dialog).getByRole('button', { name: 'Refund €12.50' }));
    await waitFor(() => expect(fake.shop.writes.at(-1)?.name).toBe('orders.refund'));
    expect(fake.shop.writes.at(-1)?.args).toMatchObject({ amountMinor: 1250 });
  });

  it('cancels with a reason, and the timeline shows it', async () => {
    const { user, order } = openOrder('manager');
    await user.click(await screen.findByRole('button', { name: 'Cancel order…' }));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByRole('heading').textContent).toBe(
      `Cancel order ${order.number} for ${order.customerName}?`,
    );
    await user.type(within(dialog).getByLabelText(/Why/), 'Customer changed her mind');
    await user.click(within(dialog).getByRole('button', { name: 'Cancel the order' }));
    expect(await screen.findByText('Cancelled: Customer changed her mind')).toBeTruthy();
    expect(order.status).toBe('cancelled');
    expect(screen.queryByRole('button', { name: 'Cancel order…' })).toBeNull();
  });

  it('says offline that cancelling and refunding need a connection', async () => {
    const { fake } = openOrder('manager');
    fake.setSync({ state: 'offline' });
    expect((await screen.findByTestId('money-offline')).textContent).toMatch(/need a connection/);
    expect(screen.getByRole('button', { name: 'Refund…' })).toHaveProperty('disabled', true);
    expect(screen.getByRole('button', { name: 'Cancel order…' })).toHaveProperty('disabled', true);
  });

  it('shows the server being away inside the dialog, and keeps what was typed', async () => {
    const { user, fake } = openOrder('manager');
    await user.click(await screen.findByRole('button', { name: 'Cancel order…' }));
    fake.shop.offline = true;
    const dialog = await screen.findByRole('dialog');
    await user.type(within(dialog).getByLabelText(/Why/), 'Duplicate order');
    await user.click(within(dialog).getByRole('button', { name: 'Cancel the order' }));
    expect(await within(dialog).findByText(/needs a connection to the shop server/)).toBeTruthy();
    expect(within(dialog).getByLabelText(/Why/)).toHaveProperty('value', 'Duplicate order');
  });

  it('never shows them to the warehouse', async () => {
    openOrder('warehouse');
    await screen.findByRole('button', { name: /Start picking/ });
    expect(screen.queryByRole('button', { name: 'Refund…' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Cancel order…' })).toBeNull();
  });
});

describe('parseMoneyInput', () => {
  it('reads amounts as people type them, and nothing else', () => {
    expect(parseMoneyInput('12')).toBe(1200);
    expect(parseMoneyInput('12.5')).toBe(1250);
    expect(parseMoneyInput(' 12,05 ')).toBe(1205);
    expect(parseMoneyInput('12.345')).toBeNull();
    expect(parseMoneyInput('-3')).toBeNull();
    expect(parseMoneyInput('abc')).toBeNull();
  });
});
