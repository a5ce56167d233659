/**
 * Compile-time parity check: every table exists in both dialects with identical row and insert types.
 * Shared query code is typed against the MySQL schema and runs on either, so a drift here is a bug.
 * `tsc` fails on this file when the schemas differ.
 */
import type { InferInsertModel, InferSelectModel, Table } from 'drizzle-orm';
import type * as mysql from './mysql/index.ts';
import type * as sqlite from './sqlite/index.ts';

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
type Assert<T extends true> = T;

type TableNames<S> = { [K in keyof S]: S[K] extends Table ? K : never }[keyof S];
type RowsOf<S> = { [K in TableNames<S>]: S[K] extends Table ? InferSelectModel<S[K]> : never };
type InsertsOf<S> = { [K in TableNames<S>]: S[K] extends Table ? InferInsertModel<S[K]> : never };

export type SameTables = Assert<Equal<TableNames<typeof mysql>, TableNames<typeof sqlite>>>;
export type SameRows = Assert<Equal<RowsOf<typeof mysql>, RowsOf<typeof sqlite>>>;
export type SameInserts = Assert<Equal<InsertsOf<typeof mysql>, InsertsOf<typeof sqlite>>>;
