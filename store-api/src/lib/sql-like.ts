import { type SQL, sql } from 'drizzle-orm';

/** Escapes LIKE wildcards with `!` (portable: MySQL and SQLite treat backslashes differently). */
export const escapeLike = (text: string): string => text.replace(/[!%_]/g, (c) => `!${c}`);

/** `%text%` with the wildcards in `text` escaped. */
export const containsPattern = (text: string): string => `%${escapeLike(text)}%`;

/** `expr LIKE pattern ESCAPE '!'`. */
export const likeEscaped = (expr: SQL, pattern: string): SQL => sql`${expr} like ${pattern} escape '!'`;
