/**
 * The top bar's search. Today it finds screens by name or keyword (Enter opens the first match);
 * the data screens add their own results (orders, products) as they arrive.
 */
import SearchIcon from '@mui/icons-material/Search';
import { Box, InputBase, List, ListItemButton, ListItemText, Paper, Popper } from '@mui/material';
import { forwardRef, useState } from 'react';
import { navigate } from './router.tsx';
import type { ScreenRoute } from './routes.tsx';

export function matchScreens(screens: readonly ScreenRoute[], query: string): ScreenRoute[] {
  const words = query.trim().toLowerCase().split(/\s+/).filter(Boolean);
  if (!words.length) return [];
  return screens.filter((s) => {
    const text = `${s.title} ${s.section} ${s.keywords ?? ''}`.toLowerCase();
    return words.every((w) => text.includes(w));
  });
}

export const SearchBox = forwardRef<HTMLInputElement, { screens: readonly ScreenRoute[] }>(function SearchBox(
  { screens },
  ref,
) {
  const [query, setQuery] = useState('');
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const matches = matchScreens(screens, query);
  const open = (to: ScreenRoute) => {
    setQuery('');
    navigate(to.path);
    (document.activeElement as HTMLElement | null)?.blur();
  };
  return (
    <Box ref={setAnchor} sx={{ position: 'relative', width: 360 }}>
      <Box
        sx={{
          display: 'flex',
          alignItems: 'center',
          gap: 1,
          px: 1.5,
          borderRadius: 1,
          bgcolor: 'rgba(255,255,255,0.12)',
          border: '1px solid rgba(255,255,255,0.25)',
        }}
      >
        <SearchIcon fontSize="small" />
        <InputBase
          inputRef={ref}
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && matches[0]) open(matches[0]);
            if (e.key === 'Escape') {
              setQuery('');
              (e.target as HTMLElement).blur();
            }
          }}
          placeholder="Search screens  ( / )"
          inputProps={{ 'aria-label': 'Search', role: 'searchbox' }}
          sx={{ color: 'inherit', flex: 1, fontSize: 14, py: 0.25 }}
        />
      </Box>
      <Popper open={matches.length > 0} anchorEl={anchor} placement="bottom-start" sx={{ zIndex: 1300 }}>
        <Paper sx={{ width: 360, mt: 0.5 }}>
          <List dense aria-label="Search results">
            {matches.map((s) => (
              <ListItemButton key={s.path} onMouseDown={(e) => e.preventDefault()} onClick={() => open(s)}>
                <ListItemText primary={s.title} secondary={s.section} />
              </ListItemButton>
            ))}
          </List>
        </Paper>
      </Popper>
    </Box>
  );
});
