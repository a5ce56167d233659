/**
 * A table's view kept in the address: quick filter `q`, sort `sort`, column filters `f.<id>`.
 * A filtered, sorted view is therefore a link, survives a reload, and Back undoes nothing odd
 * (each change replaces the entry instead of stacking one per keystroke).
 */
import type { ColumnFiltersState, SortingState, Updater } from '@tanstack/react-table';
import { useCallback, useMemo } from 'react';
import { navigate, useLocation } from '../app/router.tsx';
import { formatSort, parseFilters, parseSort } from './table-features.ts';

export interface TableViewState {
  quick: string;
  sorting: SortingState;
  columnFilters: ColumnFiltersState;
  setQuick(text: string): void;
  setSorting(updater: Updater<SortingState>): void;
  setFilter(columnId: string, value: string | null): void;
}

const apply = <T>(updater: Updater<T>, current: T): T =>
  typeof updater === 'function' ? (updater as (old: T) => T)(current) : updater;

export function useUrlTableState(): TableViewState {
  const { pathname, search } = useLocation();
  const key = search.toString();
  const quick = search.get('q') ?? '';
  const sorting = useMemo(() => parseSort(new URLSearchParams(key).get('sort')), [key]);
  const columnFilters = useMemo(() => parseFilters(new URLSearchParams(key)), [key]);

  const write = useCallback(
    (change: (params: URLSearchParams) => void) => {
      const params = new URLSearchParams(window.location.search);
      change(params);
      const query = params.toString();
      navigate(`${pathname}${query ? `?${query}` : ''}`, { replace: true });
    },
    [pathname],
  );
  const setParam = (params: URLSearchParams, name: string, value: string | null) => {
    if (value) params.set(name, value);
    else params.delete(name);
  };

  return {
    quick,
    sorting,
    columnFilters,
    setQuick: (text) => write((p) => setParam(p, 'q', text)),
    setSorting: (updater) => write((p) => setParam(p, 'sort', formatSort(apply(updater, sorting)))),
    setFilter: (columnId, value) => write((p) => setParam(p, `f.${columnId}`, value)),
  };
}
