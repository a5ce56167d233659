/**
 * The search box: suggestions (up to five products) as the shopper types, from the same listing
 * endpoint and `q` filter the results page uses; Enter or "See all" opens the results page.
 * An ARIA combobox: arrow keys move through the suggestions, Escape closes them.
 */
import type { StoreProductCard } from '@shoebox/shared/store';
import { type FormEvent, type KeyboardEvent, useEffect, useId, useState } from 'react';
import { api } from '../app/api.ts';
import { navigate, useLocation } from '../app/router.tsx';

const DEBOUNCE_MS = 150;

export function SearchBox() {
  const { pathname, search } = useLocation();
  const [text, setText] = useState(pathname === '/search' ? (search.get('q') ?? '') : '');
  const [suggestions, setSuggestions] = useState<StoreProductCard[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const listId = useId();

  useEffect(() => {
    const q = text.trim();
    if (q.length < 2 || !open) {
      setSuggestions([]);
      return;
    }
    const abort = new AbortController();
    const timer = setTimeout(() => {
      api.store.products
        .list({ q, pageSize: 5 })
        .then((page) => !abort.signal.aborted && setSuggestions(page.items))
        .catch(() => undefined);
    }, DEBOUNCE_MS);
    return () => {
      abort.abort();
      clearTimeout(timer);
    };
  }, [text, open]);

  const go = (href: string) => {
    setOpen(false);
    setActive(-1);
    navigate(href);
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const q = text.trim();
    const picked = suggestions[active];
    if (open && picked) go(`/p/${picked.slug}`);
    else if (q) go(`/search?q=${encodeURIComponent(q)}`);
  };
  const onKey = (e: KeyboardEvent) => {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      setOpen(true);
      setActive((i) => Math.min(i + 1, suggestions.length - 1));
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setActive((i) => Math.max(i - 1, -1));
    } else if (e.key === 'Escape') setOpen(false);
  };
  const showList = open && suggestions.length > 0;

  return (
    <search>
      <form className="search" onSubmit={submit}>
        <label htmlFor={`${listId}-q`} className="visually-hidden">
          Search shoes
        </label>
        <input
          id={`${listId}-q`}
          type="search"
          name="q"
          placeholder="Search boots, sandals, brands…"
          autoComplete="off"
          role="combobox"
          aria-expanded={showList}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={active >= 0 ? `${listId}-${active}` : undefined}
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            setOpen(true);
            setActive(-1);
          }}
          onKeyDown={onKey}
          onBlur={() => setTimeout(() => setOpen(false), 150)}
        />
        <button type="submit">Search</button>
        {showList && (
          <div id={listId} role="listbox" className="suggestions" aria-label="Suggestions">
            {suggestions.map((s, i) => (
              <div
                key={s.id}
                id={`${listId}-${i}`}
                role="option"
                tabIndex={-1}
                aria-selected={i === active}
                onMouseDown={(e) => {
                  e.preventDefault();
                  go(`/p/${s.slug}`);
                }}
              >
                <span>{s.name}</span> <small>{s.brand.name}</small>
              </div>
            ))}
            <div
              role="option"
              tabIndex={-1}
              aria-selected={false}
              className="see-all"
              onMouseDown={(e) => {
                e.preventDefault();
                go(`/search?q=${encodeURIComponent(text.trim())}`);
              }}
            >
              See all results for “{text.trim()}”
            </div>
          </div>
        )}
      </form>
    </search>
  );
}
