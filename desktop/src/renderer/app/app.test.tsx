import AssessmentOutlined from '@mui/icons-material/AssessmentOutlined';
import SellOutlined from '@mui/icons-material/SellOutlined';
import { act, cleanup, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { createFakeBackend, fakePassword } from '../test/fake-backend.ts';
import { renderApp } from '../test/render.tsx';
import { type ScreenRoute, screens } from './routes.tsx';

afterEach(cleanup);

/** The real table plus two money screens, to prove the navigation filters by permission. */
const withMoneyScreens: ScreenRoute[] = [
  ...screens,
  {
    path: '/reports',
    title: 'Revenue',
    section: 'Reports',
    icon: AssessmentOutlined,
    access: 'reports:read',
    goKey: 'r',
    Screen: () => <p>revenue figures</p>,
  },
  {
    path: '/prices',
    title: 'Prices',
    section: 'Catalog',
    icon: SellOutlined,
    access: 'prices:write',
    Screen: () => <p>price list</p>,
  },
];

const navigation = () => within(screen.getByTestId('navigation'));

describe('sign-in', () => {
  it('says in words that the email and password do not match, with the code in small type', async () => {
    const fake = createFakeBackend();
    const { user } = renderApp(fake);
    await user.type(await screen.findByLabelText(/email/i), 'warehouse@shoebox.test');
    await user.type(screen.getByLabelText(/password/i), 'nope');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByText('That email and password do not match.')).toBeTruthy();
    expect(screen.getByTestId('error-code').textContent).toBe('Code: INVALID_CREDENTIALS');
  });

  it('marks the email field when the backend refuses its shape, without a raw error', async () => {
    const fake = createFakeBackend();
    const { user } = renderApp(fake);
    await user.type(await screen.findByLabelText(/email/i), 'not an email');
    await user.type(screen.getByLabelText(/password/i), 'x');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByText(/Type the email you sign in with/)).toBeTruthy();
    expect(screen.queryByTestId('error-code')).toBeNull();
  });

  it('tells the user before they type that the server is unreachable and offline sign-in is possible', async () => {
    const fake = createFakeBackend();
    fake.setSync({ state: 'offline' });
    renderApp(fake);
    expect((await screen.findByTestId('offline-sign-in')).textContent).toMatch(/cannot be reached/);
  });

  it('opens the frame after a good sign-in, and sign-out returns to the sign-in screen', async () => {
    const fake = createFakeBackend();
    const { user } = renderApp(fake);
    await user.type(await screen.findByLabelText(/email/i), 'manager@shoebox.test');
    await user.type(screen.getByLabelText(/password/i), fakePassword('manager'));
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect((await screen.findByTestId('shop-name')).textContent).toContain('Test Shoes');
    await user.click(screen.getByRole('button', { name: /Account: Marta Manager, Manager/ }));
    await user.click(await screen.findByRole('menuitem', { name: 'Sign out' }));
    expect(await screen.findByRole('button', { name: 'Sign in' })).toBeTruthy();
    expect(fake.calls).toContain('session.signOut');
  });
});

describe('role-aware navigation', () => {
  it('shows a warehouse user no revenue or price sections and no money permissions', async () => {
    const fake = createFakeBackend();
    fake.signInAs('warehouse');
    renderApp(fake, { screens: withMoneyScreens });
    await screen.findByTestId('navigation');
    expect(navigation().getByText('Dashboard')).toBeTruthy();
    expect(navigation().getByText('About this device')).toBeTruthy();
    expect(navigation().queryByText('Revenue')).toBeNull();
    expect(navigation().queryByText('Prices')).toBeNull();
    const can = screen.getByTestId('permissions').textContent ?? '';
    expect(can).toContain('Count stock');
    expect(can).not.toMatch(/revenue|price|refund/i);
    expect(screen.getByTestId('role').textContent).toBe('Warehouse');
  });

  it('shows a manager the revenue and price sections', async () => {
    const fake = createFakeBackend();
    fake.signInAs('manager');
    renderApp(fake, { screens: withMoneyScreens });
    await screen.findByTestId('navigation');
    expect(navigation().getByText('Revenue')).toBeTruthy();
    expect(navigation().getByText('Prices')).toBeTruthy();
  });

  it('refuses to open a screen the role may not use, even by its address', async () => {
    const fake = createFakeBackend();
    fake.signInAs('warehouse');
    renderApp(fake, { screens: withMoneyScreens, path: '/reports' });
    expect(await screen.findByText('There is no such screen')).toBeTruthy();
    expect(screen.queryByText('revenue figures')).toBeNull();
  });
});

describe('sync state', () => {
  it('shows offline with the pending count in words and a banner, and back online', async () => {
    const fake = createFakeBackend();
    fake.signInAs('warehouse');
    renderApp(fake);
    const chip = await screen.findByTestId('sync-state');
    await waitFor(() => expect(chip.textContent).toBe('Online'));
    expect(screen.queryByTestId('offline-banner')).toBeNull();

    act(() => fake.setSync({ state: 'offline', pending: 3 }));
    expect(screen.getByTestId('sync-state').textContent).toBe('Offline · 3 waiting');
    expect(screen.getByTestId('sync-state').getAttribute('data-state')).toBe('offline');
    expect(screen.getByTestId('offline-banner').textContent).toMatch(
      /Offline:.*cannot be reached.*3 changes waiting/,
    );

    act(() => fake.setSync({ state: 'online', pending: 0 }));
    expect(screen.getByTestId('sync-state').textContent).toBe('Online');
    expect(screen.queryByTestId('offline-banner')).toBeNull();
  });
});

describe('keyboard', () => {
  it('focuses the search on /, opens the cheat sheet on ?, and moves between sections with g', async () => {
    const fake = createFakeBackend();
    fake.signInAs('owner');
    const { user } = renderApp(fake);
    await screen.findByTestId('navigation');

    await user.keyboard('/');
    expect(document.activeElement).toBe(screen.getByRole('searchbox'));
    await user.keyboard('{Escape}');

    await user.keyboard('?');
    const sheet = await screen.findByRole('dialog', { name: 'Keyboard shortcuts' });
    expect(within(sheet).getByText('g then s')).toBeTruthy();
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());

    await user.keyboard('gs');
    expect(await screen.findByRole('heading', { name: 'About this device' })).toBeTruthy();
    expect(await screen.findByText('01234567-89ab-7def-8123-456789abcdef')).toBeTruthy();
    expect(window.location.pathname).toBe('/settings/about');
  });

  it('finds a screen by a keyword in the search and opens it with Enter', async () => {
    const fake = createFakeBackend();
    fake.signInAs('warehouse');
    const { user } = renderApp(fake);
    await user.type(await screen.findByRole('searchbox'), 'version{Enter}');
    expect(await screen.findByRole('heading', { name: 'About this device' })).toBeTruthy();
  });
});
