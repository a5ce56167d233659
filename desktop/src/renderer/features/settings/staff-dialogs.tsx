/** Adding a person, and one person's page: role, account on or off, two-factor reset, sign-ins. */
import {
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  MenuItem,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import { type DomainError, type Role, roles } from '@shoebox/shared';
import { useState } from 'react';
import type { StaffRow } from '../../../ipc/index.ts';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { ErrorState } from '../../components/ScreenState.tsx';
import { useBackend } from '../../lib/backend.tsx';
import { when } from '../../lib/format.ts';
import { roleName } from '../../lib/roles.ts';
import { useInvoke } from '../../lib/use-invoke.ts';
import { Loaded } from './online-only.tsx';
import { lastSignInWords } from './StaffScreen.tsx';

function RoleField(props: { value: Role; onChange(role: Role): void }) {
  return (
    <TextField
      select
      label="Role"
      value={props.value}
      onChange={(e) => props.onChange(e.target.value as Role)}
    >
      {roles.map((r) => (
        <MenuItem key={r} value={r}>
          {roleName(r)}
        </MenuItem>
      ))}
    </TextField>
  );
}

export function AddStaffDialog(props: { open: boolean; onClose(): void; onDone(): void }) {
  const backend = useBackend();
  const [form, setForm] = useState({ name: '', email: '', role: 'warehouse' as Role, password: '' });
  const set = (change: Partial<typeof form>) => setForm((f) => ({ ...f, ...change }));
  return (
    <ConfirmDialog
      open={props.open}
      title="Add a staff member"
      confirmLabel="Add"
      disabled={!form.name.trim() || !form.email.trim() || form.password.length < 10}
      onClose={props.onClose}
      run={async () => {
        await backend.invoke('staff.create', { ...form, name: form.name.trim(), email: form.email.trim() });
        setForm({ name: '', email: '', role: 'warehouse', password: '' });
        props.onDone();
      }}
    >
      <TextField label="Name" value={form.name} onChange={(e) => set({ name: e.target.value })} autoFocus />
      <TextField
        label="Email"
        type="email"
        value={form.email}
        onChange={(e) => set({ email: e.target.value })}
      />
      <RoleField value={form.role} onChange={(role) => set({ role })} />
      <TextField
        label="First password"
        type="password"
        value={form.password}
        onChange={(e) => set({ password: e.target.value })}
        helperText="At least 10 characters. Give it to them in person; they can change it after signing in."
      />
    </ConfirmDialog>
  );
}

export function PersonDialog(props: { person: StaffRow; onClose(): void; onChanged(): void }) {
  const { person } = props;
  const backend = useBackend();
  const [role, setRole] = useState(person.role as Role);
  const [confirm, setConfirm] = useState<'active' | 'two-factor' | null>(null);
  const [error, setError] = useState<DomainError | null>(null);
  const saveRole = async () => {
    setError(null);
    try {
      await backend.invoke('staff.update', { id: person.id, role });
      props.onChanged();
    } catch (e) {
      setError(e as DomainError);
    }
  };
  return (
    <Dialog open onClose={props.onClose} maxWidth="md" fullWidth aria-labelledby="person-title">
      <DialogTitle id="person-title">
        {person.name} · {person.email}
      </DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ pt: 0.5 }}>
          <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
            <RoleField value={role} onChange={setRole} />
            <Button variant="outlined" disabled={role === person.role} onClick={() => void saveRole()}>
              Change role
            </Button>
            <Typography variant="body2" color="text.secondary" sx={{ flex: 1 }}>
              Last sign-in: {lastSignInWords(person)}
            </Typography>
          </Stack>
          {error && <ErrorState error={error} />}
          <Stack direction="row" spacing={1}>
            <Button
              variant="outlined"
              color={person.active ? 'error' : 'primary'}
              onClick={() => setConfirm('active')}
            >
              {person.active ? 'Switch account off…' : 'Switch account on…'}
            </Button>
            <Button variant="outlined" onClick={() => setConfirm('two-factor')}>
              Reset two-factor…
            </Button>
          </Stack>
          <SignInHistory staffId={person.id} />
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={props.onClose}>Close</Button>
      </DialogActions>
      <ConfirmDialog
        open={confirm === 'active'}
        title={
          person.active ? `Switch off ${person.name}'s account?` : `Switch ${person.name}'s account back on?`
        }
        confirmLabel={person.active ? 'Switch off' : 'Switch on'}
        danger={person.active}
        onClose={() => setConfirm(null)}
        run={async () => {
          await backend.invoke('staff.update', { id: person.id, active: !person.active });
          props.onChanged();
        }}
      >
        <Typography variant="body2">
          {person.active
            ? 'They are signed out everywhere at once and cannot sign in until an owner switches the account on again. Nothing they did is lost.'
            : 'They can sign in again with their password.'}
        </Typography>
      </ConfirmDialog>
      <ConfirmDialog
        open={confirm === 'two-factor'}
        title={`Reset two-factor for ${person.name}?`}
        confirmLabel="Reset two-factor"
        danger
        onClose={() => setConfirm(null)}
        run={async () => {
          await backend.invoke('staff.resetTwoFactor', { id: person.id });
          props.onChanged();
        }}
      >
        <Typography variant="body2">
          For a lost phone: their authenticator and recovery codes stop working, and they sign in with the
          password alone until they set two-factor up again.
        </Typography>
      </ConfirmDialog>
    </Dialog>
  );
}

const stepWords = {
  password: 'Password',
  code: 'Authenticator code',
  recovery_code: 'Recovery code',
} as const;
const reasonWords: Record<string, string> = {
  wrong_password: 'wrong password',
  disabled: 'account switched off',
  wrong_code: 'wrong code',
  code_reused: 'code used twice',
  recovery_code_used: 'recovery code already used',
  enrolment_required: 'two-factor not set up yet',
};

function SignInHistory({ staffId }: { staffId: string }) {
  const history = useInvoke('staff.signIns', { id: staffId, pageSize: 20 });
  return (
    <Stack spacing={1}>
      <Typography variant="h3" component="h2">
        Sign-in history
      </Typography>
      <Loaded state={history} label="Loading the sign-ins" rows={4}>
        {(page) =>
          page.items.length === 0 ? (
            <Typography variant="body2" color="text.secondary">
              No sign-ins yet.
            </Typography>
          ) : (
            <Table size="small" aria-label="Sign-in history">
              <TableHead>
                <TableRow>
                  {['When', 'Step', 'Result', 'From'].map((h) => (
                    <TableCell key={h} sx={{ fontWeight: 600 }}>
                      {h}
                    </TableCell>
                  ))}
                </TableRow>
              </TableHead>
              <TableBody>
                {page.items.map((s) => (
                  <TableRow key={s.id}>
                    <TableCell>{when(s.at)}</TableCell>
                    <TableCell>{stepWords[s.step]}</TableCell>
                    <TableCell>
                      {s.succeeded ? 'Let in' : `Refused: ${reasonWords[s.reason ?? ''] ?? s.reason}`}
                    </TableCell>
                    <TableCell
                      sx={{
                        maxWidth: 320,
                        overflow: 'hidden',
                        textOverflow: 'ellipsis',
                        whiteSpace: 'nowrap',
                      }}
                    >
                      {s.ip} · {s.userAgent}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )
        }
      </Loaded>
    </Stack>
  );
}
