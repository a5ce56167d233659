/**
 * Sign-in. Online the first time; when the shop server cannot be reached the same form signs in
 * with the password this device saw last (the screen says so before anyone types).
 */
import CloudOffOutlined from '@mui/icons-material/CloudOffOutlined';
import { Alert, Box, Button, Paper, Stack, TextField, Typography } from '@mui/material';
import type { DomainError } from '@shoebox/shared';
import { type FormEvent, useState } from 'react';
import { ErrorState } from '../../components/ScreenState.tsx';
import { SyncIndicator } from '../../components/SyncIndicator.tsx';
import { useSession } from '../../lib/session.tsx';
import { useSyncStatus } from '../../lib/sync-status.ts';

export function SignInScreen() {
  const { signIn } = useSession();
  const status = useSyncStatus();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<DomainError | null>(null);
  const fieldErrors = new Map((error?.errors ?? []).map((e) => [e.path, e.message]));

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await signIn(email, password);
    } catch (caught) {
      setError(caught as DomainError);
      setBusy(false);
    }
  }

  return (
    <Box sx={{ minHeight: '100vh', display: 'grid', placeItems: 'center', bgcolor: 'background.default' }}>
      <Paper
        component="form"
        onSubmit={submit}
        noValidate
        sx={{ p: 4, width: 400 }}
        aria-labelledby="sign-in-title"
      >
        <Stack spacing={2}>
          <Stack direction="row" sx={{ justifyContent: 'space-between', alignItems: 'center' }}>
            <Typography id="sign-in-title" variant="h1">
              Sign in
            </Typography>
            <SyncIndicator status={status} />
          </Stack>
          <Typography color="text.secondary">Shoebox back office, for the shop's staff.</Typography>
          {status?.state === 'offline' && (
            <Alert severity="warning" icon={<CloudOffOutlined />} data-testid="offline-sign-in">
              The shop server cannot be reached. You can still sign in on this device with the password you
              used here last time.
            </Alert>
          )}
          <TextField
            label="Email"
            type="email"
            autoComplete="username"
            autoFocus
            required
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            error={fieldErrors.has('email')}
            helperText={fieldErrors.has('email') ? 'Type the email you sign in with, like ana@shop.ie.' : ' '}
          />
          <TextField
            label="Password"
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            error={fieldErrors.has('password')}
            helperText={fieldErrors.has('password') ? 'Type your password.' : ' '}
          />
          {error && error.code !== 'IPC_ARGS_INVALID' && <ErrorState error={error} />}
          <Button type="submit" variant="contained" size="large" disabled={busy}>
            {busy ? 'Signing in…' : 'Sign in'}
          </Button>
        </Stack>
      </Paper>
    </Box>
  );
}
