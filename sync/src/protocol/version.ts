import { syncError } from './errors.ts';

/**
 * The wire protocol version. Bump it for any change an older client would misread; additive,
 * optional fields do not need a bump. The server accepts MIN_SUPPORTED..CURRENT.
 */
export const PROTOCOL_VERSION = 1;
export const MIN_SUPPORTED_PROTOCOL_VERSION = 1;

export const syncLimits = {
  /** Mutations per push request. */
  maxPushBatch: 100,
  /** Records per pull page (the server's default and the most a client may ask for). */
  maxPullPage: 1000,
  defaultPullPage: 500,
  /** Open gaps a cursor remembers (MySQL sequence numbers taken but not yet committed). */
  maxCursorGaps: 64,
  /** How long a gap is waited for before it is taken for a rolled-back transaction. */
  gapTtlMs: 10_000,
} as const;

/**
 * Checks the version before anything else in the request is read, so an old client whose
 * request shape has changed gets "update required" rather than a schema error.
 */
export const assertProtocolVersion = (body: unknown): void => {
  const version =
    body !== null && typeof body === 'object'
      ? (body as { protocolVersion?: unknown }).protocolVersion
      : undefined;
  const details = {
    clientVersion: version ?? null,
    minimumVersion: MIN_SUPPORTED_PROTOCOL_VERSION,
    serverVersion: PROTOCOL_VERSION,
  };
  if (typeof version !== 'number' || !Number.isInteger(version) || version < MIN_SUPPORTED_PROTOCOL_VERSION) {
    throw syncError(
      'SYNC_UPDATE_REQUIRED',
      'This app is too old to sync with the shop: please update it. Your changes are kept until then.',
      { details },
    );
  }
  if (version > PROTOCOL_VERSION) {
    throw syncError(
      'SYNC_SERVER_OUTDATED',
      'The shop server is older than this app and cannot sync with it yet: ask an owner to update the server.',
      { details },
    );
  }
};
