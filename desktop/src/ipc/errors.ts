/**
 * Errors across the process boundary: the same `{ kind, code, message, details, errors }` as
 * shared's `DomainError` (architecture: "IPC and sync carry the same ... as plain objects").
 * Every transport (Electron IPC, the browser-mode /rpc bridge) maps a thrown value here, once.
 */
import { DomainError, type ErrorKind, errorKinds, type SerializedError } from '@shoebox/shared';
import { z } from 'zod';

/**
 * Codes the IPC layer itself raises. The API's codes (INVALID_CREDENTIALS, ...) pass through
 * unchanged; these are the desktop's own, kept here because no HTTP route answers with them.
 */
export const ipcErrorCodes = {
  /** The arguments did not match the handler's schema (`errors` lists the fields). */
  IPC_ARGS_INVALID: 'validation',
  /** No handler of that name exists in the contract. */
  IPC_UNKNOWN_HANDLER: 'not_found',
  /** The contract declares the handler, but this backend does not provide it (yet). */
  IPC_HANDLER_UNAVAILABLE: 'not_found',
  /** The handler needs a signed-in user. */
  IPC_SIGN_IN_REQUIRED: 'unauthenticated',
  /** The signed-in role lacks the handler's permission. */
  IPC_PERMISSION_DENIED: 'forbidden',
  /** The API could not be reached, and nothing cached can answer instead. */
  API_UNREACHABLE: 'external',
  /** Offline sign-in: this device has no saved session for that email. */
  OFFLINE_NO_SAVED_SESSION: 'unauthenticated',
  /** Offline sign-in: the password does not match the one this device saw last. */
  OFFLINE_PASSWORD_MISMATCH: 'unauthenticated',
  /** sync.retry of a refused change that is no longer listed (dismissed or retried already). */
  ATTENTION_NOT_FOUND: 'not_found',
  /** products.resolveConflict without a choice for every field in conflict, or for a change that is no conflict. */
  CONFLICT_CHOICE_INVALID: 'validation',
  /** A network printer refused or did not answer. */
  PRINTER_UNREACHABLE: 'external',
  /** The API answered with something the desktop does not understand. */
  API_ANSWER_INVALID: 'external',
  /** A bug: the message is generic, the details are in the backend's log. */
  IPC_INTERNAL: 'internal',
} as const satisfies Record<string, ErrorKind>;
export type IpcErrorCode = keyof typeof ipcErrorCodes;

export type IpcError = SerializedError;

export const ipcErrorSchema = z.object({
  kind: z.enum(errorKinds),
  code: z.string(),
  message: z.string(),
  details: z.record(z.string(), z.unknown()).optional(),
  errors: z
    .array(z.object({ path: z.string(), message: z.string(), code: z.string().optional() }))
    .optional(),
});

/** A DomainError with one of the desktop's own codes. */
export function ipcError(
  code: IpcErrorCode,
  message: string,
  extra: ConstructorParameters<typeof DomainError>[3] = {},
): DomainError {
  return new DomainError(ipcErrorCodes[code], code, message, extra);
}

/** Arguments refused by a handler's zod schema, with one entry per field. */
export function argsInvalid(name: string, error: z.ZodError): DomainError {
  return ipcError('IPC_ARGS_INVALID', `The request "${name}" was not filled in correctly.`, {
    errors: error.issues.map((issue) => ({
      path: issue.path.join('.') || '(arguments)',
      message: issue.message,
      code: issue.code,
    })),
  });
}

/**
 * Any thrown value as a plain IPC error. Domain errors keep their code and message; anything else
 * is a bug and becomes a generic message (the original goes to `log`, never to the screen).
 */
export function toIpcError(thrown: unknown, log: (e: unknown) => void = () => {}): IpcError {
  if (thrown instanceof DomainError) return thrown.toJSON();
  log(thrown);
  return {
    kind: 'internal',
    code: 'IPC_INTERNAL',
    message: 'Something went wrong inside the app. Try again; if it keeps happening, restart the app.',
  };
}

/** The error a renderer-side `invoke` rejects with: a DomainError rebuilt from the plain object. */
export const fromIpcError = (e: IpcError): DomainError => DomainError.from(e);
