/**
 * A handler spec is data: its name (the key in the table), a summary, a zod schema for the
 * arguments, a zod schema for the result, and who may call it. The backend implements the map,
 * the transports validate against it, the renderer's `invoke` is typed from it; the template is
 * store-api's route table (`defineRoute`).
 */
import type { Permission } from '@shoebox/shared';
import type { z } from 'zod';

/** `public`: anyone, signed in or not; `signed-in`: any staff session; a permission: a role holding it. */
export type Access = 'public' | 'signed-in' | Permission;

export interface HandlerSpec<A extends z.ZodType = z.ZodType, R extends z.ZodType = z.ZodType> {
  summary: string;
  access: Access;
  /** The arguments as the renderer sends them; refused with IPC_ARGS_INVALID when they do not parse. */
  args: A;
  /** The result the backend resolves with (documentation, and checked in the backend's tests). */
  result: R;
}

/** Identity function that keeps the schemas' exact types in the table. */
export const defineHandler = <A extends z.ZodType, R extends z.ZodType>(spec: HandlerSpec<A, R>) => spec;
