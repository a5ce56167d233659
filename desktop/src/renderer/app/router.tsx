/**
 * A small router over the History API: screens are a table (routes.tsx) that also drives the
 * navigation, the `g` shortcuts and the permission checks, so one list says what exists.
 * Filters live in the query string (`useSearchParam`), so a filtered view is a link.
 */
import { type MouseEvent, type ReactNode, useCallback, useSyncExternalStore } from 'react';

const listeners = new Set<() => void>();
const notify = () => {
  for (const listener of listeners) listener();
};

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  window.addEventListener('popstate', listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('popstate', listener);
  };
}

export function navigate(to: string, options: { replace?: boolean } = {}): void {
  if (to === window.location.pathname + window.location.search) return;
  window.history[options.replace ? 'replaceState' : 'pushState'](null, '', to);
  notify();
}

const snapshot = () => window.location.pathname + window.location.search;

export function useLocation(): { pathname: string; search: URLSearchParams } {
  const href = useSyncExternalStore(subscribe, snapshot);
  const url = new URL(href, 'http://local');
  return { pathname: url.pathname, search: url.searchParams };
}

/** One query-string value, and a setter that replaces it (no history entry per keystroke). */
export function useSearchParam(name: string): [string | null, (value: string | null) => void] {
  const { pathname, search } = useLocation();
  const value = search.get(name);
  const set = useCallback(
    (next: string | null) => {
      const params = new URLSearchParams(window.location.search);
      if (next === null || next === '') params.delete(name);
      else params.set(name, next);
      const query = params.toString();
      navigate(`${pathname}${query ? `?${query}` : ''}`, { replace: true });
    },
    [name, pathname],
  );
  return [value, set];
}

/** A real link (middle click, copy address) that navigates in place on a plain click. */
export function Link({ to, children, ...rest }: { to: string; children: ReactNode; className?: string }) {
  const onClick = (e: MouseEvent<HTMLAnchorElement>) => {
    if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    navigate(to);
  };
  return (
    <a href={to} onClick={onClick} {...rest}>
      {children}
    </a>
  );
}
