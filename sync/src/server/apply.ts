import { roleHas } from '@shoebox/shared';
import { findMutation } from '../mutations/registry.ts';
import { PROTOCOL_VERSION } from '../protocol/version.ts';
import {
  type FirstResult,
  type MutationEnvelope,
  type MutationResult,
  type PullResponse,
  type PushResponse,
  type RejectedResult,
  parsePullRequest,
  parsePushRequest,
} from '../protocol/wire.ts';
import { syncError } from '../protocol/errors.ts';
import { changesSince } from './changes.ts';
import type { SyncScope, SyncServerPort, SyncTransaction } from './port.ts';

/** Thrown inside a transaction when a conditional write finds the state changed: roll back, re-plan. */
export class StaleWriteError extends Error {
  constructor() {
    super('the state a mutation was planned against changed before it was written');
    this.name = 'StaleWriteError';
  }
}

/**
 * Thrown by `SyncTransaction.write` when a server rule the plan could not know refuses the write
 * (a product made active without variants, a compare-at price below the new price). The
 * transaction rolls back and the mutation is recorded as rejected with this code, in a new one.
 */
export class WriteRefusedError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'WriteRefusedError';
  }
}

/** Attempts per mutation before the push stops and leaves the rest for the device's next push. */
export const MAX_PLAN_ATTEMPTS = 5;

/**
 * Applies one mutation inside the caller's transaction and records `(device, mutation id) ->
 * result` in it. A mutation seen before answers `duplicate` with its first result and writes
 * nothing. Rejections are recorded too, so a retry is rejected the same way. Throws
 * StaleWriteError when a write lost a race: the caller rolls back and runs it again.
 */
export const applyMutation = async (
  tx: SyncTransaction,
  scope: SyncScope,
  envelope: MutationEnvelope,
  now: number,
): Promise<MutationResult> => {
  const first = await tx.findResult(scope.deviceId, envelope.id);
  if (first) return { status: 'duplicate', mutationId: envelope.id, first };
  const result = await decide(tx, scope, envelope, now);
  await tx.saveResult(scope.deviceId, envelope.id, result);
  return result;
};

const decide = async (
  tx: SyncTransaction,
  scope: SyncScope,
  envelope: MutationEnvelope,
  now: number,
): Promise<FirstResult> => {
  const rejected = (
    code: string,
    message: string,
    extra: Pick<RejectedResult, 'details' | 'errors'> = {},
  ): RejectedResult => ({
    status: 'rejected',
    mutationId: envelope.id,
    code,
    message,
    rejectedAt: now,
    ...extra,
  });
  const definition = findMutation(envelope.name);
  if (!definition) {
    return rejected('MUTATION_UNKNOWN', `This server does not know the change "${envelope.name}".`, {
      details: { name: envelope.name },
    });
  }
  const args = definition.args.safeParse(envelope.args);
  if (!args.success) {
    return rejected('MUTATION_ARGS_INVALID', `The change "${envelope.name}" is not valid.`, {
      errors: args.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message, code: i.code })),
    });
  }
  const missing = definition.permissions(args.data).filter((p) => !roleHas(scope.role, p));
  if (missing.length > 0) {
    return rejected('PERMISSION_DENIED', 'Your role may not make this change.', {
      details: { missing },
    });
  }
  const plan = await definition.plan(args.data, tx, { deviceId: scope.deviceId, mutationId: envelope.id });
  if (!plan.ok) {
    const { code, message, details, errors } = plan.error;
    return rejected(code, message, { ...(details ? { details } : {}), ...(errors ? { errors } : {}) });
  }
  for (const effect of plan.value.effects) {
    const written = await tx.write(effect, { deviceId: scope.deviceId, mutationId: envelope.id, now });
    if (written === 'stale') throw new StaleWriteError();
  }
  return { status: 'applied', mutationId: envelope.id, outcome: plan.value.outcome, appliedAt: now };
};

/**
 * A push request from `scope`'s device, applied in order. Where the port's transactions have
 * savepoints, the batch goes in one transaction (one commit instead of one per mutation), each
 * mutation behind a savepoint; from the first one that cannot go that way (a lost race), the rest
 * go one transaction each, with retries. Answers a result per mutation for the prefix it got
 * through; the device pushes the rest again.
 */
