/**
 * Stock locations and bins (owners add locations; anyone who adjusts stock adds bins): where
 * shoes live, down to the shelf. Choosing a location shows its bins.
 */
import {
  Box,
  Button,
  List,
  ListItemButton,
  ListItemText,
  Paper,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import type { DomainError } from '@shoebox/shared';
import { useState } from 'react';
import { useSearchParam } from '../../app/router.tsx';
import { EmptyState, ErrorState, Page } from '../../components/ScreenState.tsx';
import { useBackend } from '../../lib/backend.tsx';
import { allows, useSession } from '../../lib/session.tsx';
import { useInvoke } from '../../lib/use-invoke.ts';
import { Loaded, OnlineOnly } from './online-only.tsx';

export function LocationsScreen() {
  return (
    <Page title="Stock locations and bins">
      <OnlineOnly what="Managing stock locations">
        <Locations />
      </OnlineOnly>
    </Page>
  );
}

/** A code and an optional name, added with Enter or the button; errors show beside it. */
function AddForm(props: {
  label: string;
  withName?: boolean;
  add(code: string, name: string): Promise<void>;
}) {
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  const [error, setError] = useState<DomainError | null>(null);
  const ready = code.trim() !== '' && (!props.withName || name.trim() !== '');
  const submit = async () => {
    if (!ready) return;
    setError(null);
    try {
      await props.add(code.trim().toUpperCase(), name.trim());
      setCode('');
      setName('');
    } catch (e) {
      setError(e as DomainError);
    }
  };
  return (
    <Stack spacing={1}>
      <Stack
        direction={props.withName ? 'column' : 'row'}
        spacing={1}
        component="form"
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
        sx={{ alignItems: props.withName ? 'stretch' : 'flex-start' }}
      >
        <TextField
          label="Code"
          value={code}
          onChange={(e) => setCode(e.target.value.toUpperCase())}
          helperText="Letters, digits and dashes, like A-01"
          sx={props.withName ? {} : { width: 200 }}
        />
        {props.withName && <TextField label="Name" value={name} onChange={(e) => setName(e.target.value)} />}
        <Button
          type="submit"
          variant="outlined"
          disabled={!ready}
          sx={{ alignSelf: 'flex-start', mt: props.withName ? 0 : 1 }}
        >
          {props.label}
        </Button>
      </Stack>
      {error && <ErrorState error={error} />}
    </Stack>
  );
}

function Locations() {
  const backend = useBackend();
  const { session } = useSession();
  const locations = useInvoke('locations.list', {});
  const [chosen, setChosen] = useState<string | null>(null);
  const [param] = useSearchParam('loc');
  return (
    <Loaded state={locations} label="Loading stock locations">
      {(data) => {
        const current = data.items.find((l) => l.id === (chosen ?? param)) ?? data.items[0] ?? null;
        return (
          <Box sx={{ display: 'grid', gridTemplateColumns: 'minmax(260px, 1fr) 2fr', gap: 2 }}>
            <Paper sx={{ p: 2 }}>
              <Typography variant="h3" component="h2" sx={{ mb: 1 }}>
                Locations
              </Typography>
              {data.items.length === 0 ? (
                <Typography variant="body2" color="text.secondary">
                  No locations yet: add the stockroom first.
                </Typography>
              ) : (
                <List dense aria-label="Locations">
                  {data.items.map((l) => (
                    <ListItemButton
                      key={l.id}
                      selected={l.id === current?.id}
                      onClick={() => setChosen(l.id)}
                    >
                      <ListItemText primary={l.name} secondary={l.code} />
                    </ListItemButton>
                  ))}
                </List>
              )}
              {allows(session, 'settings:manage') && (
                <AddForm
                  label="Add location"
                  withName
                  add={async (code, name) => {
                    const made = await backend.invoke('locations.create', { code, name });
                    setChosen(made.id);
                    locations.reload();
                  }}
                />
              )}
            </Paper>
            {current ? (
              <Bins
                locationId={current.id}
                name={current.name}
                canAdd={allows(session, 'inventory:adjust')}
              />
            ) : (
              <EmptyState title="No location chosen" description="Add a location, then its bins." />
            )}
          </Box>
        );
      }}
    </Loaded>
  );
}

function Bins({ locationId, name, canAdd }: { locationId: string; name: string; canAdd: boolean }) {
  const backend = useBackend();
  const bins = useInvoke('locations.bins', { locationId });
  return (
    <Paper sx={{ p: 2 }}>
      <Typography variant="h3" component="h2" sx={{ mb: 1 }}>
        Bins in {name}
      </Typography>
      <Loaded state={bins} label="Loading bins" rows={3}>
        {(data) =>
          data.items.length === 0 ? (
            <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
              No bins yet. Bins are the shelves pickers walk to; the pick list is sorted by them.
            </Typography>
          ) : (
            <Box
              component="ul"
              aria-label={`Bins in ${name}`}
              sx={{ display: 'flex', flexWrap: 'wrap', gap: 1, p: 0, m: 0, mb: 2, listStyle: 'none' }}
            >
              {data.items.map((b) => (
                <Box
                  component="li"
                  key={b.id}
                  sx={{
                    px: 1.5,
                    py: 0.5,
                    border: 1,
                    borderColor: 'divider',
                    borderRadius: 1,
                    fontFamily: 'ui-monospace, monospace',
                  }}
                >
                  {b.code}
                </Box>
              ))}
            </Box>
          )
        }
      </Loaded>
      {canAdd && (
        <AddForm
          label="Add bin"
          add={async (code) => {
            await backend.invoke('locations.createBin', { locationId, code });
            bins.reload();
          }}
        />
      )}
    </Paper>
  );
}
