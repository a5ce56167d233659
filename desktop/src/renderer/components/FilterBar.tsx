/** The bar above a table: a quick filter and one picker per column filter, all kept in the URL. */
import { MenuItem, Stack, TextField } from '@mui/material';
import type { TableViewState } from './url-table-state.ts';

export interface FilterChoice {
  /** The column id the filter applies to. */
  id: string;
  label: string;
  options: ReadonlyArray<{ value: string; label: string }>;
}

export function FilterBar(props: {
  view: TableViewState;
  choices?: readonly FilterChoice[];
  quickLabel?: string;
}) {
  const { view } = props;
  const chosen = (id: string) => String(view.columnFilters.find((f) => f.id === id)?.value ?? '');
  return (
    <Stack direction="row" spacing={1.5} sx={{ alignItems: 'center' }} role="search">
      <TextField
        label={props.quickLabel ?? 'Filter'}
        value={view.quick}
        onChange={(e) => view.setQuick(e.target.value)}
        sx={{ width: 280 }}
      />
      {props.choices?.map((choice) => (
        <TextField
          key={choice.id}
          select
          label={choice.label}
          value={chosen(choice.id)}
          onChange={(e) => view.setFilter(choice.id, e.target.value || null)}
          sx={{ minWidth: 160 }}
        >
          <MenuItem value="">All</MenuItem>
          {choice.options.map((o) => (
            <MenuItem key={o.value} value={o.value}>
              {o.label}
            </MenuItem>
          ))}
        </TextField>
      ))}
    </Stack>
  );
}
