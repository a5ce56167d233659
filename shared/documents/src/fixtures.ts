import type { LabelData, PackingSlipData } from './types.ts';

/** A label with names no Latin-1 font can print, for tests and benchmarks. */
export function sampleLabel(overrides: Partial<LabelData> = {}): LabelData {
  return {
    carrier: 'Shoebox House',
    service: 'House Standard',
    trackingNumber: 'SBH123456785',
    orderNumber: 'SB-7K3M9QX2',
    weightGrams: 1240,
    shipDate: '2026-12-02',
    from: {
      name: 'Shoebox Warehouse',
      line1: 'Lagerstraße 4',
      postalCode: '10115',
      city: 'Berlin',
      country: 'DE',
    },
    to: {
      name: 'Zofia Wójcik',
      line1: 'ul. Piotrkowska 12/3',
      postalCode: '90-001',
      city: 'Łódź',
      country: 'PL',
      phone: '+48 42 123 45 67',
    },
    ...overrides,
  };
}

export function sampleSlip(overrides: Partial<PackingSlipData> = {}): PackingSlipData {
  const label = sampleLabel();
  return {
    orderNumber: label.orderNumber,
    orderedAt: '2026-12-01',
    from: label.from,
    to: { name: 'Søren Ærø', line1: 'Vestergade 7', postalCode: '5970', city: 'Ærøskøbing', country: 'DK' },
    lines: [
      { sku: 'MILA-NUDE-38', name: 'Mila pointed-toe pump', colour: 'Nude', size: '38', quantity: 1 },
      {
        sku: 'NORA-BLACK-38.5',
        name: 'Nora Chelsea boot',
        colour: 'Black',
        size: '38.5',
        width: 'wide',
        quantity: 2,
      },
    ],
    returnUrl: 'https://shop.example/returns/SB-7K3M9QX2',
    ...overrides,
  };
}
