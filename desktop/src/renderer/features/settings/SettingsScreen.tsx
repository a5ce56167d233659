/**
 * The settings index: one card per section this role may open, from the route table (so a
 * section added there, such as Printers, appears here by itself, in the order below).
 */
import { Box, Card, CardActionArea, CardContent, Typography } from '@mui/material';
import { navigate } from '../../app/router.tsx';
import { screens } from '../../app/routes.tsx';
import { Page } from '../../components/ScreenState.tsx';
import { allows, useSession } from '../../lib/session.tsx';

/** What each section is for, in the order they show. Paths without a screen yet are skipped. */
export const settingsSections: ReadonlyArray<{ path: string; description: string }> = [
  { path: '/settings/security', description: 'Your own sign-in: two-factor with an authenticator app.' },
  { path: '/settings/staff', description: 'Who works here, their roles, and their sign-ins.' },
  { path: '/settings/devices', description: 'Desktops that hold a copy of the shop. Revoke a lost laptop.' },
  { path: '/settings/api-keys', description: 'Keys for other systems that talk to the shop.' },
  { path: '/settings/audit-log', description: 'Who changed what, and when.' },
  { path: '/settings/locations', description: 'Stockrooms, the shop floor, and their bins.' },
  { path: '/settings/printers', description: 'Label and document printers, and the label format.' },
  { path: '/settings/about', description: 'This device: version, server, data folder.' },
];

export function SettingsScreen() {
  const { session } = useSession();
  const sections = settingsSections.flatMap((section) => {
    const screen = screens.find((s) => s.path === section.path);
    return screen && allows(session, screen.access) ? [{ ...section, screen }] : [];
  });
  return (
    <Page title="Settings">
      <Box
        component="ul"
        aria-label="Settings sections"
        sx={{
          display: 'grid',
          gridTemplateColumns: 'repeat(auto-fill, minmax(300px, 1fr))',
          gap: 2,
          p: 0,
          m: 0,
          listStyle: 'none',
        }}
      >
        {sections.map(({ path, description, screen }) => (
          <li key={path}>
            <Card variant="outlined" sx={{ height: '100%' }}>
              <CardActionArea
                href={path}
                onClick={(e) => {
                  e.preventDefault();
                  navigate(path);
                }}
                sx={{ height: '100%' }}
              >
                <CardContent>
                  <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, mb: 0.5 }}>
                    <screen.icon fontSize="small" color="action" />
                    <Typography variant="h3" component="h2">
                      {screen.title}
                    </Typography>
                  </Box>
                  <Typography variant="body2" color="text.secondary">
                    {description}
                  </Typography>
                </CardContent>
              </CardActionArea>
            </Card>
          </li>
        ))}
      </Box>
    </Page>
  );
}
