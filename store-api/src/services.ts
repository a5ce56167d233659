import type { Config } from './config/env.ts';
import type { Store } from './db/client.ts';
import { createAuthService } from './modules/auth/auth.service.ts';
import { createTokenSigner } from './modules/auth/tokens.ts';
import { createStaffService } from './modules/staff/staff.service.ts';

/** Wires services once per app; routes receive only the services they use. */
export function createServices(store: Store, config: Config) {
  const signer = createTokenSigner(config.jwtSecret, config.accessTokenTtlSeconds);
  const auth = createAuthService({ store, signer, refreshTtlDays: config.refreshTokenTtlDays });
  const staff = createStaffService(store, auth);
  return { auth, staff };
}
export type Services = ReturnType<typeof createServices>;
