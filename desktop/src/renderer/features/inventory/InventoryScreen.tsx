/**
 * Inventory: pick a style (search or scan), see its stock as a size x colour grid per location,
 * and act on it: count (scanner), receive, adjust, move, with the movement history below.
 * The style and location live in the address (`?style=…&loc=…`), so a view is a link.
 */
import {
  Alert,
  Box,
  Button,
  Chip,
  Snackbar,
  Stack,
  ToggleButton,
  ToggleButtonGroup,
  Typography,
} from '@mui/material';
import type { Permission } from '@shoebox/shared';
import { useState } from 'react';
import { navigate, useSearchParam } from '../../app/router.tsx';
import { useScreenKeys } from '../../app/screen-keys.ts';
import { ErrorState, LoadingSkeleton, Page } from '../../components/ScreenState.tsx';
import { size } from '../../lib/format.ts';
import { useSession } from '../../lib/session.tsx';
import { useInvoke } from '../../lib/use-invoke.ts';
import { MovementHistory } from './MovementHistory.tsx';
import { AdjustDialog, type DoneMessage, TransferDialog, type VariantChoice } from './stock-dialogs.tsx';
import { StockGrid } from './StockGrid.tsx';
import { StylePicker } from './StylePicker.tsx';
import { useLocations } from './use-locations.ts';

export const inventoryShortcuts = [
  { keys: 'c', what: 'Count this style with the scanner' },
  { keys: 'r', what: 'Receive a delivery' },
  { keys: 'a', what: 'Adjust the selected shoe' },
  { keys: 't', what: 'Move stock between locations' },
  { keys: 'Esc', what: 'Back to the list of styles' },
];

export function InventoryScreen() {
  const [style, setStyle] = useSearchParam('style');
  return (
    <Page title="Inventory">
      {style ? (
        <StyleStock productId={style} onBack={() => setStyle(null)} />
      ) : (
        <StylePicker onPick={(id) => setStyle(id)} />
      )}
    </Page>
  );
}

