/** Who may call what: the one rule the backend enforces and the renderer uses to hide what it would refuse. */
import { roleHas } from '@shoebox/shared';
import type { Session } from './contracts.ts';
import type { Access } from './spec.ts';

export type AccessVerdict = 'allowed' | 'sign-in-required' | 'denied';

export function accessVerdict(access: Access, session: Session | null | undefined): AccessVerdict {
  if (access === 'public') return 'allowed';
  if (!session) return 'sign-in-required';
  if (access === 'signed-in' || roleHas(session.user.role, access)) return 'allowed';
  return 'denied';
}
