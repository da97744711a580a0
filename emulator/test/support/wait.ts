import type { CallView } from '../../index';
import type { Harness } from './harness';

/** Waits until the call's view satisfies the predicate and returns that view. */
export function waitForCall(
  h: Harness,
  sid: string,
  predicate: (call: CallView) => boolean,
  timeoutMs = 5000,
): Promise<CallView> {
  return h.emulator.waitFor(
    (s) => {
      const call = s.calls.find((c) => c.sid === sid);
      return call && predicate(call) ? call : null;
    },
    { timeoutMs },
  );
}

export function waitForRequests(h: Harness, path: string, count = 1, timeoutMs = 5000) {
  return h.emulator.waitFor(() => (h.app.requestsTo(path).length >= count ? h.app.requestsTo(path) : null), {
    timeoutMs,
  });
}

export function conferenceEvents(h: Harness, path: string): Array<Record<string, string>> {
  return h.app.requestsTo(path).map((r) => r.params);
}
