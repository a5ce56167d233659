/**
 * My sign-in security (every staff member): two-factor with an authenticator app. Setting it up
 * shows a QR code (and the secret for typing in), takes one code to prove the phone has it, then
 * shows the recovery codes once. Only an owner can turn it off again (for a lost phone).
 */
import { Alert, Box, Button, Paper, Stack, TextField, Typography } from '@mui/material';
import type { DomainError } from '@shoebox/shared';
import type { z } from 'zod';
import type { twoFactorEnrolment } from '@shoebox/shared/contracts';
import { useState } from 'react';
import { ErrorState, Page } from '../../components/ScreenState.tsx';
import { useBackend } from '../../lib/backend.tsx';
import { useInvoke } from '../../lib/use-invoke.ts';
import { Loaded, OnlineOnly } from './online-only.tsx';

type Enrolment = z.output<typeof twoFactorEnrolment>;
const mono = { fontFamily: 'ui-monospace, monospace' } as const;

export function SecurityScreen() {
  return (
    <Page title="My sign-in security">
      <OnlineOnly what="Setting up two-factor sign-in">
        <TwoFactor />
      </OnlineOnly>
    </Page>
  );
}

function TwoFactor() {
  const status = useInvoke('me.twoFactor', {});
  const [codes, setCodes] = useState<string[] | null>(null);
  if (codes)
    return (
      <RecoveryCodes
        codes={codes}
        onDone={() => {
          setCodes(null);
          status.reload();
        }}
      />
    );
  return (
    <Loaded state={status} label="Loading your sign-in settings" rows={3}>
      {(s) => (
        <Paper sx={{ p: 3, maxWidth: 720 }}>
          <Typography variant="h3" component="h2" sx={{ mb: 1 }}>
            Two-factor sign-in: {s.enrolled ? 'on' : 'off'}
          </Typography>
          {s.enrolled ? (
            <Typography variant="body2">
              Signing in asks for a code from your authenticator app after the password. {s.recoveryCodesLeft}{' '}
              recovery {s.recoveryCodesLeft === 1 ? 'code is' : 'codes are'} left. If you lose your phone, use
              one, or ask an owner to reset two-factor for you.
            </Typography>
          ) : (
            <>
              {s.required && (
                <Alert severity="warning" sx={{ mb: 2 }}>
                  The shop requires two-factor for your role: set it up now.
                </Alert>
              )}
              <Enrol onConfirmed={setCodes} />
            </>
          )}
        </Paper>
      )}
    </Loaded>
  );
}

function Enrol({ onConfirmed }: { onConfirmed(codes: string[]): void }) {
  const backend = useBackend();
  const [enrolment, setEnrolment] = useState<Enrolment | null>(null);
  const [code, setCode] = useState('');
  const [error, setError] = useState<DomainError | null>(null);
  const run = async (call: () => Promise<void>) => {
    setError(null);
    try {
      await call();
    } catch (e) {
      setError(e as DomainError);
    }
  };
  const start = () => run(async () => setEnrolment(await backend.invoke('me.twoFactorStart')));
  const confirm = () =>
    run(async () => onConfirmed((await backend.invoke('me.twoFactorConfirm', { code })).recoveryCodes));

  if (!enrolment)
    return (
      <Stack spacing={2} sx={{ alignItems: 'flex-start' }}>
        <Typography variant="body2">
          A password alone can be guessed or stolen. With two-factor, signing in also needs a 6-digit code
          from an app on your phone (Google Authenticator, Microsoft Authenticator, 1Password and the like).
        </Typography>
        <Button variant="contained" onClick={() => void start()}>
          Set up two-factor
        </Button>
        {error && <ErrorState error={error} />}
      </Stack>
    );
  return (
    <Stack spacing={2}>
      <Typography variant="body2">
        1. In the authenticator app, add an account and scan this code. No camera? Type the secret instead.
      </Typography>
      <Stack direction="row" spacing={3} sx={{ alignItems: 'center' }}>
        <Box
          component="img"
          src={enrolment.qrCodeDataUrl}
          alt="QR code for your authenticator app"
          sx={{ width: 180, height: 180, bgcolor: 'white', p: 1, border: 1, borderColor: 'divider' }}
        />
        <Box>
          <Typography variant="caption" color="text.secondary">
            Secret
          </Typography>
          <Typography data-testid="two-factor-secret" sx={{ ...mono, fontSize: 18, letterSpacing: 1 }}>
            {enrolment.secret.match(/.{1,4}/g)?.join(' ')}
          </Typography>
        </Box>
      </Stack>
      <Typography variant="body2">2. Type the 6-digit code the app shows now.</Typography>
      <Stack
        direction="row"
        spacing={1}
        component="form"
        onSubmit={(e) => {
          e.preventDefault();
          void confirm();
        }}
      >
        <TextField
          label="Code from the app"
          value={code}
          onChange={(e) => setCode(e.target.value.replace(/\D/g, '').slice(0, 6))}
          slotProps={{
            htmlInput: { inputMode: 'numeric', autoComplete: 'one-time-code', style: mono },
            // Shrunk from the start: with autoFocus on mount the outline's gap is measured too early.
            inputLabel: { shrink: true },
          }}
          autoFocus
        />
        <Button type="submit" variant="contained" disabled={code.length !== 6}>
          Turn on two-factor
        </Button>
      </Stack>
      {error && <ErrorState error={error} />}
    </Stack>
  );
}

function RecoveryCodes({ codes, onDone }: { codes: string[]; onDone(): void }) {
  return (
    <Paper sx={{ p: 3, maxWidth: 720 }}>
      <Typography variant="h3" component="h2" sx={{ mb: 1 }}>
        Two-factor is on. Save your recovery codes
      </Typography>
      <Alert severity="warning" sx={{ mb: 2 }}>
        They are shown this once. Each lets you sign in one time without your phone: print them or keep them
        in a password manager, not on this computer's desktop.
      </Alert>
      <Box
        component="ol"
        aria-label="Recovery codes"
        sx={{ ...mono, fontSize: 16, display: 'grid', gridTemplateColumns: '1fr 1fr', gap: 1, pl: 4, mb: 2 }}
      >
        {codes.map((c) => (
          <li key={c}>{c}</li>
        ))}
      </Box>
      <Button variant="contained" onClick={onDone}>
        I have saved them
      </Button>
    </Paper>
  );
}
