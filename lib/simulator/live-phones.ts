import type { CallView } from '@/emulator';

type EmulatorCall = Pick<
  CallView,
  'sid' | 'status' | 'direction' | 'from' | 'to' | 'room' | 'hears' | 'dateCreated'
> & {
  participant?: { muted: boolean } | null;
};

const LIVE_STATUSES: ReadonlySet<string> = new Set(['queued', 'ringing', 'in-progress']);

/**
 * After a reload the simulator has forgotten the phones it rang; the emulator has not. The phones still on a call
 * are those ringing in from the simulated phone network (a staff browser's leg comes from `client:…`), newest first.
 * They are added after the phones the page already shows, each once.
 */
export function withLivePhones<T extends { sid: string }>(current: T[], calls: EmulatorCall[]): (T | EmulatorCall)[] {
  const known = new Set(current.map((phone) => phone.sid));
  const found = calls
    .filter(
      (call) =>
        call.direction === 'inbound' &&
        !call.from.startsWith('client:') &&
        LIVE_STATUSES.has(call.status) &&
        !known.has(call.sid),
    )
    .sort((a, b) => b.dateCreated - a.dateCreated);
  return [...current, ...found];
}
