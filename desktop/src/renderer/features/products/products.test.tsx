import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { products } from '../../test/fake-data.ts';
import { createFakeBackend } from '../../test/fake-backend.ts';
import { renderApp } from '../../test/render.tsx';

afterEach(cleanup);

const ana = products[0]!;
const writesOf = (fake: ReturnType<typeof createFakeBackend>, name: string) =>
  fake.shop.writes.filter((w) => w.name === name).map((w) => w.args);

/** Sets a field's text at once (typing each key through MUI is slow on a loaded machine). */
const fill = (field: HTMLElement, text: string) => fireEvent.change(field, { target: { value: text } });

function manager() {
  const fake = createFakeBackend({ orders: 5 });
  fake.signInAs('manager');
  return fake;
}

describe('products', () => {
  it('lists the catalogue, narrows it by status, and opens the editor with its variants and prices', async () => {
    const fake = manager();
    const { user } = renderApp(fake, { path: '/products?f.status=draft' });
    const table = await screen.findByRole('table', { name: 'Products' });
    await waitFor(() => expect(within(table).getAllByRole('row')).toHaveLength(2));
    await user.click(within(table).getByText('Sintra Sandal'));
    const variants = await screen.findByRole('table', { name: 'Variants' });
    expect(within(variants).getByRole('columnheader', { name: 'Price' })).toBeTruthy();
    expect(within(variants).getAllByText('€69.00').length).toBeGreaterThan(0);
    expect((screen.getByLabelText('Price (EUR)') as HTMLInputElement).value).toBe('69.00');
  });

  it('is not there for a warehouse user, in the navigation or by address', async () => {
    const fake = createFakeBackend({ orders: 5 });
    fake.signInAs('warehouse');
    renderApp(fake, { path: `/products/${ana.id}` });
    expect(await screen.findByText('There is no such screen')).toBeTruthy();
    expect(within(screen.getByTestId('navigation')).queryByText('Products')).toBeNull();
  });
});

