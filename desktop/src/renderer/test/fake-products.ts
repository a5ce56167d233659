/**
 * The fake backend's catalogue editor: product edits, new products, the variant matrix, variant
 * fields, images and CSV, in memory over fake-data.ts. Like the real backend, everything but the
 * field edits (`products.update`, the outbox) needs the shop server: with `shop.offline` they
 * answer API_UNREACHABLE. A CSV with a bad barcode is refused whole, naming the row.
 */
import { DomainError, isValidGtin, normalizeGtin, type Width } from '@shoebox/shared';
import { catalogCsvColumns } from '@shoebox/shared/contracts';
import type { CatalogProductDetail, CatalogVariant, EditorImage, Handlers } from '../../ipc/index.ts';
import { fakeId, products, variants } from './fake-data.ts';
import { type FakeShop, receipt } from './fake-shop.ts';

export interface FakeCatalog {
  /** Field edits per product (as the server would have merged them), and its version. */
  edits: Map<string, Partial<CatalogProductDetail>>;
  added: Map<string, CatalogVariant[]>;
  variantEdits: Map<string, Partial<CatalogVariant>>;
  images: Map<string, EditorImage[]>;
  created: CatalogProductDetail[];
  imported: number;
}

export const createFakeCatalog = (): FakeCatalog => ({
  edits: new Map(),
  added: new Map(),
  variantEdits: new Map(),
  images: new Map(),
  created: [],
  imported: 0,
});

