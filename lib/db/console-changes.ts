import 'server-only';
import { logProblem } from '@/lib/log';
import { getDbHandle } from './client';
import type { DbHandle } from './connect';

/** The channel migration 0010's triggers notify when a console version moves or someone's access is taken away. */
const CONSOLE_CHANGED_CHANNEL = 'console_changed';

interface ConsoleWatch {
  /** Moves on every notification, and whenever the listen is re-established (notifications may have been lost). */
  generation: number;
  waiters: Set<() => void>;
}

/** Where a held poll starts waiting from: anything notified after the mark was taken wakes it. */
export interface ConsoleChangeMark {
  watch: ConsoleWatch;
  generation: number;
}

// One LISTEN per process and database, kept on globalThis because Next gives each route bundle its own copy of
// this module. A database handle that is closed is never used again, so its watch is simply forgotten with it.
const watches = ((
  globalThis as { switchboardConsoleWatches?: WeakMap<DbHandle, Promise<ConsoleWatch | null>> }
).switchboardConsoleWatches ??= new WeakMap());

// Held polls keep a server's graceful shutdown waiting (Next waits for requests in flight), so a process being
// stopped lets go of every one of them at once: each answers "nothing new" and its console asks the next instance.
const shutdown = ((
  globalThis as { switchboardHeldPollShutdown?: { closing: boolean; waits: Set<() => void> } }
).switchboardHeldPollShutdown ??= (() => {
  const state = { closing: false, waits: new Set<() => void>() };
  const letGo = () => {
    state.closing = true;
    for (const release of [...state.waits]) release();
  };
  process.once('SIGTERM', letGo);
  process.once('SIGINT', letGo);
  return state;
})());

/**
 * True once this process has been told to stop: polls are then answered at once, on a connection the server
 * closes, so that browsers reconnect to an instance that stays (a reused connection would keep this one open).
 */
export function stopping(): boolean {
  return shutdown.closing;
}

function watchOf(handle: DbHandle): Promise<ConsoleWatch | null> {
  let found = watches.get(handle);
  if (!found) {
    const watch: ConsoleWatch = { generation: 0, waiters: new Set() };
    const wake = () => {
      watch.generation += 1;
      for (const waiter of [...watch.waiters]) waiter();
    };
    found = handle.listen(CONSOLE_CHANGED_CHANNEL, wake, wake).then(
      () => watch,
      (error: unknown) => {
        // Polls are then answered at once, as before held polls existed; the next poll tries to listen again.
        logProblem('warn', 'console-changes', 'could not listen for console changes', error);
        watches.delete(handle);
        return null;
      },
    );
    watches.set(handle, found);
  }
  return found;
}

/**
 * Take the mark before reading what the wait depends on (the console version): a change committed after that
 * read is then notified after the mark, so it cannot slip between the read and the wait. Null when this process
 * cannot listen for changes; the caller should answer at once.
 */
export async function consoleChangeMark(): Promise<ConsoleChangeMark | null> {
  const watch = await watchOf(await getDbHandle());
  return watch ? { watch, generation: watch.generation } : null;
}

/**
 * Resolves true as soon as anything a console shows (or anyone's access) may have changed since the mark, false
 * when `timeoutMs` passes, `signal` aborts or the process is being stopped first. A notification is a hint, not a verdict: check again.
 */
export function waitForConsoleChange(
  mark: ConsoleChangeMark,
  timeoutMs: number,
  signal?: AbortSignal,
): Promise<boolean> {
  const { watch } = mark;
  if (watch.generation !== mark.generation) return Promise.resolve(true);
  if (signal?.aborted || shutdown.closing) return Promise.resolve(false);
  return new Promise((resolve) => {
    const finish = (changed: boolean) => {
      watch.waiters.delete(waiter);
      shutdown.waits.delete(onAbort);
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      resolve(changed);
    };
    const waiter = () => finish(true);
    const onAbort = () => finish(false);
    const timer = setTimeout(() => finish(false), timeoutMs);
    signal?.addEventListener('abort', onAbort, { once: true });
    watch.waiters.add(waiter);
    shutdown.waits.add(onAbort);
  });
}
