import { cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { createFakeBackend } from '../../test/fake-backend.ts';
import { renderApp } from '../../test/render.tsx';

afterEach(cleanup);

describe('dashboard', () => {
  it("shows today's orders to pick, pack and ship, and opens the queue behind a figure", async () => {
    const fake = createFakeBackend({ orders: 80 });
    fake.signInAs('warehouse');
    const { user } = renderApp(fake);
    const toPick = fake.shop.orders.filter((o) => o.status === 'paid').length;
    expect((await screen.findByTestId('to-pick', {}, { timeout: 5000 })).textContent).toBe(String(toPick));
    expect(screen.getByTestId('to-ship').textContent).toBe(
      String(fake.shop.orders.filter((o) => o.status === 'packed').length),
    );
    await user.click(screen.getByTestId('to-pick'));
    expect(await screen.findByRole('table', { name: 'Orders' }, { timeout: 5000 })).toBeTruthy();
    expect(new URLSearchParams(window.location.search).get('f.status')).toBe('paid');
  });

  it('lists broken size runs by the core sizes that are out', async () => {
    const fake = createFakeBackend();
    fake.signInAs('manager');
    renderApp(fake);
    const runs = await screen.findByRole('heading', { name: /Broken size runs/ }, { timeout: 5000 });
    expect(runs.parentElement?.textContent).toMatch(/Ana Pump Red.*missing EU 38/);
  });
});
