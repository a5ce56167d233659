import { cleanup, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { createFakeBackend } from '../../test/fake-backend.ts';
import { FAKE_TOTP_CODE } from '../../test/fake-settings.ts';
import { renderApp } from '../../test/render.tsx';

afterEach(cleanup);

function open(path: string, role: 'owner' | 'manager' | 'warehouse' = 'owner') {
  const fake = createFakeBackend({ orders: 5 });
  fake.signInAs(role);
  return { fake, ...renderApp(fake, { path }) };
}

describe('settings index', () => {
  it('lists for an owner every section, and for the warehouse only their own security, the printers and the device', async () => {
    open('/settings');
    const owner = await screen.findByRole('list', { name: 'Settings sections' });
    expect(
      within(owner)
        .getAllByRole('heading')
        .map((h) => h.textContent),
    ).toEqual([
      'My sign-in security',
      'Staff and roles',
      'Devices',
      'API keys',
      'Audit log',
      'Stock locations and bins',
      'Printers',
      'About this device',
    ]);
    cleanup();
    open('/settings', 'warehouse');
    const warehouse = await screen.findByRole('list', { name: 'Settings sections' });
    expect(
      within(warehouse)
        .getAllByRole('heading')
        .map((h) => h.textContent),
    ).toEqual(['My sign-in security', 'Printers', 'About this device']);
  });

  it('refuses a manager who opens the staff page by its address', async () => {
    open('/settings/staff', 'manager');
    expect(await screen.findByText('There is no such screen')).toBeTruthy();
    expect(screen.queryByRole('table', { name: 'Staff' })).toBeNull();
  });
});

describe('staff and roles', () => {
  it('lists staff with role, account state and last sign-in, and switches one off after asking', async () => {
    const { user, fake } = open('/settings/staff');
    const table = await screen.findByRole('table', { name: 'Staff' });
    const marta = within(table).getByText('Marta Manager').closest('tr')!;
    expect(marta.textContent).toMatch(/Manager.*Active.*password only/);
    expect(within(table).getByText('Olivia Owner').closest('tr')!.textContent).toMatch(/with a code/);
    expect(within(table).getByText('Tiago Temp').closest('tr')!.textContent).toMatch(/Switched off/);
    await user.click(marta);
    const person = await screen.findByRole('dialog', { name: /Marta Manager/ });
    expect(await within(person).findByRole('table', { name: 'Sign-in history' })).toBeTruthy();
    expect(within(person).getByText('Refused: wrong password')).toBeTruthy();
    await user.click(within(person).getByRole('button', { name: 'Switch account off…' }));
    const confirm = await screen.findByRole('dialog', { name: "Switch off Marta Manager's account?" });
    await user.click(within(confirm).getByRole('button', { name: 'Switch off' }));
    await waitFor(() =>
      expect(fake.shop.writes.at(-1)).toEqual({
        name: 'staff.update',
        args: { id: expect.any(String), active: false },
      }),
    );
    await waitFor(() =>
      expect(
        within(screen.getByRole('table', { name: 'Staff' }))
          .getByText('Marta Manager')
          .closest('tr')!.textContent,
      ).toMatch(/Switched off/),
    );
  });

  it('adds a person with a role, from the a key', async () => {
    const { user, fake } = open('/settings/staff');
    await screen.findByRole('table', { name: 'Staff' });
    await user.keyboard('a');
    const dialog = await screen.findByRole('dialog', { name: 'Add a staff member' });
    await user.type(within(dialog).getByLabelText('Name'), 'Rita Reis');
    await user.type(within(dialog).getByLabelText('Email'), 'rita@shoebox.test');
    await user.type(within(dialog).getByLabelText('First password'), 'a-long-password');
    await user.click(within(dialog).getByRole('button', { name: 'Add' }));
    expect(
      await within(await screen.findByRole('table', { name: 'Staff' })).findByText('Rita Reis'),
    ).toBeTruthy();
    expect(fake.shop.writes.at(-1)).toMatchObject({ name: 'staff.create', args: { role: 'warehouse' } });
  });

  it('says offline that managing staff needs a connection, and loads when it is back', async () => {
    const { fake } = open('/settings/staff');
    fake.setSync({ state: 'offline' });
    expect(await screen.findByText(/Managing staff needs a connection to the shop server/)).toBeTruthy();
    expect(screen.queryByRole('table', { name: 'Staff' })).toBeNull();
    fake.setSync({ state: 'online' });
    expect(await screen.findByRole('table', { name: 'Staff' })).toBeTruthy();
  });
});

describe('devices, API keys, audit log, locations', () => {
  it('revokes a lost laptop after a confirmation that names it', async () => {
    const { user, fake } = open('/settings/devices');
    const table = await screen.findByRole('table', { name: 'Devices' });
    const row = within(table).getByText('Marta at home').closest('tr')!;
    await user.click(within(row as HTMLElement).getByRole('button', { name: 'Revoke…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Revoke Marta at home?' });
    expect(dialog.textContent).toMatch(/lost or stolen laptop/);
    await user.click(within(dialog).getByRole('button', { name: 'Revoke the device' }));
    await waitFor(() => expect(fake.shop.writes.at(-1)?.name).toBe('devices.revoke'));
    await waitFor(() =>
      expect(
        within(screen.getByRole('table', { name: 'Devices' }))
          .getByText('Marta at home')
          .closest('tr')!.textContent,
      ).toMatch(/Revoked/),
    );
  });

  it('shows a new API key once, then only its prefix', async () => {
    const { user } = open('/settings/api-keys');
    await screen.findByRole('table', { name: 'API keys' });
    await user.click(screen.getByRole('button', { name: 'Create a key' }));
    const dialog = await screen.findByRole('dialog', { name: 'Create an API key' });
    await user.type(within(dialog).getByLabelText('Name (what uses it)'), 'Marketplace');
    await user.click(within(dialog).getByLabelText('See orders'));
    await user.click(within(dialog).getByRole('button', { name: 'Create the key' }));
    const secret = await screen.findByTestId('api-key-secret');
    expect(secret.textContent).toMatch(/^sbk_k2xy_[0-9a-f]{32}$/);
    await user.click(screen.getByRole('button', { name: 'I have copied it' }));
    await waitFor(() => expect(screen.queryByTestId('api-key-secret')).toBeNull());
    const table = screen.getByRole('table', { name: 'API keys' });
    expect(within(table).getByText('Marketplace').closest('tr')!.textContent).toMatch(/sbk_k2xy…/);
    expect(document.body.textContent).not.toMatch(/9f8e7d6c5b4a/);
  });

  it('filters the audit log on the server and pages through it', async () => {
    const { user } = open('/settings/audit-log');
    const table = await screen.findByRole('table', { name: 'Audit log' });
    expect(screen.getByText('1–50 of 64')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Older' }));
    expect(await screen.findByText('51–64 of 64')).toBeTruthy();
    await user.click(screen.getByLabelText('Record'));
    await user.click(await screen.findByRole('option', { name: 'Staff' }));
    expect(await screen.findByText('1–13 of 13')).toBeTruthy();
    expect(
      within(screen.getByRole('table', { name: 'Audit log' })).getAllByText('staff.update'),
    ).toHaveLength(13);
    expect(table).toBeTruthy();
    expect(screen.getAllByText('role: warehouse → manager').length).toBeGreaterThan(0);
  });

  it('adds a bin to a location, and refuses a code it has already', async () => {
    const { user } = open('/settings/locations');
    const bins = await screen.findByRole('list', { name: 'Bins in Main stockroom' });
    expect(within(bins).getAllByRole('listitem')).toHaveLength(5);
    const binForm = screen.getAllByLabelText('Code').at(-1)!;
    await user.type(binForm, 'c-01{Enter}');
    await waitFor(() =>
      expect(
        within(screen.getByRole('list', { name: 'Bins in Main stockroom' })).getByText('C-01'),
      ).toBeTruthy(),
    );
    await user.type(screen.getAllByLabelText('Code').at(-1)!, 'A-01{Enter}');
    expect(await screen.findByText('There is a bin A-01 here already.')).toBeTruthy();
  });
});

describe('my two-factor', () => {
  it('sets it up with the QR code and a code, then shows the recovery codes once', async () => {
    const { user } = open('/settings/security', 'manager');
    await user.click(await screen.findByRole('button', { name: 'Set up two-factor' }));
    expect(await screen.findByRole('img', { name: 'QR code for your authenticator app' })).toBeTruthy();
    expect(screen.getByTestId('two-factor-secret').textContent).toBe('JBSW Y3DP EHPK 3PXP');
    await user.type(screen.getByLabelText('Code from the app'), '000000{Enter}');
    expect(await screen.findByText('That code is not right; check the app and try again.')).toBeTruthy();
    await user.clear(screen.getByLabelText('Code from the app'));
    await user.type(screen.getByLabelText('Code from the app'), `${FAKE_TOTP_CODE}{Enter}`);
    const codes = await screen.findByRole('list', { name: 'Recovery codes' });
    expect(within(codes).getAllByRole('listitem')).toHaveLength(10);
    await user.click(screen.getByRole('button', { name: 'I have saved them' }));
    expect(await screen.findByText('Two-factor sign-in: on')).toBeTruthy();
    expect(screen.queryByRole('list', { name: 'Recovery codes' })).toBeNull();
  });
});
