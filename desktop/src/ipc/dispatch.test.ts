import { DomainError, permissionsOf, type Role } from '@shoebox/shared';
import { describe, expect, it } from 'vitest';
import { accessVerdict } from './access.ts';
import type { Session } from './contracts.ts';
import { type Backend, dispatch } from './dispatch.ts';

const sessionOf = (role: Role): Session => ({
  user: { id: 'u1', email: `${role}@shoebox.test`, name: role, role },
  permissions: permissionsOf(role),
  shopName: 'Shop',
  signedInAt: '2026-12-02T09:00:00.000Z',
  offline: false,
});

function backendWith(session: Session | null, adjust: Backend['handlers']['inventory.adjust']): Backend {
  return {
    handlers: { 'inventory.adjust': adjust },
    currentSession: () => session,
    subscribe: () => () => {},
    close: async () => {},
  };
}

const goodAdjust = {
  locationId: '01a23512-1571-7017-84d6-cbc02f7ea08b',
  variantId: '01a23512-1571-7017-84d6-cbc02f7ea08c',
  delta: -1,
  reason: 'damage',
};
const receipt = async () => ({ mutationId: 'm1', queuedAt: '2026-12-02T09:00:00.000Z' });

describe('dispatch', () => {
  it('asks a signed-out caller to sign in before looking at the arguments', async () => {
    const answer = await dispatch(backendWith(null, receipt), 'inventory.adjust', { nonsense: true });
    expect(answer).toMatchObject({
      ok: false,
      error: { code: 'IPC_SIGN_IN_REQUIRED', kind: 'unauthenticated' },
    });
  });

  it("applies the handler's schema (with shared's own rules) and names each field", async () => {
    const answer = await dispatch(backendWith(sessionOf('warehouse'), receipt), 'inventory.adjust', {
      ...goodAdjust,
      delta: 2,
    });
    expect(answer.ok).toBe(false);
    if (!answer.ok) {
      expect(answer.error.code).toBe('IPC_ARGS_INVALID');
      expect(answer.error.errors?.map((e) => e.path)).toEqual(['delta']);
    }
  });

  it('passes parsed arguments to the handler and its result back', async () => {
    let seen: unknown;
    const answer = await dispatch(
      backendWith(sessionOf('warehouse'), async (args) => {
        seen = args;
        return receipt();
      }),
      'inventory.adjust',
      goodAdjust,
    );
    expect(answer).toEqual({ ok: true, value: { mutationId: 'm1', queuedAt: '2026-12-02T09:00:00.000Z' } });
    expect(seen).toEqual(goodAdjust);
  });

  it('keeps a domain error as it is, and turns a bug into a generic message it logs', async () => {
    const refused = await dispatch(
      backendWith(sessionOf('owner'), async () => {
        throw new DomainError('business_rule', 'INSUFFICIENT_STOCK', 'Only 1 left.');
      }),
      'inventory.adjust',
      goodAdjust,
    );
    expect(refused).toEqual({
      ok: false,
      error: { kind: 'business_rule', code: 'INSUFFICIENT_STOCK', message: 'Only 1 left.' },
    });
    const logged: unknown[] = [];
    const bug = await dispatch(
      backendWith(sessionOf('owner'), async () => {
        throw new TypeError('cannot read x of undefined');
      }),
      'inventory.adjust',
      goodAdjust,
      (e) => logged.push(e),
    );
    expect(bug).toMatchObject({ ok: false, error: { code: 'IPC_INTERNAL', kind: 'internal' } });
    expect(JSON.stringify(bug)).not.toContain('cannot read');
    expect(logged).toHaveLength(1);
  });
});

describe('access', () => {
  it('lets each role use exactly its permissions', () => {
    expect(accessVerdict('orders:refund', sessionOf('warehouse'))).toBe('denied');
    expect(accessVerdict('orders:refund', sessionOf('manager'))).toBe('allowed');
    expect(accessVerdict('staff:manage', sessionOf('manager'))).toBe('denied');
    expect(accessVerdict('signed-in', sessionOf('warehouse'))).toBe('allowed');
    expect(accessVerdict('signed-in', null)).toBe('sign-in-required');
    expect(accessVerdict('public', null)).toBe('allowed');
  });
});
