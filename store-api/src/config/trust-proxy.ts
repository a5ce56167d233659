import { isIP } from 'node:net';

/**
 * Which peers may tell us the client's address in `X-Forwarded-For` (Express' `trust proxy`).
 * Off: the client is the TCP peer, whatever the header says. A hop count: the address that many
 * proxies in front of us saw (the n-th entry from the right). A list of addresses or CIDR ranges
 * (or proxy-addr's names `loopback`, `linklocal`, `uniquelocal`): entries added by those proxies
 * are skipped, and the first address from the right that is not one of them is the client.
 */
export type TrustProxy = false | number | string[];

const named = new Set(['loopback', 'linklocal', 'uniquelocal']);

/** Parses TRUST_PROXY; returns an error message for a value it cannot use. */
export function parseTrustProxy(raw: string | undefined): TrustProxy | { error: string } {
  const value = (raw ?? '').trim().toLowerCase();
  if (value === '' || value === 'off' || value === 'false' || value === '0') return false;
  if (/^\d+$/.test(value)) {
    const hops = Number(value);
    return hops <= 10 ? hops : { error: 'a hop count must be between 0 and 10' };
  }
  const entries = value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const bad = entries.filter((entry) => !named.has(entry) && !isAddressOrRange(entry));
  if (bad.length > 0)
    return {
      error: `use off, a hop count, or addresses/CIDR ranges (loopback, 10.0.0.0/8, ...); not ${bad.join(', ')}`,
    };
  return entries;
}

function isAddressOrRange(entry: string): boolean {
  const [address = '', prefix, ...rest] = entry.split('/');
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  if (!/^\d+$/.test(prefix)) return false;
  return Number(prefix) <= (family === 4 ? 32 : 128);
}
