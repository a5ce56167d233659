/**
 * The four states every screen designs: loading (skeletons shaped like what is coming), empty
 * (what this is, and the first action), error (in the user's words, the code in small type, what
 * to do next) and offline (what still works).
 */
import CloudOffOutlined from '@mui/icons-material/CloudOffOutlined';
import ErrorOutline from '@mui/icons-material/ErrorOutlineOutlined';
import { Alert, AlertTitle, Box, Button, Paper, Skeleton, Stack, Typography } from '@mui/material';
import type { DomainError } from '@shoebox/shared';
import type { ReactNode } from 'react';
import { errorWords } from '../lib/words.ts';

/** Grey bars in the shape of the content: `rows` lines of a table or list. */
export function LoadingSkeleton({ rows = 6, label = 'Loading' }: { rows?: number; label?: string }) {
  return (
    <Box role="status" aria-live="polite" aria-label={label} sx={{ p: 2 }}>
      <Skeleton variant="text" width="30%" height={28} />
      {Array.from({ length: rows }, (_, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: placeholders have no identity
        <Skeleton key={i} variant="rectangular" height={28} sx={{ my: 0.75, borderRadius: 1 }} />
      ))}
    </Box>
  );
}

export function EmptyState(props: {
  title: string;
  description: string;
  action?: ReactNode;
  icon?: ReactNode;
}) {
  return (
    <Paper sx={{ p: 4, textAlign: 'center' }}>
      {props.icon}
      <Typography variant="h3" component="p" sx={{ mb: 1 }}>
        {props.title}
      </Typography>
      <Typography color="text.secondary" sx={{ mb: props.action ? 2 : 0 }}>
        {props.description}
      </Typography>
      {props.action}
    </Paper>
  );
}

export function ErrorState({
  error,
  onRetry,
}: {
  error: Pick<DomainError, 'code' | 'message'>;
  onRetry?: () => void;
}) {
  const words = errorWords(error);
  return (
    <Alert
      severity="error"
      icon={<ErrorOutline />}
      action={
        onRetry ? (
          <Button color="inherit" onClick={onRetry}>
            Try again
          </Button>
        ) : undefined
      }
    >
      <AlertTitle>{words.title}</AlertTitle>
      {words.next && <Typography variant="body2">{words.next}</Typography>}
      <Typography variant="caption" component="p" sx={{ mt: 0.5, opacity: 0.8 }} data-testid="error-code">
        Code: {words.code}
      </Typography>
    </Alert>
  );
}

export function OfflineNotice({ stillWorks }: { stillWorks: string }) {
  return (
    <Alert severity="warning" icon={<CloudOffOutlined />} variant="outlined">
      <AlertTitle>Offline</AlertTitle>
      {stillWorks}
    </Alert>
  );
}

export function Page({
  title,
  actions,
  children,
}: {
  title: string;
  actions?: ReactNode;
  children: ReactNode;
}) {
  return (
    <Stack spacing={2} sx={{ p: 3, maxWidth: 1200 }}>
      <Stack direction="row" sx={{ alignItems: 'center', justifyContent: 'space-between' }}>
        <Typography variant="h1">{title}</Typography>
        {actions}
      </Stack>
      {children}
    </Stack>
  );
}
