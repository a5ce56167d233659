import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'mysql',
  schema: './src/db/schema/mysql/index.ts',
  out: './src/db/migrations/mysql',
});
