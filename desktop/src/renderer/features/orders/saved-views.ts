/**
 * Saved views of the orders queue: a name and the query string it stands for. The built-in ones
 * are the day's work; the ones people save are kept on this device (localStorage), since a view
 * is a habit of whoever sits at it, not shop data.
 */
export interface SavedView {
  name: string;
  /** The query string, without `?` (`f.status=paid&sort=createdAt`). */
  query: string;
  builtIn?: boolean;
}

export const builtInViews: readonly SavedView[] = [
  { name: 'All orders', query: '', builtIn: true },
  { name: 'To pick', query: 'f.status=paid&sort=createdAt', builtIn: true },
  { name: 'Picking', query: 'f.status=picking&sort=createdAt', builtIn: true },
  { name: 'To ship', query: 'f.status=packed&sort=createdAt', builtIn: true },
  { name: 'Flagged', query: 'f.flagged=yes', builtIn: true },
];

const KEY = 'shoebox.orders.views';

export function loadViews(): SavedView[] {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(KEY) ?? '[]');
    if (!Array.isArray(parsed)) return [];
    return parsed.filter((v): v is SavedView => typeof v?.name === 'string' && typeof v?.query === 'string');
  } catch {
    return [];
  }
}

export function saveViews(views: readonly SavedView[]): void {
  localStorage.setItem(KEY, JSON.stringify(views.filter((v) => !v.builtIn)));
}

/** Two queries are the same view when they hold the same parameters, in any order. */
export function sameQuery(a: string, b: string): boolean {
  const norm = (q: string) =>
    [...new URLSearchParams(q)]
      .map(([k, v]) => `${k}=${v}`)
      .sort()
      .join('&');
  return norm(a) === norm(b);
}
