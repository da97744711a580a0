// Applies every pending migration in drizzle/ to DATABASE_URL, or to the embedded PGlite database when unset.
import path from 'node:path';
import { openDatabase } from '../lib/db/connect';

const databaseUrl = process.env.DATABASE_URL || undefined;
const pgliteDir = process.env.PGLITE_DIR ?? path.join(process.cwd(), '.data', 'pglite');
const handle = await openDatabase({ databaseUrl, pgliteDir });
console.log(
  `Migrations applied to ${handle.kind === 'postgres' ? 'Postgres (DATABASE_URL)' : `PGlite at ${pgliteDir}`}.`,
);
await handle.close();
