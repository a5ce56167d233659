import { customType } from 'drizzle-orm/mysql-core';

/**
 * A JSON column that parses on read. MariaDB's JSON is LONGTEXT underneath, so mysql2 hands back
 * strings there (MySQL hands back objects); drizzle's own `json()` does not parse either way.
 */
export const jsonColumn = <T>(name: string) =>
  customType<{ data: T; driverData: string }>({
    dataType: () => 'json',
    toDriver: (value) => JSON.stringify(value),
    fromDriver: (value) => (typeof value === 'string' ? JSON.parse(value) : value) as T,
  })(name);