function StyleStock({ productId, onBack }: { productId: string; onBack(): void }) {
  const { session } = useSession();
  const may = (p: Permission) => Boolean(session?.permissions.includes(p));
  const [loc, setLoc] = useSearchParam('loc');
  const locations = useLocations(productId);
  const grid = useInvoke('inventory.grid', { productId, ...(loc ? { locationId: loc } : {}) });
  const [selected, setSelected] = useState<string | null>(null);
  const [dialog, setDialog] = useState<'adjust' | 'transfer' | null>(null);
  const [done, setDone] = useState<DoneMessage | null>(null);
  const [version, setVersion] = useState(0);

  const afterWrite = (message: DoneMessage) => {
    setDialog(null);
    setDone(message);
    setVersion((v) => v + 1);
    grid.reload();
  };
  const countPath = `/inventory/count?style=${productId}${loc ? `&loc=${loc}` : ''}`;
  useScreenKeys({
    c: may('inventory:count') ? () => navigate(countPath) : undefined,
    r: may('inventory:receive') ? () => navigate(`/inventory/receive${loc ? `?loc=${loc}` : ''}`) : undefined,
    a: may('inventory:adjust') ? () => setDialog('adjust') : undefined,
    t: may('inventory:adjust') ? () => setDialog('transfer') : undefined,
    escape: onBack,
  });

  if (grid.status === 'loading') return <LoadingSkeleton rows={5} label="Loading stock" />;
  if (grid.status === 'error') return <ErrorState error={grid.error} onRetry={grid.reload} />;
  const g = grid.data;
  const colourName = new Map(g.colours.map((c) => [c.id, c.name]));
  const choices: VariantChoice[] = g.cells.map((c) => ({
    variantId: c.variantId,
    sku: c.sku,
    label: `${colourName.get(c.colourId) ?? ''} ${size(c.sizeEu)}`,
  }));
  const totals = g.cells.reduce(
    (t, c) => ({ onHand: t.onHand + c.onHand, low: t.low + (c.lowStock ? 1 : 0) }),
    {
      onHand: 0,
      low: 0,
    },
  );

  return (
    <Stack spacing={2}>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center', flexWrap: 'wrap', rowGap: 1 }}>
        <Button onClick={onBack}>← All styles</Button>
        <Typography variant="h2" component="h2">
          {g.productName}
        </Typography>
        <Typography sx={{ fontFamily: 'ui-monospace, monospace' }} color="text.secondary">
          {g.styleCode}
        </Typography>
        {g.status !== 'active' && <Chip size="small" variant="outlined" label={g.status} />}
        <Typography variant="body2" color="text.secondary" data-testid="style-totals">
          {totals.onHand} pairs on hand · {totals.low} low
        </Typography>
        <Box sx={{ flex: 1 }} />
        <ToggleButtonGroup
          size="small"
          exclusive
          value={loc ?? ''}
          onChange={(_, v: string | null) => v !== null && setLoc(v || null)}
          aria-label="Location"
        >
          <ToggleButton value="">All locations</ToggleButton>
          {locations.map((l) => (
            <ToggleButton key={l.id} value={l.id}>
              {l.code}
            </ToggleButton>
          ))}
        </ToggleButtonGroup>
      </Stack>
      <Stack direction="row" spacing={1}>
        {may('inventory:count') && (
          <Button variant="contained" onClick={() => navigate(countPath)}>
            Count <Kbd>c</Kbd>
          </Button>
        )}
        {may('inventory:receive') && (
          <Button
            variant="outlined"
            onClick={() => navigate(`/inventory/receive${loc ? `?loc=${loc}` : ''}`)}
          >
            Receive <Kbd>r</Kbd>
          </Button>
        )}
        {may('inventory:adjust') && (
          <>
            <Button variant="outlined" onClick={() => setDialog('adjust')}>
              Adjust <Kbd>a</Kbd>
            </Button>
            <Button variant="outlined" onClick={() => setDialog('transfer')} disabled={locations.length < 2}>
              Move <Kbd>t</Kbd>
            </Button>
          </>
        )}
      </Stack>
      <StockGrid
        label={`Stock of ${g.productName}`}
        sizes={g.sizes}
        colours={g.colours}
        cells={g.cells}
        selectedVariantId={selected}
        onCellClick={(c) => setSelected(c.variantId)}
        tone={(c) => (c.onHand === 0 ? 'bad' : c.lowStock ? 'warn' : undefined)}
        renderCell={(c) => (
          <Stack spacing={0} sx={{ alignItems: 'center' }}>
            <Typography sx={{ fontSize: 18, fontWeight: 600, lineHeight: 1.2 }}>{c.onHand}</Typography>
            <Typography variant="caption" color="text.secondary" sx={{ lineHeight: 1.2 }}>
              {c.onHand === 0 ? 'out' : c.lowStock ? `low · ${c.available} free` : `${c.available} free`}
            </Typography>
          </Stack>
        )}
      />
      <MovementHistory productId={productId} locationId={loc} version={version} />
      {dialog === 'adjust' && (
        <AdjustDialog
          open
          onClose={() => setDialog(null)}
          onDone={afterWrite}
          variants={choices}
          locations={locations}
          variantId={selected}
          locationId={loc}
        />
      )}
      {dialog === 'transfer' && (
        <TransferDialog
          open
          onClose={() => setDialog(null)}
          onDone={afterWrite}
          variants={choices}
          locations={locations}
          variantId={selected}
          locationId={loc}
        />
      )}
      <Snackbar open={Boolean(done)} autoHideDuration={8000} onClose={() => setDone(null)}>
        <Alert
          severity="success"
          variant="filled"
          onClose={() => setDone(null)}
          action={
            done?.undo ? (
              <Button
                color="inherit"
                onClick={() => {
                  const undo = done.undo;
                  setDone(null);
                  void undo?.().then(() => afterWrite({ text: 'Undone.' }));
                }}
              >
                Undo
              </Button>
            ) : undefined
          }
        >
          {done?.text}
        </Alert>
      </Snackbar>
    </Stack>
  );
}

export function Kbd({ children }: { children: string }) {
  return (
    <Box
      component="kbd"
      sx={{ ml: 1, px: 0.5, fontSize: 11, border: '1px solid currentColor', borderRadius: 0.5, opacity: 0.7 }}
    >
      {children}
    </Box>
  );
}
