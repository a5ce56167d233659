/**
 * Sign-in. Online the first time; when the shop server cannot be reached the same form signs in
 * with the password this device saw last (the screen says so before anyone types). When the
 * account has two-factor sign-in, the API answers MFA_REQUIRED and the form asks for the code.
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
  const [code, setCode] = useState('');
  const [codeNeeded, setCodeNeeded] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<DomainError | null>(null);
  const fieldErrors = new Map((error?.errors ?? []).map((e) => [e.path, e.message]));

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await signIn(email, password, codeNeeded ? code : undefined);
    } catch (caught) {
      const refused = caught as DomainError;
      // Not a failure: the password was right and the second step begins.
      if (refused.code === 'MFA_REQUIRED') setCodeNeeded(true);
      else setError(refused);
      setBusy(false);
    }
  }

  function startOver() {
    setCodeNeeded(false);
    setCode('');
    setPassword('');
    setError(null);
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
          {codeNeeded ? (
            <CodeStep email={email} code={code} onCode={setCode} invalid={fieldErrors.has('code')} />
          ) : (
            <>
              <TextField
                label="Email"
                type="email"
                autoComplete="username"
                autoFocus
                required
                value={email}
                onChange={(e) => setEmail(e.target.value)}
                error={fieldErrors.has('email')}
                helperText={
                  fieldErrors.has('email') ? 'Type the email you sign in with, like ana@shop.ie.' : ' '
                }
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
            </>
          )}
          {error && error.code !== 'IPC_ARGS_INVALID' && <ErrorState error={error} />}
          <Button type="submit" variant="contained" size="large" disabled={busy}>
            {busy ? 'Signing in…' : codeNeeded ? 'Confirm code' : 'Sign in'}
          </Button>
          {codeNeeded && (
            <Button onClick={startOver} disabled={busy}>
              Use another account
            </Button>
          )}
        </Stack>
      </Paper>
    </Box>
  );
}

function CodeStep(props: { email: string; code: string; onCode(code: string): void; invalid: boolean }) {
  return (
    <>
      <Alert severity="info" data-testid="two-factor-step">
        Open the authenticator app on your phone and type the 6-digit code it shows for Shoebox ({props.email}
        ). Lost your phone? Type one of your recovery codes instead.
      </Alert>
      <TextField
        label="Code"
        autoComplete="one-time-code"
        autoFocus
        required
        slotProps={{ htmlInput: { inputMode: 'numeric', maxLength: 32 } }}
        value={props.code}
        onChange={(e) => props.onCode(e.target.value)}
        error={props.invalid}
        helperText={props.invalid ? 'Type the 6 digits from the app, or a recovery code.' : ' '}
      />
    </>
  );
}
