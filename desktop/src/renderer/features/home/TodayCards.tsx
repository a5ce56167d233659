/**
 * The dashboard's top: today's order work (to pick, pack, ship), stock that needs a buyer's eye
 * (low stock, broken size runs) and what is waiting in sync. All from this device's cache, so it
 * opens offline too. Each figure is a link to the list behind it.
 */
import { Box, Button, CardActionArea, Paper, Stack, Typography } from '@mui/material';
import { allows, useSession } from '../../lib/session.tsx';
import { Link, navigate } from '../../app/router.tsx';
import { ErrorState } from '../../components/ScreenState.tsx';
import { Skeleton } from '@mui/material';
import { size } from '../../lib/format.ts';
import { useInvoke } from '../../lib/use-invoke.ts';

/** The day's warehouse work, one click away, for the roles that do it. */
function WarehouseLinks() {
  const { session } = useSession();
  const links = [
    { to: '/pick', label: 'Pick a batch (g k)', access: 'orders:fulfil' },
    { to: '/pack', label: 'Pack station (g b)', access: 'orders:fulfil' },
    { to: '/shipments', label: 'Shipments (g d)', access: 'orders:fulfil' },
    { to: '/returns?f.status=requested', label: 'Returns to receive (g u)', access: 'returns:manage' },
  ] as const;
  const shown = links.filter((l) => allows(session, l.access));
  if (shown.length === 0) return null;
  return (
    <Stack direction="row" spacing={1} sx={{ mt: 1.5 }} aria-label="Warehouse work">
      {shown.map((l) => (
        <Button key={l.to} variant="outlined" size="small" onClick={() => navigate(l.to)}>
          {l.label}
        </Button>
      ))}
    </Stack>
  );
}

function Figure(props: { label: string; value: number; to: string; hint?: string; testId: string }) {
  return (
    <Paper>
      <CardActionArea onClick={() => navigate(props.to)} sx={{ p: 2 }}>
        <Typography variant="body2" color="text.secondary">
          {props.label}
        </Typography>
        <Typography sx={{ fontSize: 32, fontWeight: 600, lineHeight: 1.2 }} data-testid={props.testId}>
          {props.value}
        </Typography>
        {props.hint && (
          <Typography variant="caption" color="text.secondary">
            {props.hint}
          </Typography>
        )}
      </CardActionArea>
    </Paper>
  );
}

const grid = {
  display: 'grid',
  gridTemplateColumns: 'repeat(auto-fit, minmax(150px, 1fr))',
  gap: 2,
} as const;

export function TodayCards() {
  const summary = useInvoke('dashboard.summary', {});
  const levels = useInvoke('inventory.levels', { limit: 6 });
  if (summary.status === 'loading')
    return (
      <Box sx={grid} role="status" aria-label="Loading today's work">
        {Array.from({ length: 5 }, (_, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: placeholders have no identity
          <Skeleton key={i} variant="rounded" height={92} />
        ))}
      </Box>
    );
  if (summary.status === 'error') return <ErrorState error={summary.error} onRetry={summary.reload} />;
  const s = summary.data;
  return (
    <Stack
      spacing={2}
      sx={{
        '& li a': {
          color: 'primary.main',
          textDecoration: 'none',
          '&:hover': { textDecoration: 'underline' },
        },
      }}
    >
      <Box>
        <Typography variant="h2" sx={{ mb: 1 }}>
          Today's orders
        </Typography>
        <Box sx={grid}>
          <Figure
            label="To pick"
            value={s.toPick}
            to="/orders?f.status=paid&sort=createdAt"
            testId="to-pick"
          />
          <Figure
            label="Being picked"
            value={s.toPack}
            to="/orders?f.status=picking&sort=createdAt"
            testId="to-pack"
          />
          <Figure
            label="Packed, to ship"
            value={s.toShip}
            to="/orders?f.status=packed&sort=createdAt"
            testId="to-ship"
          />
          <Figure
            label="Shipped today"
            value={s.shippedToday}
            to="/orders?f.status=shipped"
            testId="shipped-today"
          />
          <Figure
            label="Flagged, not shipped"
            value={s.flagged}
            to="/orders?f.flagged=yes"
            hint="Check before packing"
            testId="flagged"
          />
        </Box>
        <WarehouseLinks />
      </Box>
      <Box sx={{ display: 'grid', gridTemplateColumns: '1fr 1fr', gap: 2 }}>
        <Paper sx={{ p: 2 }} aria-labelledby="low-stock-title">
          <Typography id="low-stock-title" variant="h3" component="h2" sx={{ mb: 1 }}>
            Low stock · {s.lowStock}
          </Typography>
          {levels.status === 'ready' && levels.data.lowStock.length === 0 && (
            <Typography variant="body2" color="text.secondary">
              Nothing is at or below its low-stock line.
            </Typography>
          )}
          {levels.status === 'ready' && (
            <Box component="ul" sx={{ m: 0, pl: 2 }} data-testid="low-stock-list">
              {levels.data.lowStock.map((l) => (
                <li key={l.variantId}>
                  <Link to={`/inventory?style=${l.productId}`}>
                    {l.productName} {l.colourName} {size(l.sizeEu)}
                  </Link>
                  <Typography component="span" variant="body2" color="text.secondary">
                    {' '}
                    · {l.available} free (line at {l.lowStockThreshold})
                  </Typography>
                </li>
              ))}
            </Box>
          )}
          {levels.status === 'error' && <ErrorState error={levels.error} onRetry={levels.reload} />}
        </Paper>
        <Paper sx={{ p: 2 }} aria-labelledby="broken-runs-title">
          <Typography id="broken-runs-title" variant="h3" component="h2" sx={{ mb: 1 }}>
            Broken size runs · {s.brokenSizeRuns}
          </Typography>
          {levels.status === 'ready' && levels.data.brokenSizeRuns.length === 0 && (
            <Typography variant="body2" color="text.secondary">
              Every style has its core sizes (EU 37 to 40) in stock.
            </Typography>
          )}
          {levels.status === 'ready' && (
            <Box component="ul" sx={{ m: 0, pl: 2 }}>
              {levels.data.brokenSizeRuns.map((r) => (
                <li key={`${r.productId}:${r.colourId}`}>
                  <Link to={`/inventory?style=${r.productId}`}>
                    {r.productName} {r.colourName}
                  </Link>
                  <Typography component="span" variant="body2" color="text.secondary">
                    {' '}
                    · missing {r.missingSizes.map((m) => size(m)).join(', ')}
                  </Typography>
                </li>
              ))}
            </Box>
          )}
        </Paper>
      </Box>
    </Stack>
  );
}
