/** `?`: every shortcut there is, built from the same tables that drive the keys. */
import { Dialog, DialogContent, DialogTitle, Table, TableBody, TableCell, TableRow } from '@mui/material';
import type { ScreenRoute } from './routes.tsx';

export const globalShortcuts: ReadonlyArray<{ keys: string; what: string }> = [
  { keys: '/', what: 'Search' },
  { keys: '?', what: 'Show this list' },
  { keys: 'Esc', what: 'Close a dialog or leave the search' },
];

export function CheatSheet(props: {
  open: boolean;
  onClose(): void;
  screens: readonly ScreenRoute[];
  current?: ScreenRoute | undefined;
}) {
  const rows = [
    ...(props.current?.shortcuts ?? []).map((s) => ({ ...s, what: `${s.what} (${props.current?.title})` })),
    ...globalShortcuts,
    ...props.screens
      .filter((s) => s.goKey)
      .map((s) => ({ keys: `g then ${s.goKey}`, what: `Open ${s.title}` })),
  ];
  return (
    <Dialog
      open={props.open}
      onClose={props.onClose}
      aria-labelledby="cheat-sheet-title"
      maxWidth="sm"
      fullWidth
    >
      <DialogTitle id="cheat-sheet-title">Keyboard shortcuts</DialogTitle>
      <DialogContent>
        <Table aria-label="Keyboard shortcuts">
          <TableBody>
            {rows.map((r) => (
              <TableRow key={r.keys}>
                <TableCell sx={{ width: 120 }}>
                  <kbd>{r.keys}</kbd>
                </TableCell>
                <TableCell>{r.what}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </DialogContent>
    </Dialog>
  );
}
