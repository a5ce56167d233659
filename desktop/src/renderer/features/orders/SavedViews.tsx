/** The saved views of the orders queue: built-in ones for the day's work, and the user's own. */
import BookmarkAddOutlined from '@mui/icons-material/BookmarkAddOutlined';
import {
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  Stack,
  TextField,
  ToggleButton,
  ToggleButtonGroup,
} from '@mui/material';
import { forwardRef, useImperativeHandle, useState } from 'react';
import { navigate, useLocation } from '../../app/router.tsx';
import { builtInViews, loadViews, type SavedView, sameQuery, saveViews } from './saved-views.ts';

export const SavedViews = forwardRef<{ pick(index: number): void }, { current: string }>(function SavedViews(
  { current },
  ref,
) {
  const { pathname } = useLocation();
  const [mine, setMine] = useState<SavedView[]>(loadViews);
  const [naming, setNaming] = useState(false);
  const [name, setName] = useState('');
  const views = [...builtInViews, ...mine];
  const active = views.find((v) => sameQuery(v.query, current));
  const open = (v: SavedView) => navigate(`${pathname}${v.query ? `?${v.query}` : ''}`, { replace: true });
  useImperativeHandle(ref, () => ({ pick: (i) => views[i] && open(views[i]) }));

  const save = () => {
    const next = [...mine.filter((v) => v.name !== name.trim()), { name: name.trim(), query: current }];
    setMine(next);
    saveViews(next);
    setNaming(false);
    setName('');
  };

  return (
    <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
      <ToggleButtonGroup size="small" value={active?.name ?? null} exclusive aria-label="Saved views">
        {views.map((v, i) => (
          <ToggleButton
            key={v.name}
            value={v.name}
            onClick={() => open(v)}
            title={i < 9 ? `Key ${i + 1}` : undefined}
            sx={{ py: 0.25, px: 1.25 }}
          >
            {v.name}
          </ToggleButton>
        ))}
      </ToggleButtonGroup>
      {!active && (
        <Button startIcon={<BookmarkAddOutlined />} onClick={() => setNaming(true)}>
          Save view
        </Button>
      )}
      <Dialog open={naming} onClose={() => setNaming(false)} aria-labelledby="save-view-title">
        <DialogTitle id="save-view-title">Save this view</DialogTitle>
        <DialogContent>
          <TextField
            autoFocus
            label="Name"
            value={name}
            onChange={(e) => setName(e.target.value)}
            onKeyDown={(e) => e.key === 'Enter' && name.trim() && save()}
            sx={{ mt: 1, width: 320 }}
          />
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setNaming(false)}>Cancel</Button>
          <Button variant="contained" disabled={!name.trim()} onClick={save}>
            Save
          </Button>
        </DialogActions>
      </Dialog>
    </Stack>
  );
});