describe('the product editor', { timeout: 60_000 }, () => {
  it('saves only the changed fields, the price typed as money and sent in cents, against the version it loaded', async () => {
    const fake = manager();
    const { user } = renderApp(fake, { path: `/products/${ana.id}` });
    const name = await screen.findByLabelText(/^Name/);
    fill(name, 'Ana Court Pump');
    const price = screen.getByLabelText('Price (EUR)');
    fill(price, '95.5');
    await user.click(screen.getByRole('button', { name: /Save changes/ }));
    expect(await screen.findByText(/Saved\. The change is on its way/)).toBeTruthy();
    expect(writesOf(fake, 'products.update')).toEqual([
      {
        productId: ana.id,
        baseVersion: 3,
        fields: { name: 'Ana Court Pump', basePriceMinor: 9550 },
        base: { name: 'Ana Pump', basePriceMinor: 8900 },
      },
    ]);
  });

  it('refuses a price that is not money, next to the field, and sends nothing', async () => {
    const fake = manager();
    const { user } = renderApp(fake, { path: `/products/${ana.id}` });
    const price = await screen.findByLabelText('Price (EUR)');
    fill(price, '89,50');
    await user.click(screen.getByRole('button', { name: /Save changes/ }));
    expect(await screen.findByText('Amount must be a number like 12.50')).toBeTruthy();
    expect(writesOf(fake, 'products.update')).toEqual([]);
  });

  it('saves field edits offline and says plainly that variants and images need a connection', async () => {
    const fake = manager();
    fake.setSync({ state: 'offline' });
    fake.shop.offline = true;
    const { user } = renderApp(fake, { path: `/products/${ana.id}` });
    await user.click(await screen.findByRole('combobox', { name: 'Status' }));
    await user.click(await screen.findByRole('option', { name: /Archived/ }));
    await user.click(screen.getByRole('button', { name: /Save changes/ }));
    expect(await screen.findByText(/Saved on this device\. It goes to the shop server/)).toBeTruthy();
    expect(writesOf(fake, 'products.update')[0]).toMatchObject({ fields: { status: 'archived' } });
    const matrix = await screen.findByTestId('variant-matrix', {}, { timeout: 20_000 });
    expect(within(matrix).getByText(/Needs a connection to the shop server/)).toBeTruthy();
    expect(
      (within(matrix).getByRole('button', { name: /^Add \d+ variant/ }) as HTMLButtonElement).disabled,
    ).toBe(true);
    expect(within(screen.getByTestId('images-panel')).getByText(/Needs a connection/)).toBeTruthy();
  });

  it('edits a variant: a barcode with a wrong check digit is refused in words, a right one and prices are sent in cents', async () => {
    const fake = manager();
    const { user } = renderApp(fake, { path: `/products/${ana.id}` });
    const variants = await screen.findByRole('table', { name: 'Variants' });
    await user.click(within(variants).getByText('ANA-PUMP-BLK-36'));
    const dialog = await screen.findByRole('dialog', { name: /Black · EU 36/ });
    const gtin = within(dialog).getByLabelText('Barcode (GTIN / EAN)');
    fill(gtin, '4006381333932');
    await user.click(within(dialog).getByRole('button', { name: 'Save variant' }));
    expect(await within(dialog).findByText(/check digit\) does not match/)).toBeTruthy();
    expect(writesOf(fake, 'products.updateVariant')).toEqual([]);

    fill(gtin, '4006381333931');
    const compareAt = within(dialog).getByLabelText('Compare at (EUR)');
    fill(compareAt, '120');
    const weight = within(dialog).getByLabelText('Weight boxed (g)');
    fill(weight, '820');
    await user.click(within(dialog).getByRole('button', { name: 'Save variant' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(writesOf(fake, 'products.updateVariant')).toEqual([
      expect.objectContaining({ gtin: '4006381333931', compareAtMinor: 12000, weightGrams: 820 }),
    ]);
    expect(await screen.findByText('Variant ANA-PUMP-BLK-36 saved.')).toBeTruthy();
  });

  it('previews the variant matrix (new against existing) and generates the new ones', async () => {
    const fake = manager();
    const { user } = renderApp(fake, { path: `/products/${ana.id}` });
    const matrix = await screen.findByTestId('variant-matrix', {}, { timeout: 20_000 });
    // Ana Pump has Black, Nude and Red in 36-41: the default 37-40 all exist.
    expect(within(matrix).getByTestId('matrix-summary').textContent).toBe('0 new · 12 exist already');
    await user.click(within(matrix).getByRole('button', { name: 'EU 42' }));
    await user.click(within(matrix).getByLabelText(/^Wide/));
    expect(within(matrix).getByTestId('matrix-summary').textContent).toBe('18 new · 12 exist already');
    expect(within(within(matrix).getByRole('table')).getAllByText('new')).toHaveLength(18);
    await user.click(within(matrix).getByRole('button', { name: 'Add 18 variants' }));
    expect(await screen.findByText('18 variant(s) added, 12 existed already.')).toBeTruthy();
    expect(writesOf(fake, 'products.generateVariants')[0]).toMatchObject({
      sizes: [37, 38, 39, 40, 42],
      widths: ['standard', 'wide'],
      weightGrams: 700,
    });
  });

  it('uploads dropped and picked images, moves one first, and deletes one after naming it', async () => {
    const fake = manager();
    const { user } = renderApp(fake, { path: `/products/${ana.id}` });
    const panel = await screen.findByTestId('images-panel');
    expect(await within(panel).findByText(/No images yet/)).toBeTruthy();
    const file = (name: string, type = 'image/jpeg') => new File([new Uint8Array([1, 2, 3])], name, { type });
    fireEvent.drop(within(panel).getByTestId('image-drop'), {
      dataTransfer: { files: [file('side-view.jpg'), file('notes.txt', 'text/plain')] },
    });
    expect(await within(panel).findByText(/notes\.txt: only JPEG, PNG, WebP or AVIF/)).toBeTruthy();
    await user.upload(within(panel).getByLabelText('Image files'), file('top_view.png', 'image/png'));
    await waitFor(() => expect(within(panel).getAllByTestId('image-row')).toHaveLength(2));
    expect(writesOf(fake, 'products.uploadImage').map((a) => (a as { alt: string }).alt)).toEqual([
      'side view',
      'top view',
    ]);
    await user.click(within(panel).getByRole('button', { name: 'Move image 2 up' }));
    await waitFor(() =>
      expect((within(panel).getAllByRole('textbox')[0] as HTMLInputElement).value).toBe('top view'),
    );
    await user.click(within(panel).getByRole('button', { name: 'Delete image 2' }));
    const confirm = await screen.findByRole('dialog', { name: 'Delete image 2 of Ana Pump?' });
    await user.click(within(confirm).getByRole('button', { name: 'Delete image' }));
    await waitFor(() => expect(within(panel).getAllByTestId('image-row')).toHaveLength(1));
  });

  it('creates a product online and opens it in the editor', async () => {
    const fake = manager();
    const { user } = renderApp(fake, { path: '/products/new' });
    await user.click(await screen.findByRole('button', { name: 'Create product' }));
    expect(await screen.findByText('Choose a brand.')).toBeTruthy();
    await user.click(screen.getByRole('combobox', { name: 'Brand' }));
    await user.click(await screen.findByRole('option', { name: 'Rua' }));
    await user.click(screen.getByRole('combobox', { name: 'Category' }));
    await user.click(await screen.findByRole('option', { name: 'Sandals' }));
    fill(screen.getByLabelText(/^Name/), 'Faro Slide');
    fill(screen.getByLabelText(/^Material/), 'Suede');
    fill(screen.getByLabelText('Price (EUR)'), '59');
    await user.click(screen.getByRole('button', { name: 'Create product' }));
    expect(await screen.findByRole('heading', { name: 'Faro Slide' })).toBeTruthy();
    expect(writesOf(fake, 'products.create')[0]).toMatchObject({ name: 'Faro Slide', basePriceMinor: 5900 });
  });
});

describe('CSV import and export', () => {
  const csvFile = (text: string) => new File([text], 'catalog.csv', { type: 'text/csv' });
  const header = 'style_code,product_name,sku,gtin';

  it('shows each bad row in a table and writes nothing', async () => {
    const fake = manager();
    const { user } = renderApp(fake, { path: '/products/import' });
    const csv = `${header}\nANA-PUMP,Ana Pump,ANA-PUMP-BLK-36,4006381333931\nANA-PUMP,Ana Pump,ANA-PUMP-BLK-37,4006381333932\n`;
    await user.upload(await screen.findByLabelText('CSV file'), csvFile(csv));
    const table = await screen.findByRole('table', { name: 'Rows with errors' });
    const rows = within(table).getAllByRole('row');
    expect(rows).toHaveLength(2);
    expect(rows[1]!.textContent).toBe('3gtinGTIN check digit is wrongGTIN_CHECK_DIGIT');
    expect(
      screen.getByText(/^catalog\.csv: 1 row\(s\) of the CSV have errors, so nothing was imported/),
    ).toBeTruthy();
    expect(fake.catalog.imported).toBe(0);
  });

  it('imports a good file and says what changed', async () => {
    const fake = manager();
    const { user } = renderApp(fake, { path: '/products/import' });
    await user.upload(
      await screen.findByLabelText('CSV file'),
      csvFile(`${header}\nANA-PUMP,Ana Pump,ANA-PUMP-BLK-36,4006381333931\n`),
    );
    expect(await screen.findByText(/Imported catalog\.csv: 0 product\(s\) created, 1 updated/)).toBeTruthy();
    expect(fake.catalog.imported).toBe(1);
  });

  it('exports as a download in browser mode, where there is no save dialog', async () => {
    const fake = manager();
    const clicked: string[] = [];
    const original = HTMLAnchorElement.prototype.click;
    HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
      clicked.push(this.download);
    };
    URL.createObjectURL ??= () => 'blob:x';
    URL.revokeObjectURL ??= () => {};
    try {
      const { user } = renderApp(fake, { path: '/products/import' });
      await user.click(await screen.findByRole('button', { name: 'Export CSV' }));
      expect(await screen.findByText('catalog-2026-12-02.csv downloaded.')).toBeTruthy();
      expect(clicked).toEqual(['catalog-2026-12-02.csv']);
    } finally {
      HTMLAnchorElement.prototype.click = original;
    }
  });

  it('offline, says the import needs a connection and offers no button that cannot work', async () => {
    const fake = manager();
    act(() => fake.setSync({ state: 'offline' }));
    renderApp(fake, { path: '/products/import' });
    expect(await screen.findByText(/Needs a connection to the shop server/)).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Choose a CSV file' }) as HTMLButtonElement).disabled).toBe(
      true,
    );
    expect((screen.getByRole('button', { name: 'Export CSV' }) as HTMLButtonElement).disabled).toBe(true);
  });
});
