import { z } from 'zod';
import { cursorString } from './cursor.ts';
import { type AnyRow, type EntityName, entityName, entitySchemas } from './entities.ts';
import { syncError } from './errors.ts';
import { assertProtocolVersion, PROTOCOL_VERSION, syncLimits } from './version.ts';

/** UUIDv7 only: the id is minted on the device, and its time prefix orders a device's outbox. */
export const mutationId = z
  .string()
  .regex(
    /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    'Must be a lower-case UUIDv7',
  );

export const deviceId = z.string().min(1).max(80);

/**
 * One intent made on a device. `name` is any string here: an unknown name, like args failing
 * their schema, is a per-mutation rejection (kept on the device), not a refusal of the batch.
 */
export const mutationEnvelope = z.strictObject({
  id: mutationId,
  deviceId,
  name: z.string().min(1).max(80),
  args: z.unknown(),
  /** When the person did it, by the device's clock: shown in "Needs attention", never trusted for order. */
  clientTime: z.number().int().min(0),
});
export type MutationEnvelope = z.output<typeof mutationEnvelope>;

const fieldError = z.object({ path: z.string(), message: z.string(), code: z.string().optional() });

export const appliedResult = z.strictObject({
  status: z.literal('applied'),
  mutationId,
  /** What the server decided, for the device to show (e.g. the delta a count became). */
  outcome: z.record(z.string(), z.unknown()),
  appliedAt: z.number().int(),
});
export const rejectedResult = z.strictObject({
  status: z.literal('rejected'),
  mutationId,
  code: z.string().min(1),
  message: z.string(),
  details: z.record(z.string(), z.unknown()).optional(),
  errors: z.array(fieldError).optional(),
  rejectedAt: z.number().int(),
});
/** What the server records per (device, mutation id): the first answer, repeated on every retry. */
export const firstResult = z.discriminatedUnion('status', [appliedResult, rejectedResult]);
export const duplicateResult = z.strictObject({
  status: z.literal('duplicate'),
  mutationId,
  first: firstResult,
});
export const mutationResult = z.discriminatedUnion('status', [
  appliedResult,
  rejectedResult,
  duplicateResult,
]);

export type AppliedResult = z.output<typeof appliedResult>;
export type RejectedResult = z.output<typeof rejectedResult>;
export type FirstResult = z.output<typeof firstResult>;
export type MutationResult = z.output<typeof mutationResult>;

/** The answer that counts: a duplicate stands for the first result. */
export const settledResult = (result: MutationResult): FirstResult =>
  result.status === 'duplicate' ? result.first : result;

export const pushRequest = z.strictObject({
  protocolVersion: z.number().int(),
  deviceId,
  mutations: z.array(mutationEnvelope).min(1),
});
export type PushRequest = z.output<typeof pushRequest>;

/**
 * One result per mutation, in order, for a prefix of the batch: the server may stop early (a
 * transaction that kept losing races, a time budget), and the device pushes the rest again.
 */
export const pushResponse = z.strictObject({
  protocolVersion: z.number().int(),
  results: z.array(mutationResult),
});
export type PushResponse = z.output<typeof pushResponse>;

export const pullRequest = z.strictObject({
  protocolVersion: z.number().int(),
  /** null: from the start (an empty mirror). */
  cursor: cursorString.nullable(),
  limit: z.number().int().min(1).max(syncLimits.maxPullPage).optional(),
});
export type PullRequest = z.output<typeof pullRequest>;

const upsert = z.strictObject({
  op: z.literal('upsert'),
  entity: entityName,
  id: z.string().min(1),
  seq: z.number().int(),
  row: z.record(z.string(), z.unknown()),
});
const tombstone = z.strictObject({
  op: z.literal('delete'),
  entity: entityName,
  id: z.string().min(1),
  seq: z.number().int(),
});

