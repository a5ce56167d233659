/**
 * Needs attention: the changes the shop server refused. Each says what the change was, what
 * happened and what to do, in shop-floor words (the backend's `advice`), with the code in small
 * type. Retry queues it again (after the stock arrived, say); dismiss drops it, after asking; a
 * product edit in conflict is resolved field by field (ConflictChoice).
 */
import ReportProblemOutlined from '@mui/icons-material/ReportProblemOutlined';
import {
  Alert,
  Box,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  Paper,
  Stack,
  Typography,
} from '@mui/material';
import type { DomainError } from '@shoebox/shared';
import { useEffect, useState } from 'react';
import type { AttentionItem } from '../../../ipc/index.ts';
import { useScreenKeys } from '../../app/screen-keys.ts';
import { EmptyState, ErrorState, LoadingSkeleton, Page } from '../../components/ScreenState.tsx';
import { SyncIndicator, syncLabel } from '../../components/SyncIndicator.tsx';
import { useBackend } from '../../lib/backend.tsx';
import { when } from '../../lib/format.ts';
import { useSyncStatus } from '../../lib/sync-status.ts';
import { useInvoke } from '../../lib/use-invoke.ts';
import { ConflictChoice } from './ConflictChoice.tsx';

export const attentionShortcuts = [{ keys: 'y', what: 'Sync now' }];

export function NeedsAttentionScreen() {
  const backend = useBackend();
  const status = useSyncStatus();
  const items = useInvoke('sync.needsAttention', {});
  const [error, setError] = useState<DomainError | null>(null);
  const [dismissing, setDismissing] = useState<AttentionItem | null>(null);
  const [resolved, setResolved] = useState<string | null>(null);
  const count = status?.needsAttention;
  const { reload } = items;
  // The count in the top bar changes when sync brings news: read the list again.
  // biome-ignore lint/correctness/useExhaustiveDependencies: count is the trigger
  useEffect(() => reload(), [count, reload]);

  const act = async (call: () => Promise<unknown>) => {
    setError(null);
    try {
      await call();
      items.reload();
    } catch (e) {
      setError(e as DomainError);
    }
  };
  const syncNow = () => void act(() => backend.invoke('sync.now'));
  useScreenKeys({ y: syncNow });

  return (
    <Page
      title="Needs attention"
      actions={
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
          <SyncIndicator status={status} testId="attention-sync-state" />
          <Button variant="outlined" onClick={syncNow}>
            Sync now (y)
          </Button>
        </Stack>
      }
    >
      <Typography color="text.secondary">
        {syncLabel(status)}. Changes made on this device that the shop server refused wait here until someone
        decides what to do with them.
      </Typography>
      {error && <ErrorState error={error} />}
      {resolved && (
        <Alert severity="success" onClose={() => setResolved(null)}>
          {resolved}
        </Alert>
      )}
      {items.status === 'loading' && <LoadingSkeleton rows={4} label="Loading refused changes" />}
      {items.status === 'error' && <ErrorState error={items.error} onRetry={items.reload} />}
      {items.status === 'ready' && items.data.length === 0 && (
        <EmptyState
          title="Nothing needs attention"
          description="Every change made on this device was accepted by the shop server, or is still waiting to be sent."
        />
      )}
      {items.status === 'ready' &&
        items.data.map((item) => (
          <Paper key={item.mutationId} sx={{ p: 2 }} data-testid="attention-item">
            <Stack direction="row" spacing={2} sx={{ alignItems: 'flex-start' }}>
              <ReportProblemOutlined color="warning" aria-hidden sx={{ mt: 0.25 }} />
              <Box sx={{ flex: 1, minWidth: 0 }}>
                <Typography sx={{ fontWeight: 600 }}>{item.summary}</Typography>
                <Typography variant="body2" sx={{ mt: 0.5 }}>
                  <strong>What happened:</strong> {item.message}
                </Typography>
                <Typography variant="body2">
                  <strong>What to do:</strong> {item.advice}
                </Typography>
                {item.conflicts && item.conflicts.length > 0 && item.actions.includes('resolve-conflict') && (
                  <ConflictChoice
                    item={item}
                    onResolve={(keep) =>
                      void act(async () => {
                        await backend.invoke('products.resolveConflict', {
                          mutationId: item.mutationId,
                          keep,
                        });
                        setResolved(
                          `Your choices for “${item.summary}” are saved and on their way to the shop server.`,
                        );
                      })
                    }
                  />
                )}
                <Typography variant="caption" color="text.secondary" component="p" sx={{ mt: 0.5 }}>
                  Made {when(item.madeAt)} · refused {when(item.rejectedAt)} · Code: {item.code}
                </Typography>
              </Box>
              <Stack direction="row" spacing={1}>
                {item.actions.includes('retry') && (
                  <Button
                    variant="contained"
                    onClick={() =>
                      void act(() => backend.invoke('sync.retry', { mutationId: item.mutationId }))
                    }
                  >
                    Try again
                  </Button>
                )}
                {item.actions.includes('dismiss') && (
                  <Button variant="outlined" onClick={() => setDismissing(item)}>
                    Dismiss
                  </Button>
                )}
              </Stack>
            </Stack>
          </Paper>
        ))}
      <Dialog open={Boolean(dismissing)} onClose={() => setDismissing(null)} aria-labelledby="dismiss-title">
        <DialogTitle id="dismiss-title">Dismiss “{dismissing?.summary}”?</DialogTitle>
        <DialogContent>
          <DialogContentText>
            The change stays refused and is not sent again. The shop server keeps what it has.
          </DialogContentText>
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setDismissing(null)}>Keep it</Button>
          <Button
            variant="contained"
            color="error"
            onClick={() => {
              const item = dismissing;
              setDismissing(null);
              if (item) void act(() => backend.invoke('sync.dismiss', { mutationId: item.mutationId }));
            }}
          >
            Dismiss
          </Button>
        </DialogActions>
      </Dialog>
    </Page>
  );
}
