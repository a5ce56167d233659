/** Providers and the one decision at the top: signed in (the frame) or not (the sign-in screen). */
import CssBaseline from '@mui/material/CssBaseline';
import { ThemeProvider } from '@mui/material/styles';
import type { IpcClient } from '../../ipc/index.ts';
import { LoadingSkeleton } from '../components/ScreenState.tsx';
import { SignInScreen } from '../features/sign-in/SignInScreen.tsx';
import { BackendProvider } from '../lib/backend.tsx';
import { SessionProvider, useSession } from '../lib/session.tsx';
import { Frame } from './Frame.tsx';
import { type ScreenRoute, screens as allScreens } from './routes.tsx';
import { theme } from './theme.ts';

export function App({
  client,
  screens = allScreens,
}: {
  client: IpcClient;
  screens?: readonly ScreenRoute[];
}) {
  return (
    <ThemeProvider theme={theme}>
      <CssBaseline />
      <BackendProvider client={client}>
        <SessionProvider>
          <Gate screens={screens} />
        </SessionProvider>
      </BackendProvider>
    </ThemeProvider>
  );
}

function Gate({ screens }: { screens: readonly ScreenRoute[] }) {
  const { session } = useSession();
  if (session === undefined) return <LoadingSkeleton label="Starting" />;
  if (session === null) return <SignInScreen />;
  return <Frame session={session} screens={screens} />;
}
