import { configure, render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App } from '../app/App.tsx';
import { navigate } from '../app/router.tsx';
import type { ScreenRoute } from '../app/routes.tsx';
import type { FakeBackend } from './fake-backend.ts';

// A screen's first render loads its data through the real dispatcher; on a loaded machine (two
// cores, several sessions) that can take longer than testing-library's default of one second.
configure({ asyncUtilTimeout: 5000 });

export function renderApp(
  fake: FakeBackend,
  options: { path?: string; screens?: readonly ScreenRoute[] } = {},
) {
  navigate(options.path ?? '/', { replace: true });
  const user = userEvent.setup();
  const view = render(
    <App client={fake.client} {...(options.screens ? { screens: options.screens } : {})} />,
  );
  return { user, ...view };
}
