import { afterAll, beforeAll } from 'vitest';
import { useDatabaseForTests } from '@/lib/db/client';
import { createTestDatabase, type TestDatabase } from './test-database';

let database: TestDatabase | undefined;

beforeAll(async () => {
  database = await createTestDatabase();
  useDatabaseForTests(database);
});

afterAll(async () => {
  await database?.close();
});
