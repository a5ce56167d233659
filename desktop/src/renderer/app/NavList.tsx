/** The left navigation: the screens this role may use, grouped by section, with their `g` keys. */
import type { MouseEvent } from 'react';
import { Box, List, ListItemButton, ListItemIcon, ListItemText, ListSubheader } from '@mui/material';
import { navigate } from './router.tsx';
import type { ScreenRoute } from './routes.tsx';

/** A section stays lit on its detail pages (`/orders/SB-…` lights Orders). */
const isCurrent = (path: string, current: string) =>
  path === current || (path !== '/' && current.startsWith(`${path}/`));

export function NavList({ screens, current }: { screens: readonly ScreenRoute[]; current: string }) {
  const sections = [...new Set(screens.map((s) => s.section))];
  // The most specific match wins: /inventory/receive lights Receive, not Inventory as well.
  const lit = screens
    .filter((s) => isCurrent(s.path, current))
    .sort((a, b) => b.path.length - a.path.length)[0]?.path;
  return (
    <Box component="nav" aria-label="Sections">
      {sections.map((section) => (
        <List
          key={section}
          dense
          subheader={
            <ListSubheader sx={{ bgcolor: 'transparent', lineHeight: '32px' }}>{section}</ListSubheader>
          }
        >
          {screens
            .filter((s) => s.section === section)
            .map((s) => (
              <ListItemButton
                key={s.path}
                component="a"
                href={s.path}
                selected={s.path === lit}
                aria-current={s.path === lit ? 'page' : undefined}
                onClick={(e: MouseEvent) => {
                  e.preventDefault();
                  navigate(s.path);
                }}
              >
                <ListItemIcon sx={{ minWidth: 32 }}>
                  <s.icon fontSize="small" />
                </ListItemIcon>
                <ListItemText primary={s.title} secondary={s.goKey ? `g ${s.goKey}` : undefined} />
              </ListItemButton>
            ))}
        </List>
      ))}
    </Box>
  );
}
