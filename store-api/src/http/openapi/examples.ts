/**
 * Examples for the main operations, keyed by operationId. openapi.test.ts checks each one against
 * the route's zod schemas (request bodies on the input side, responses on the output side), and
 * `redocly lint` checks them against the generated JSON Schema, so they cannot drift. Request
 * examples work as written against the demo shop (`npm start`): the ids they name are the seed's
 * well-known ids, and examples-demo.test.ts sends each one to a freshly seeded shop.
 */
import { wellKnownIds } from '../../db/seed/well-known.ts';

export interface Example {
  summary: string;
  value: unknown;
}

export interface OperationExamples {
  request?: Example;
  response?: Example;
}

const ids = {
  owner: '0190f3a2-7b1c-7c3e-9a4b-1d2e3f4a5b01',
  brand: wellKnownIds['brand:rue-margot'],
  category: wellKnownIds['category:pumps-heels'],
  product: '0190f3a2-7b1c-7c3e-9a4b-1d2e3f4a5b04',
  location: wellKnownIds['location:WH1'],
  variant38: wellKnownIds['variant:MILA-POINTED-LEOPARD-38'],
  variant39: wellKnownIds['variant:MILA-POINTED-LEOPARD-39'],
  movement1: '0190f3a2-7b1c-7c3e-9a4b-1d2e3f4a5b08',
  movement2: '0190f3a2-7b1c-7c3e-9a4b-1d2e3f4a5b09',
  bin: wellKnownIds['bin:WH1:A-01-1'],
};

const at = '2026-03-02T09:15:00.000Z';
const tokens = {
  accessToken: 'eyJhbGciOiJIUzI1NiJ9.eyJhdWQiOiJzdGFmZiJ9.c2lnbmF0dXJl',
  accessTokenExpiresAt: '2026-03-02T09:30:00.000Z',
  refreshToken: 'rt_3q2-7wKfQd1lJ8bZ0yXcVn4Tm6Rs9Ue5',
  refreshTokenExpiresAt: '2026-04-01T09:15:00.000Z',
};

const wren = {
  id: ids.product,
  styleCode: 'WREN-SLING',
  slug: 'wren-slingback-pump',
  name: 'Wren slingback pump',
  description: 'A slingback pump in soft nappa leather with a 75 mm stiletto heel.',
  brandId: ids.brand,
  categoryId: ids.category,
  material: 'Nappa leather',
  heelHeightMm: 75,
  basePriceMinor: 8900,
  currency: 'EUR',
  status: 'draft',
  tags: ['office', 'wedding'],
  version: 1,
  createdAt: at,
  updatedAt: at,
};

const movement = (id: string, variantId: string, quantity: number) => ({
  id,
  variantId,
  locationId: ids.location,
  kind: 'receive',
  quantity,
  onHandDelta: quantity,
  reservedDelta: 0,
  reason: null,
  reference: 'PO-2026-0117',
});

export const operationExamples: Record<string, OperationExamples> = {
  postAdminAuthSignIn: {
    request: {
      summary: 'The demo owner',
      value: { email: 'owner@shoebox.test', password: 'shoebox-owner-1' },
    },
    response: {
      summary: 'A staff session',
      value: {
        ...tokens,
        user: {
          id: ids.owner,
          email: 'owner@shoebox.test',
          name: 'Olive Owner',
          role: 'owner',
          active: true,
          createdAt: at,
        },
        permissions: ['catalog:read', 'catalog:write', 'prices:write', 'inventory:read'],
      },
    },
  },
  getAdminProducts: {
    response: {
      summary: 'The first page of products',
      value: { items: [{ ...wren, status: 'active', version: 3 }], page: 1, pageSize: 20, total: 1 },
    },
  },
  postAdminProducts: {
    request: {
      summary: 'A draft pump; the slug comes from the name',
      value: {
        name: 'Wren slingback pump',
        styleCode: 'WREN-SLING',
        description: 'A slingback pump in soft nappa leather with a 75 mm stiletto heel.',
        brandId: ids.brand,
        categoryId: ids.category,
        material: 'Nappa leather',
        heelHeightMm: 75,
        basePriceMinor: 8900,
        currency: 'EUR',
        tags: ['office', 'wedding'],
      },
    },
    response: { summary: 'The new product, version 1', value: wren },
  },
  postAdminInventoryReceive: {
    request: {
      summary: 'A supplier delivery of two sizes',
      value: {
        locationId: ids.location,
        reference: 'PO-2026-0117',
        lines: [
          { variantId: ids.variant38, quantity: 6, binId: ids.bin },
          { variantId: ids.variant39, quantity: 4 },
        ],
      },
    },
    response: {
      summary: 'One receive movement per line',
      value: {
        movements: [movement(ids.movement1, ids.variant38, 6), movement(ids.movement2, ids.variant39, 4)],
      },
    },
  },
  postStoreCartLines: {
    request: { summary: 'Two pairs by SKU', value: { sku: 'MILA-POINTED-LEOPARD-38', quantity: 2 } },
  },
  postStoreCheckout: {
    response: {
      summary: 'An order waiting for its payment (demo mode)',
      value: {
        orderId: '0190f3a2-7b1c-7c3e-9a4b-1d2e3f4a5b0c',
        orderNumber: 'SB-7K3M9Q2X',
        status: 'pending_payment',
        totalMinor: 16290,
        currency: 'EUR',
        payment: {
          provider: 'demo',
          intentId: 'demo_pi_0190f3a27b1c7c3e',
          clientSecret: 'demo_pi_0190f3a27b1c7c3e_secret_4f9d2a',
        },
        reservationExpiresAt: '2026-03-02T09:30:00.000Z',
      },
    },
  },
  getStoreProducts: {
    response: {
      summary: 'Pumps in size 38, in stock',
      value: {
        items: [
          {
            id: ids.product,
            slug: 'mila-pointed-toe-pump',
            name: 'Mila pointed-toe pump',
            brand: { slug: 'bellamy', name: 'Bellamy' },
            category: { slug: 'pumps-heels', name: 'Pumps & heels' },
            heelBand: 'mid',
            heelHeightMm: 75,
            priceMinor: 7900,
            compareAtMinor: 8900,
            currency: 'EUR',
            colours: [{ code: 'NUDE', name: 'Nude', family: 'nude', swatchHex: '#E3BC9A' }],
            sizesInStock: [37, 38, 39],
            inStock: true,
            imageUrl: '/media/images/0190f3a2-7b1c-7c3e-9a4b-1d2e3f4a5b0b/640.webp',
          },
        ],
        page: 1,
        pageSize: 20,
        total: 1,
        facets: {
          category: [{ value: 'pumps-heels', label: 'Pumps & heels', count: 1 }],
          brand: [{ value: 'bellamy', label: 'Bellamy', count: 1 }],
          size: [
            { value: '38', label: '38', count: 1 },
            { value: '39', label: '39', count: 1 },
          ],
          colour: [{ value: 'nude', label: 'Nude', count: 1 }],
          heel: [{ value: 'mid', label: 'Mid (5-8 cm)', count: 1 }],
          price: { min: 7900, max: 7900 },
        },
        seq: 42,
      },
    },
  },
};
