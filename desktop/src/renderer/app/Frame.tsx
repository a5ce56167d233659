/**
 * The frame around every signed-in screen: navigation on the left (only what this role may use),
 * the top bar (shop, search, sync state, user), the offline band, and the screen itself.
 */
import SyncProblemOutlined from '@mui/icons-material/SyncProblemOutlined';
import { AppBar, Box, Chip, Toolbar, Typography } from '@mui/material';
import type { MouseEvent } from 'react';
import { useRef, useState } from 'react';
import type { Session } from '../../ipc/index.ts';
import { EmptyState } from '../components/ScreenState.tsx';
import { OfflineBanner } from '../components/OfflineBanner.tsx';
import { SyncIndicator } from '../components/SyncIndicator.tsx';
import { useSession } from '../lib/session.tsx';
import { useSyncStatus } from '../lib/sync-status.ts';
import { CheatSheet } from './CheatSheet.tsx';
import { NavList } from './NavList.tsx';
import { Link, navigate, useLocation } from './router.tsx';
import { matchScreen, type ScreenRoute, screensFor } from './routes.tsx';
import { SearchBox } from './SearchBox.tsx';
import { useGlobalKeys } from './shortcuts.ts';
import { UserMenu } from './UserMenu.tsx';

const NAV_WIDTH = 232;

export function Frame({ session, screens }: { session: Session; screens: readonly ScreenRoute[] }) {
  const { signOut } = useSession();
  const status = useSyncStatus();
  const { pathname } = useLocation();
  const [helpOpen, setHelpOpen] = useState(false);
  const searchRef = useRef<HTMLInputElement>(null);
  const allowed = screensFor(screens, session);
  const current = matchScreen(allowed, pathname);
  const navigable = allowed.filter((s) => s.nav !== false);

  useGlobalKeys({
    search: () => searchRef.current?.focus(),
    help: () => setHelpOpen(true),
    go: (letter) => {
      const target = allowed.find((s) => s.goKey === letter);
      if (target) navigate(target.path);
      return Boolean(target);
    },
  });

  return (
    <Box sx={{ display: 'grid', gridTemplateColumns: `${NAV_WIDTH}px 1fr`, minHeight: '100vh' }}>
      <Box
        sx={{ bgcolor: '#eef0f3', borderRight: '1px solid', borderColor: 'divider', pt: 1 }}
        data-testid="navigation"
      >
        <Typography variant="h3" component="p" sx={{ px: 2, py: 1.5 }}>
          {session.shopName}
        </Typography>
        <NavList screens={navigable} current={pathname} />
      </Box>
      <Box sx={{ display: 'flex', flexDirection: 'column', minWidth: 0 }}>
        <AppBar position="sticky" elevation={0} color="primary">
          <Toolbar variant="dense" sx={{ gap: 2 }}>
            <Typography component="h1" sx={{ fontWeight: 600, whiteSpace: 'nowrap' }} data-testid="shop-name">
              {session.shopName} · Back office
            </Typography>
            <SearchBox ref={searchRef} screens={navigable} />
            <Box sx={{ flex: 1 }} />
            {(status?.needsAttention ?? 0) > 0 && (
              <Chip
                component="a"
                href="/sync"
                clickable
                onClick={(e: MouseEvent) => {
                  e.preventDefault();
                  navigate('/sync');
                }}
                size="small"
                icon={<SyncProblemOutlined />}
                label={`${status?.needsAttention} need attention`}
                data-testid="attention-count"
                sx={{
                  bgcolor: '#fff4d6',
                  color: '#6b4a00',
                  fontWeight: 600,
                  '& .MuiChip-icon': { color: '#9a6700' },
                }}
              />
            )}
            <Box sx={{ bgcolor: '#fff', borderRadius: 4 }}>
              <SyncIndicator status={status} />
            </Box>
            <UserMenu
              session={session}
              onShortcuts={() => setHelpOpen(true)}
              onSignOut={() => void signOut()}
            />
          </Toolbar>
        </AppBar>
        <OfflineBanner status={status} />
        <Box component="main" sx={{ flex: 1 }}>
          {current ? (
            <current.Screen />
          ) : (
            <Box sx={{ p: 3 }}>
              <EmptyState
                title="There is no such screen"
                description={`Nothing lives at ${pathname} for your role.`}
                action={<Link to="/">Go to Home</Link>}
              />
            </Box>
          )}
        </Box>
      </Box>
      <CheatSheet open={helpOpen} onClose={() => setHelpOpen(false)} screens={navigable} current={current} />
    </Box>
  );
}