const colours = [...new Map(products.flatMap((p) => p.colours).map((c) => [c.id, c])).values()];
/** A small picture of a shoe box in the colour, so previews look like photos in screenshots. */
const swatchImage = (hex: string) =>
  `data:image/svg+xml;base64,${btoa(
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 72 72"><rect width="72" height="72" fill="#eee"/><path d="M8 48c10 0 18-12 26-12s12 8 30 10v8H8z" fill="${hex}"/></svg>`,
  )}`;

export function productFakes(
  shop: FakeShop,
  catalog: FakeCatalog,
  base: Partial<Handlers>,
): Partial<Handlers> {
  const server = <T>(value: () => T): T => {
    if (shop.offline)
      throw new DomainError(
        'external',
        'API_UNREACHABLE',
        'This needs the shop server, which cannot be reached right now.',
      );
    return value();
  };
  const product = async (productId: string): Promise<CatalogProductDetail> => {
    const made = catalog.created.find((p) => p.id === productId);
    const loaded = made ?? (await base['catalog.product']!({ productId }));
    const own = [...loaded.variants, ...(catalog.added.get(productId) ?? [])].map((v) => ({
      ...v,
      ...catalog.variantEdits.get(v.id),
    }));
    return { ...loaded, ...catalog.edits.get(productId), variants: own };
  };

  return {
    'catalog.product': ({ productId }) => product(productId),
    'products.update': async (args) => {
      shop.writes.push({ name: 'products.update', args });
      const current = await product(args.productId);
      catalog.edits.set(args.productId, {
        ...catalog.edits.get(args.productId),
        ...args.fields,
        version: current.version + 1,
      });
      return receipt();
    },
    'products.taxonomy': async () => ({
      brands: [
        { id: fakeId(6, 2), name: 'Rua' },
        { id: fakeId(6, 1), name: 'Shoebox' },
      ],
      categories: ['Boots', 'Loafers', 'Pumps', 'Sandals'].map((name, i) => ({ id: fakeId(7, i + 1), name })),
      colours: colours
        .map(({ id, name, code, swatchHex }) => ({ id, name, code, swatchHex }))
        .sort((a, b) => a.name.localeCompare(b.name)),
    }),
    'products.create': async (args) =>
      server(() => {
        shop.writes.push({ name: 'products.create', args });
        const id = fakeId(3, 100 + catalog.created.length);
        catalog.created.push({
          id,
          styleCode: args.styleCode ?? args.name.toUpperCase().replace(/\W+/g, '-'),
          slug: args.name.toLowerCase().replace(/\W+/g, '-'),
          name: args.name,
          description: args.description,
          material: args.material,
          heelHeightMm: args.heelHeightMm,
          status: args.status,
          tags: args.tags,
          currency: args.currency,
          basePriceMinor: args.basePriceMinor,
          pricesVisible: true,
          brand: null,
          category: null,
          version: 1,
          updatedAt: new Date().toISOString(),
          pending: false,
          variants: [],
        });
        return { id, version: 1 };
      }),
    'products.generateVariants': async (args) => {
      shop.writes.push({ name: 'products.generateVariants', args });
      const current = await product(args.productId);
      return server(() => {
        const have = new Set(current.variants.map((v) => `${v.colourId}|${v.sizeEu}|${v.width}`));
        const made: CatalogVariant[] = [];
        for (const colourId of args.colourIds)
          for (const width of args.widths as Width[])
            for (const sizeEu of args.sizes) {
              if (have.has(`${colourId}|${sizeEu}|${width}`)) continue;
              const colour = colours.find((c) => c.id === colourId)!;
              made.push({
                id: fakeId(4, 90_000 + made.length + (catalog.added.get(args.productId)?.length ?? 0)),
                sku: `${current.styleCode}-${colour.code}-${sizeEu}`,
                gtin: null,
                colourId,
                colourName: colour.name,
                colourCode: colour.code,
                sizeEu,
                width,
                active: true,
                lowStockThreshold: args.lowStockThreshold,
                weightGrams: args.weightGrams,
                onHand: 0,
                reserved: 0,
                available: 0,
                priceMinor: null,
                compareAtMinor: null,
              });
            }
        catalog.added.set(args.productId, [...(catalog.added.get(args.productId) ?? []), ...made]);
        return {
          created: made.length,
          skipped: args.colourIds.length * args.sizes.length * args.widths.length - made.length,
        };
      });
    },
    'products.updateVariant': async ({ variantId, ...fields }) =>
      server(() => {
        shop.writes.push({ name: 'products.updateVariant', args: { variantId, ...fields } });
        catalog.variantEdits.set(variantId, { ...catalog.variantEdits.get(variantId), ...fields });
        return null;
      }),
    'products.images': async ({ productId }) => server(() => catalog.images.get(productId) ?? []),
    'products.uploadImage': async ({ productId, alt }) =>
      server(() => {
        shop.writes.push({ name: 'products.uploadImage', args: { productId, alt } });
        const list = catalog.images.get(productId) ?? [];
        const image: EditorImage = {
          id: fakeId(10, list.length + 1 + catalog.images.size * 100),
          productId,
          position: list.length,
          alt,
          width: 1200,
          height: 1200,
          urls: {},
          thumbnail: swatchImage(colours[list.length % colours.length]!.swatchHex),
        };
        catalog.images.set(productId, [...list, image]);
        return image;
      }),
    'products.updateImage': async ({ imageId, alt, position }) =>
      server(() => {
        shop.writes.push({ name: 'products.updateImage', args: { imageId, alt, position } });
        for (const [productId, list] of catalog.images) {
          const image = list.find((i) => i.id === imageId);
          if (!image) continue;
          const rest = list.filter((i) => i !== image);
          const moved = { ...image, ...(alt === undefined ? {} : { alt }) };
          rest.splice(position ?? list.indexOf(image), 0, moved);
          catalog.images.set(
            productId,
            rest.map((i, n) => ({ ...i, position: n })),
          );
        }
        return null;
      }),
    'products.deleteImage': async ({ imageId }) =>
      server(() => {
        shop.writes.push({ name: 'products.deleteImage', args: { imageId } });
        for (const [productId, list] of catalog.images)
          catalog.images.set(
            productId,
            list.filter((i) => i.id !== imageId).map((i, n) => ({ ...i, position: n })),
          );
        return null;
      }),
    'catalog.importCsv': async ({ csv }) => server(() => importCsv(shop, catalog, csv)),
    'catalog.exportCsv': async () =>
      server(() => ({
        csv: [
          catalogCsvColumns.join(','),
          ...variants.map((v) => {
            const p = products.find((x) => x.id === v.productId)!;
            return `${p.styleCode},${p.name},,,Leather,40,${p.priceMinor},EUR,${p.status},,${v.sizeEu},standard,${v.sku},${v.gtin},,,700`;
          }),
        ].join('\n'),
        fileName: 'catalog-2026-12-02.csv',
      })),
  };
}

/** All rows or none: a row whose barcode is wrong refuses the whole file, naming it. */
function importCsv(shop: FakeShop, catalog: FakeCatalog, csv: string) {
  const [header = '', ...lines] = csv.trim().split(/\r?\n/);
  const gtinAt = header.split(',').indexOf('gtin');
  const errors = lines.flatMap((line, i) => {
    const gtin = normalizeGtin(line.split(',')[gtinAt] ?? '');
    if (gtin === '' || isValidGtin(gtin)) return [];
    const message = /^\d{8}$|^\d{13}$|^\d{14}$/.test(gtin)
      ? 'GTIN check digit is wrong'
      : 'GTIN must be 8, 12, 13 or 14 digits';
    return [
      {
        path: `row ${i + 2}: gtin`,
        message,
        code: message.includes('check') ? 'GTIN_CHECK_DIGIT' : 'GTIN_LENGTH',
      },
    ];
  });
  if (errors.length > 0)
    throw new DomainError(
      'validation',
      'CSV_INVALID',
      `${errors.length} row(s) of the CSV have errors, so nothing was imported. Rows are numbered as in a spreadsheet: the header is row 1 and the first data row is row 2.`,
      { errors },
    );
  shop.writes.push({ name: 'catalog.importCsv', args: { rows: lines.length } });
  catalog.imported += lines.length;
  return { productsCreated: 0, productsUpdated: 1, variantsCreated: 0, variantsUpdated: lines.length };
}
