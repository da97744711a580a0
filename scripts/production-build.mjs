// A production build of the app in .next, built once and reused while the sources it was built from are
// unchanged: a hash of those sources is stamped beside the build, and a different hash means build again.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** Everything `next build` reads: the app's code and assets, and the files that configure the build. */
const SOURCE_DIRS = ['app', 'components', 'lib', 'public'];
const SOURCE_FILES = [
  'next.config.ts',
  'tsconfig.json',
  'postcss.config.mjs',
  'package-lock.json',
  'proxy.ts',
  'instrumentation.ts',
];
const STAMP = path.join('.next', 'switchboard-source-hash');

function listFiles(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return listFiles(full);
    return entry.isFile() ? [full] : [];
  });
}

/** The hash of the sources (paths and contents), and of the variables Next.js inlines into the build. */
export function sourceHash(env = process.env) {
  const hash = createHash('sha256');
  const files = [
    ...SOURCE_DIRS.flatMap(listFiles),
    ...SOURCE_FILES.filter((file) => existsSync(file) && statSync(file).isFile()),
  ].sort();
  for (const file of files) hash.update(`${file}\0`).update(readFileSync(file)).update('\0');
  const inlined = Object.keys(env)
    .filter((name) => name.startsWith('NEXT_PUBLIC_'))
    .sort();
  for (const name of inlined) hash.update(`${name}=${env[name]}\0`);
  return hash.digest('hex');
}

/**
 * Builds unless .next already holds a build of exactly these sources. Answers 'reused' or 'built'; exits the
 * process with the build's status if the build fails.
 */
export function ensureProductionBuild(env = process.env) {
  const wanted = sourceHash(env);
  const built =
    existsSync(path.join('.next', 'BUILD_ID')) && existsSync(STAMP) ? readFileSync(STAMP, 'utf8').trim() : null;
  if (built === wanted) return 'reused';
  const build = spawnSync('npx', ['next', 'build'], { stdio: 'inherit', env });
  if (build.status !== 0) process.exit(build.status ?? 1);
  writeFileSync(STAMP, `${wanted}\n`);
  return 'built';
}
