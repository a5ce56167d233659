import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App } from '../app/App.tsx';
import { navigate } from '../app/router.tsx';
import type { ScreenRoute } from '../app/routes.tsx';
import type { FakeBackend } from './fake-backend.ts';

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
