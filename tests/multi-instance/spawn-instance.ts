import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export interface PassLine {
  instance: string;
  kind: 'pass' | 'pass-error';
  startedAt: number;
  endedAt: number;
  ran?: boolean;
  repairs?: { action: string; sessionId: string | null; detail: string }[];
}

export interface LockLine {
  instance: string;
  kind: 'lock';
  key: number;
  heldFrom: number;
  heldUntil: number;
}

export interface AppInstance {
  name: string;
  url: string;
  passes: PassLine[];
  locks: LockLine[];
  /** Whatever the process wrote to stderr, for the failure message. */
  errors: string[];
  /** The id of the process that serves (tsx runs the script in a child of the process it was started as). */
  pid: number;
  stop(): Promise<void>;
  /** `kill -9` of the serving process: no shutdown, open requests cut; resolves once it is gone. */
  kill(): Promise<void>;
}

/** A port nobody listens on right now (the emulator must know the instances' addresses before they start). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (!address || typeof address === 'string') throw new Error('no port');
  return address.port;
}

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/**
 * Starts tests/multi-instance/instance-server.ts in a child process of its own (tsx, with next/headers and
 * server-only mapped by instance.tsconfig.json), so it shares nothing with the test but the database.
 */
export async function spawnInstance(name: string, port: number, env: Record<string, string>): Promise<AppInstance> {
  const child: ChildProcess = spawn(
    process.execPath,
    [
      path.join(ROOT, 'node_modules/tsx/dist/cli.mjs'),
      '--tsconfig',
      path.join(ROOT, 'tests/multi-instance/instance.tsconfig.json'),
      path.join(ROOT, 'tests/multi-instance/instance-server.ts'),
    ],
    {
      cwd: ROOT,
      env: { ...process.env, ...env, INSTANCE_NAME: name, PORT: String(port) },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const instance: AppInstance = {
    name,
    url: `http://127.0.0.1:${port}`,
    passes: [],
    locks: [],
    errors: [],
    pid: 0,
    stop: async () => undefined,
    kill: async () => undefined,
  };
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const ready = new Promise<void>((resolve, reject) => {
    let buffered = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) {
        if (!line.startsWith('{')) continue;
        const parsed = JSON.parse(line) as { kind: string; pid?: number };
        if (parsed.kind === 'ready') {
          instance.pid = parsed.pid ?? 0;
          resolve();
        } else if (parsed.kind === 'lock') instance.locks.push(parsed as LockLine);
        else instance.passes.push(parsed as PassLine);
      }
    });
    child.stderr?.on('data', (chunk: Buffer) => instance.errors.push(chunk.toString()));
    void exited.then(() => reject(new Error(`${name} exited before it was ready: ${instance.errors.join('')}`)));
  });
  instance.stop = async () => {
    if (child.exitCode === null) child.kill('SIGTERM');
    await exited;
  };
  instance.kill = async () => {
    if (child.exitCode === null) process.kill(instance.pid, 'SIGKILL');
    // tsx's own process exits when the process it runs the script in dies.
    await exited;
  };
  await ready;
  return instance;
}
