/** auth: the module's public face; other modules, flows, bench and scripts import from here only. */
export { createTokenSigner } from './tokens.ts';
export { type AuthService, createAuthService } from './auth.service.ts';
export { authRoutes } from './auth.routes.ts';
export { passwordsRoutes } from './passwords.routes.ts';
export { createPasswordsService } from './passwords.service.ts';
export { sessionActor } from './session-check.ts';
export { SessionStates } from './session-state.ts';
export { authErrors } from './auth.errors.ts';
export { staffSignInRoutes } from './two-factor.routes.ts';
export { createStaffSignIn } from './staff-sign-in.service.ts';
export { createTwoFactorService } from './two-factor.service.ts';
export { findCustomerById } from './auth.repo.ts';
export { ERASED_NAME, eraseCustomerRow, erasedEmail } from './customer-erasure.ts';
