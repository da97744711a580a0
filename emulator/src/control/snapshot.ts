import type { Engine } from '../engine/context';
import type { Faults } from '../faults';
import { callView } from './call-view';

/** The whole emulator state as JSON, for tests and for a human poking at rehearsal mode. */
export function snapshot(engine: Engine, faults: Faults) {
  const store = engine.store;
  return {
    accountSid: engine.options.accountSid,
    calls: [...store.calls.values()].map((call) => callView(engine, call)),
    conferences: [...store.conferences.values()].map((conference) => ({
      sid: conference.sid,
      friendlyName: conference.friendlyName,
      status: conference.status,
      reasonEnded: conference.reasonEnded,
      callSidEndingConference: conference.callSidEndingConference,
      participants: store.participantsOf(conference).map((p) => p.callSid),
      statusCallback: conference.statusCallback,
    })),
    participants: [...store.participants.values()],
    numbers: [...store.numbers.values()],
    applications: [...store.applications.values()],
    clients: [...store.clients.values()],
    policies: Object.fromEntries(store.policies),
    webhooks: store.webhooks,
    notifications: store.notifications,
    faults: faults.current(),
  };
}

export type EmulatorState = ReturnType<typeof snapshot>;