export const handlePush = async (
  port: SyncServerPort,
  scope: SyncScope,
  body: unknown,
): Promise<PushResponse> => {
  const request = parsePushRequest(body);
  if (request.deviceId !== scope.deviceId || request.mutations.some((m) => m.deviceId !== scope.deviceId)) {
    throw syncError('SYNC_DEVICE_MISMATCH', 'A device may push only its own changes.');
  }
  const results = await applyInOneTransaction(port, scope, request.mutations);
  for (const envelope of request.mutations.slice(results.length)) {
    const result = await applyWithRetries(port, scope, envelope).catch((error: unknown) => {
      if (results.length === 0) throw error;
      return null; // answer what got through; the device sends the rest again
    });
    if (!result) break;
    results.push(result);
  }
  return { protocolVersion: PROTOCOL_VERSION, results };
};

/**
 * The longest prefix of `envelopes` that applies in one transaction, each mutation behind a
 * savepoint, so a rejected one leaves the others' effects in place and its rejection is recorded
 * with them. Stops at a lost race (StaleWriteError) or any other failure of one mutation, whose
 * writes the savepoint undid; the caller applies the rest one transaction each. A failure of the
 * transaction itself (a deadlock victim, a failed commit) answers nothing: the caller starts over.
 */
const applyInOneTransaction = async (
  port: SyncServerPort,
  scope: SyncScope,
  envelopes: readonly MutationEnvelope[],
): Promise<MutationResult[]> => {
  try {
    return await port.transact(async (tx) => {
      const done: MutationResult[] = [];
      const atSavepoint = tx.atSavepoint?.bind(tx);
      if (!atSavepoint) return done;
      const now = port.now();
      for (const envelope of envelopes) {
        const result = await atSavepoint(() => applyMutation(tx, scope, envelope, now)).catch(
          async (error: unknown) => {
            if (!(error instanceof WriteRefusedError)) return null;
            const rejected = refusalResult(envelope, error, now);
            // The mutation's writes are undone; its rejection is its first result.
            return atSavepoint(async () => {
              await tx.saveResult(scope.deviceId, envelope.id, rejected);
              return rejected;
            }).catch(() => null);
          },
        );
        if (!result) break;
        done.push(result);
      }
      return done;
    });
  } catch {
    return [];
  }
};

const refusalResult = (
  envelope: MutationEnvelope,
  refusal: WriteRefusedError,
  now: number,
): RejectedResult => ({
  status: 'rejected',
  mutationId: envelope.id,
  code: refusal.code,
  message: refusal.message,
  ...(refusal.details ? { details: refusal.details } : {}),
  rejectedAt: now,
});

const applyWithRetries = async (
  port: SyncServerPort,
  scope: SyncScope,
  envelope: MutationEnvelope,
): Promise<MutationResult | null> => {
  for (let attempt = 1; attempt <= MAX_PLAN_ATTEMPTS; attempt++) {
    try {
      return await port.transact((tx) => applyMutation(tx, scope, envelope, port.now()));
    } catch (error) {
      if (error instanceof WriteRefusedError) return recordRefusal(port, scope, envelope, error);
      if (!(error instanceof StaleWriteError)) throw error;
    }
  }
  return null;
};

/** The rejection of a write a server rule refused, recorded like any other first result. */
const recordRefusal = async (
  port: SyncServerPort,
  scope: SyncScope,
  envelope: MutationEnvelope,
  refusal: WriteRefusedError,
): Promise<MutationResult | null> => {
  try {
    return await port.transact(async (tx): Promise<MutationResult> => {
      const first = await tx.findResult(scope.deviceId, envelope.id);
      if (first) return { status: 'duplicate', mutationId: envelope.id, first };
      const result = refusalResult(envelope, refusal, port.now());
      await tx.saveResult(scope.deviceId, envelope.id, result);
      return result;
    });
  } catch (error) {
    if (error instanceof StaleWriteError) return null; // a concurrent retry recorded it: ask again later
    throw error;
  }
};

/** A pull request from `scope`'s device. */
export const handlePull = async (
  port: SyncServerPort,
  scope: SyncScope,
  body: unknown,
): Promise<PullResponse> => {
  const request = parsePullRequest(body);
  return changesSince(port, request.cursor, scope, request.limit);
};
