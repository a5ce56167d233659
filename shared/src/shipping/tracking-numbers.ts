/**
 * House-carrier tracking numbers: `SBH` + an 8-digit serial + a check digit computed the way the
 * UPU S10 standard does (weights 8 6 4 2 3 5 9 7, mod 11), e.g. `SBH000000017`. A mistyped digit
 * or two swapped neighbours fail the check, so a tracking scan or a customer's typo is caught
 * before any lookup.
 *
 * Serials are handed out in blocks (store-api `POST /admin/carriers/house/tracking-blocks`) so a
 * desktop can label parcels offline without ever colliding with another device.
 */

export const HOUSE_TRACKING_PREFIX = 'SBH';
export const HOUSE_SERIAL_MAX = 99_999_999;
const WEIGHTS = [8, 6, 4, 2, 3, 5, 9, 7] as const;
const pattern = /^SBH(\d{8})(\d)$/;

/** The S10 check digit of an 8-digit serial. */
export function s10CheckDigit(serial8: string): number {
  if (!/^\d{8}$/.test(serial8)) throw new RangeError(`A serial has 8 digits, got '${serial8}'`);
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += (serial8.charCodeAt(i) - 48) * (WEIGHTS[i] as number);
  const check = 11 - (sum % 11);
  return check === 10 ? 0 : check === 11 ? 5 : check;
}

/** The tracking number of a serial (1 ..= 99,999,999). */
export function houseTrackingNumber(serial: number): string {
  if (!Number.isInteger(serial) || serial < 1 || serial > HOUSE_SERIAL_MAX)
    throw new RangeError(`A house serial is 1..${HOUSE_SERIAL_MAX}, got ${serial}`);
  const body = String(serial).padStart(8, '0');
  return `${HOUSE_TRACKING_PREFIX}${body}${s10CheckDigit(body)}`;
}

/** True for a well-formed house tracking number whose check digit matches. */
export function isHouseTrackingNumber(value: string): boolean {
  const m = pattern.exec(value);
  return m !== null && s10CheckDigit(m[1] as string) === Number(m[2]);
}

/** The serial inside a valid house tracking number; null when it is not one. */
export function houseSerialOf(value: string): number | null {
  return isHouseTrackingNumber(value) ? Number(value.slice(3, 11)) : null;
}

/** A block of serials a device holds, both ends inclusive. */
export interface TrackingBlock {
  firstSerial: number;
  lastSerial: number;
}

/** The next unused tracking number of a block, given how many it has used; null when spent. */
export function nextFromBlock(block: TrackingBlock, used: number): string | null {
  const serial = block.firstSerial + used;
  return serial > block.lastSerial ? null : houseTrackingNumber(serial);
}