/** Every upsert's row must be a valid row of its entity, with the record's id. */
export const syncRecord = z.discriminatedUnion('op', [upsert, tombstone]).superRefine((record, ctx) => {
  if (record.op !== 'upsert') return;
  const parsed = entitySchemas[record.entity].safeParse(record.row);
  if (!parsed.success) {
    for (const issue of parsed.error.issues)
      ctx.addIssue({ ...issue, path: ['row', ...issue.path] } as never);
  } else if (parsed.data.id !== record.id) {
    ctx.addIssue({ code: 'custom', path: ['row', 'id'], message: 'row id differs from the record id' });
  }
});
export type SyncRecord =
  | { op: 'upsert'; entity: EntityName; id: string; seq: number; row: AnyRow }
  | { op: 'delete'; entity: EntityName; id: string; seq: number };

export const pullResponse = z.strictObject({
  protocolVersion: z.number().int(),
  /** The cursor this page was read from: a device applies a page only at the cursor it holds. */
  from: cursorString.nullable(),
  cursor: cursorString,
  records: z.array(syncRecord),
  /** More pages wait: pull again with `cursor` straight away. */
  hasMore: z.boolean(),
});
export type PullResponse = Omit<z.output<typeof pullResponse>, 'records'> & { records: SyncRecord[] };

const requestError = (what: string, error: z.ZodError) =>
  syncError('SYNC_REQUEST_INVALID', `This ${what} request does not follow the sync protocol.`, {
    errors: error.issues.map((i) => ({ path: i.path.join('.'), message: i.message, code: i.code })),
  });

/** Server side: version first, then the batch limit, then the shape. Throws a sync DomainError. */
export const parsePushRequest = (body: unknown): PushRequest => {
  assertProtocolVersion(body);
  const mutations = (body as { mutations?: unknown }).mutations;
  if (Array.isArray(mutations) && mutations.length > syncLimits.maxPushBatch) {
    throw syncError('SYNC_BATCH_TOO_LARGE', `A push carries at most ${syncLimits.maxPushBatch} mutations.`, {
      details: { limit: syncLimits.maxPushBatch, received: mutations.length },
    });
  }
  const parsed = pushRequest.safeParse(body);
  if (!parsed.success) throw requestError('push', parsed.error);
  return parsed.data;
};

export const parsePullRequest = (body: unknown): PullRequest => {
  assertProtocolVersion(body);
  const limit = (body as { limit?: unknown }).limit;
  if (typeof limit === 'number' && limit > syncLimits.maxPullPage) {
    throw syncError('SYNC_BATCH_TOO_LARGE', `A pull page holds at most ${syncLimits.maxPullPage} records.`, {
      details: { limit: syncLimits.maxPullPage, received: limit },
    });
  }
  const parsed = pullRequest.safeParse(body);
  if (!parsed.success) throw requestError('pull', parsed.error);
  return parsed.data;
};

/** Client side: a response that does not parse is never applied (it says which part was wrong). */
export const parsePullResponse = (body: unknown): PullResponse => {
  const parsed = pullResponse.safeParse(body);
  if (!parsed.success) throw requestError('pull response', parsed.error);
  return parsed.data as PullResponse;
};

export const parsePushResponse = (body: unknown): PushResponse => {
  const parsed = pushResponse.safeParse(body);
  if (!parsed.success) throw requestError('push response', parsed.error);
  return parsed.data;
};

export const newPushRequest = (deviceId: string, mutations: MutationEnvelope[]): PushRequest => ({
  protocolVersion: PROTOCOL_VERSION,
  deviceId,
  mutations,
});

/**
 * `GET /sync/pull?v=1&cursor=...&limit=...`: the pull request as query parameters. Both ends use
 * these two functions, so the names and the coercion live in one place.
 */
export const pullQuery = (request: PullRequest): Record<string, string> => ({
  v: String(request.protocolVersion),
  ...(request.cursor === null ? {} : { cursor: request.cursor }),
  ...(request.limit === undefined ? {} : { limit: String(request.limit) }),
});

const digits = (value: unknown): unknown =>
  typeof value === 'string' && /^\d{1,9}$/.test(value) ? Number(value) : value;

export const parsePullQuery = (query: Record<string, unknown>): PullRequest =>
  parsePullRequest({
    protocolVersion: digits(query.v),
    cursor: query.cursor ?? null,
    ...(query.limit === undefined ? {} : { limit: digits(query.limit) }),
  });
