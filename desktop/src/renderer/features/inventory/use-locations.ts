/**
 * The stock locations this device knows. The handler table has no list of locations yet (see
 * docs/decisions/0032), so they are learnt from the movement history (which names each movement's
 * location) and remembered on this device, so a count or an adjustment still works offline
 * afterwards. When a `inventory.locations` handler exists, this hook is the one place to change.
 */
import { useEffect, useState } from 'react';
import { useBackend } from '../../lib/backend.tsx';

export interface KnownLocation {
  id: string;
  code: string;
}

const KEY = 'shoebox.locations';

function remembered(): KnownLocation[] {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(KEY) ?? '[]');
    return Array.isArray(parsed)
      ? parsed.filter((l): l is KnownLocation => typeof l?.id === 'string' && typeof l?.code === 'string')
      : [];
  } catch {
    return [];
  }
}

function remember(found: readonly KnownLocation[]): KnownLocation[] {
  const all = new Map(remembered().map((l) => [l.id, l]));
  for (const l of found) all.set(l.id, l);
  const list = [...all.values()].sort((a, b) => a.code.localeCompare(b.code));
  localStorage.setItem(KEY, JSON.stringify(list));
  return list;
}

/** Known locations, refreshed from the style's movement history when the server answers. */
export function useLocations(productId: string | null): KnownLocation[] {
  const backend = useBackend();
  const [list, setList] = useState<KnownLocation[]>(remembered);
  useEffect(() => {
    if (!productId) return;
    let live = true;
    backend.invoke('inventory.movements', { productId, pageSize: 200 }).then(
      (page) => {
        if (!live) return;
        setList(remember(page.items.map((m) => ({ id: m.locationId, code: m.locationCode }))));
      },
      () => {}, // offline: what this device remembers is what it has
    );
    return () => {
      live = false;
    };
  }, [backend, productId]);
  return list;
}
