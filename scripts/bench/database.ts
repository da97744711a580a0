import { mkdirSync, rmSync } from 'node:fs';
import { loadavg } from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import postgres from 'postgres';
import type { DbKind } from './options';

export interface SessionRow {
  callSid: string;
  state: string;
  endReason: string | null;
  contestWinner: boolean;
}

export interface BenchDatabase {
  kind: DbKind;
  label: string;
  /** What the app's environment needs to use it. */
  env: Record<string, string>;
  /** Every call session, read after the app has stopped. */
  sessions(): Promise<SessionRow[]>;
  drop(): Promise<void>;
}

const SESSIONS_SQL =
  'select call_sid as "callSid", state::text as state, end_reason as "endReason", contest_winner as "contestWinner" from call_sessions';

/** A fresh database for one run: an empty PGlite directory, or a new database on the Postgres server. */
export async function createBenchDatabase(
  kind: DbKind,
  workDir: string,
  postgresUrl: string,
  stamp: string,
): Promise<BenchDatabase> {
  if (kind === 'pglite') {
    const dir = path.join(workDir, 'pglite');
    return {
      kind,
      label: 'PGlite (embedded, in the app process)',
      env: { PGLITE_DIR: dir },
      sessions: async () => {
        const db = await PGlite.create(dir);
        try {
          return (await db.query<SessionRow>(SESSIONS_SQL)).rows;
        } finally {
          await db.close();
        }
      },
      drop: () => {
        rmSync(dir, { recursive: true, force: true });
        return Promise.resolve();
      },
    };
  }
  const name = `sb_bench_${stamp}`;
  const admin = postgres(postgresUrl, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`create database ${name}`);
  } finally {
    await admin.end({ timeout: 2 });
  }
  const url = new URL(postgresUrl);
  url.pathname = `/${name}`;
  return {
    kind,
    label: `Postgres (${url.host}, database ${name})`,
    env: { DATABASE_URL: url.toString() },
    sessions: async () => {
      const sql = postgres(url.toString(), { max: 1, onnotice: () => {} });
      try {
        return (await sql.unsafe(SESSIONS_SQL)) as unknown as SessionRow[];
      } finally {
        await sql.end({ timeout: 2 });
      }
    },
    drop: async () => {
      const dropper = postgres(postgresUrl, { max: 1, onnotice: () => {} });
      try {
        await dropper.unsafe(`drop database if exists ${name} with (force)`);
      } finally {
        await dropper.end({ timeout: 2 });
      }
    },
  };
}

/** What every mode's run on one database kind starts with: the clock, the load, a work folder and a fresh database. */
export async function beginKindRun(kind: DbKind, folder: string, workRoot: string, postgresUrl: string, stamp: string) {
  const began = Date.now();
  const loadAverageBefore = loadavg().map((n) => Math.round(n * 100) / 100);
  const workDir = path.join(workRoot, folder);
  mkdirSync(workDir, { recursive: true });
  const db = await createBenchDatabase(kind, workDir, postgresUrl, stamp);
  return { began, loadAverageBefore, workDir, db };
}
