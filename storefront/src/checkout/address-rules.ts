/**
 * Per-field checks of a delivery address, run as the shopper leaves each field and before the
 * address is sent (the API checks lengths and the country code; postcode shapes are checked here
 * so the error sits next to the field before a round trip).
 */

export interface AddressFields {
  name: string;
  line1: string;
  line2: string;
  city: string;
  postalCode: string;
  country: string;
  phone: string;
}
export type AddressErrors = Partial<Record<keyof AddressFields, string>>;

/** Countries offered at checkout, the shop's own first. */
export const countries: ReadonlyArray<{ code: string; name: string }> = [
  { code: 'IE', name: 'Ireland' },
  { code: 'GB', name: 'United Kingdom' },
  { code: 'FR', name: 'France' },
  { code: 'DE', name: 'Germany' },
  { code: 'ES', name: 'Spain' },
  { code: 'IT', name: 'Italy' },
  { code: 'NL', name: 'Netherlands' },
  { code: 'BE', name: 'Belgium' },
  { code: 'AT', name: 'Austria' },
  { code: 'PT', name: 'Portugal' },
  { code: 'PL', name: 'Poland' },
  { code: 'SE', name: 'Sweden' },
  { code: 'DK', name: 'Denmark' },
  { code: 'CH', name: 'Switzerland' },
  { code: 'NO', name: 'Norway' },
  { code: 'US', name: 'United States' },
];

/** Postcode shapes with an example the error message quotes. */
const postcodes: Record<string, { pattern: RegExp; example: string }> = {
  IE: { pattern: /^(?:[AC-FHKNPRTV-Y]\d{2}|D6W) ?[0-9AC-FHKNPRTV-Y]{4}$/i, example: 'D02 X285' },
  GB: { pattern: /^[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}$/i, example: 'SW1A 1AA' },
  FR: { pattern: /^\d{5}$/, example: '75001' },
  DE: { pattern: /^\d{5}$/, example: '10115' },
  ES: { pattern: /^\d{5}$/, example: '28001' },
  IT: { pattern: /^\d{5}$/, example: '00184' },
  NL: { pattern: /^\d{4} ?[A-Z]{2}$/i, example: '1012 AB' },
  BE: { pattern: /^\d{4}$/, example: '1000' },
  AT: { pattern: /^\d{4}$/, example: '1010' },
  PT: { pattern: /^\d{4}-\d{3}$/, example: '1100-148' },
  PL: { pattern: /^\d{2}-\d{3}$/, example: '00-001' },
  SE: { pattern: /^\d{3} ?\d{2}$/, example: '111 22' },
  DK: { pattern: /^\d{4}$/, example: '1050' },
  CH: { pattern: /^\d{4}$/, example: '8001' },
  NO: { pattern: /^\d{4}$/, example: '0150' },
  US: { pattern: /^\d{5}(?:-\d{4})?$/, example: '10001' },
};

const required: Array<[keyof AddressFields, string]> = [
  ['name', 'Enter the name of the person receiving the parcel.'],
  ['line1', 'Enter the street and house number.'],
  ['city', 'Enter the town or city.'],
  ['postalCode', 'Enter the postcode.'],
  ['country', 'Choose a country.'],
];

/** The message for one field, or undefined when it is fine. */
export function checkAddressField(field: keyof AddressFields, a: AddressFields): string | undefined {
  const value = a[field].trim();
  const missing = required.find(([f]) => f === field);
  if (missing && value === '') return missing[1];
  if (field === 'postalCode') {
    const rule = postcodes[a.country];
    if (rule && !rule.pattern.test(value)) return `Enter a valid postcode, e.g. ${rule.example}.`;
  }
  if (field === 'phone' && value !== '' && !/^\+?[\d ()-]{6,20}$/.test(value))
    return 'Enter a phone number with digits only, e.g. +353 1 234 5678.';
  return undefined;
}

export function checkAddress(a: AddressFields): AddressErrors {
  const errors: AddressErrors = {};
  for (const field of Object.keys(a) as Array<keyof AddressFields>) {
    const message = checkAddressField(field, a);
    if (message) errors[field] = message;
  }
  return errors;
}

export const emptyAddress: AddressFields = {
  name: '',
  line1: '',
  line2: '',
  city: '',
  postalCode: '',
  country: 'IE',
  phone: '',
};
