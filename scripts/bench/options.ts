import { z } from 'zod';

const DB_KINDS = ['pglite', 'postgres'] as const;
export type DbKind = (typeof DB_KINDS)[number];

const optionsSchema = z.object({
  // webhooks: open-loop signed webhooks straight at the app; emulator: the contest spike played through the emulator;
  // audio: a show's sound through the emulator (mouth-to-ear delay, CPU per mixed party).
  mode: z.enum(['webhooks', 'emulator', 'audio']).default('webhooks'),
  rates: z
    .string()
    .default('50,100,200')
    .transform((value) => value.split(',').map(Number))
    .pipe(z.array(z.number().int().min(1).max(2000)).min(1)),
  seconds: z.coerce.number().int().min(1).max(60).default(5),
  db: z
    .string()
    .default('pglite,postgres')
    .transform((value) => value.split(',').map((kind) => kind.trim()))
    .pipe(z.array(z.enum(DB_KINDS)).min(1)),
  callers: z.coerce.number().int().min(10).max(5000).default(500),
  spreadMs: z.coerce.number().int().min(0).max(60_000).default(5000),
  burst: z.coerce.number().int().min(0).max(5000).default(500),
  consoles: z.coerce.number().int().min(0).max(200).default(20),
  target: z.coerce.number().int().min(1).default(10),
  timeScale: z.coerce.number().positive().max(1).default(0.05),
  postgresUrl: z.string().default('postgres://postgres@127.0.0.1:5432/postgres'),
});

export type BenchOptions = z.output<typeof optionsSchema>;

const USAGE = `npm run bench -- [--mode=webhooks|emulator|audio] [--rates=50,100,200] [--seconds=5] [--db=pglite,postgres] [--callers=500] [--spread-ms=5000] [--burst=500] [--consoles=20] [--target=10] [--time-scale=0.05] [--postgres-url=postgres://postgres@127.0.0.1:5432/postgres]
  BENCH_SKIP_BUILD=1 reuses an existing .next build.`;

/** Flags as --name=value (kebab-case), checked with zod; prints the usage and exits on anything else. */
export function parseOptions(argv: string[]): BenchOptions {
  const raw: Record<string, string> = {};
  for (const arg of argv) {
    const match = /^--([a-z-]+)=(.*)$/.exec(arg);
    if (!match?.[1] || match[2] === undefined) {
      console.error(`Unknown argument ${arg}\n${USAGE}`);
      process.exit(2);
    }
    raw[match[1].replace(/-([a-z])/g, (_, c: string) => c.toUpperCase())] = match[2];
  }
  const parsed = optionsSchema.strict().safeParse(raw);
  if (!parsed.success) {
    console.error(`${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('\n')}\n${USAGE}`);
    process.exit(2);
  }
  return parsed.data;
}
