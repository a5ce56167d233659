import { act, cleanup, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { AttentionItem } from '../../../ipc/index.ts';
import { createFakeBackend } from '../../test/fake-backend.ts';
import { renderApp } from '../../test/render.tsx';

afterEach(cleanup);

const refused = (n: number, actions: AttentionItem['actions']): AttentionItem => ({
  mutationId: `m-${n}`,
  name: 'inventory.adjust',
  summary: `Adjust ANA-PUMP-BLK-3${n} by −2 at MAIN (damage)`,
  args: {},
  madeAt: '2026-12-02T08:00:00.000Z',
  rejectedAt: '2026-12-02T08:05:00.000Z',
  code: 'INSUFFICIENT_STOCK',
  message: 'There were only 1 on the shelf when this arrived.',
  advice: 'Count the shelf, then adjust again with what is really there.',
  actions,
});

describe('needs attention', () => {
  it('shows each refused change in words with what to do, and the count in the top bar', async () => {
    const fake = createFakeBackend();
    fake.signInAs('warehouse');
    fake.setAttention([refused(6, ['retry', 'dismiss']), refused(7, ['dismiss'])]);
    renderApp(fake, { path: '/sync' });
    const items = await screen.findAllByTestId('attention-item');
    expect(items).toHaveLength(2);
    expect(items[0]!.textContent).toContain('What to do: Count the shelf');
    expect(items[0]!.textContent).toContain('Code: INSUFFICIENT_STOCK');
    expect(screen.getByTestId('attention-count').textContent).toBe('2 need attention');
    expect(within(items[1]!).queryByRole('button', { name: 'Try again' })).toBeNull();
  });

  it('retries one, and dismisses another only after confirming', async () => {
    const fake = createFakeBackend();
    fake.signInAs('warehouse');
    fake.setAttention([refused(6, ['retry', 'dismiss']), refused(7, ['dismiss'])]);
    const { user } = renderApp(fake, { path: '/sync' });
    const first = (await screen.findAllByTestId('attention-item'))[0]!;
    await user.click(within(first).getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(screen.getAllByTestId('attention-item')).toHaveLength(1));
    await user.click(screen.getByRole('button', { name: 'Dismiss' }));
    const dialog = await screen.findByRole('dialog', { name: /Dismiss “Adjust ANA-PUMP-BLK-37/ });
    expect(screen.getAllByTestId('attention-item')).toHaveLength(1);
    await user.click(within(dialog).getByRole('button', { name: 'Dismiss' }));
    expect(await screen.findByText('Nothing needs attention')).toBeTruthy();
    expect(screen.queryByTestId('attention-count')).toBeNull();
  });

  it('keeps the list current when sync brings a new refusal', async () => {
    const fake = createFakeBackend();
    fake.signInAs('warehouse');
    renderApp(fake, { path: '/sync' });
    expect(await screen.findByText('Nothing needs attention')).toBeTruthy();
    act(() => fake.setAttention([refused(8, ['dismiss'])]));
    expect(await screen.findByTestId('attention-item')).toBeTruthy();
  });
});
