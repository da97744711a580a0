import type { Emulator } from '@/emulator';

export interface TwoRoomsSighting {
  at: number;
  callSid: string;
  rooms: string[];
}

export interface RoomSampler {
  /** Calls seen in some conference at least once (so the check was not vacuous). */
  seen: Set<string>;
  samples: number;
  /** Moments a call was a participant of more than one conference. */
  violations: TwoRoomsSighting[];
  stop(): Promise<void>;
}

/**
 * Samples the emulator's conferences every few milliseconds while a scenario runs and records any call that is
 * listed as a participant of two conferences at the same moment.
 */
export function startRoomSampler(emulator: Emulator, everyMs = 15): RoomSampler {
  const sampler: RoomSampler = { seen: new Set(), samples: 0, violations: [], stop: async () => undefined };
  let running = true;
  const sample = () => {
    const rooms = new Map<string, string[]>();
    for (const conference of emulator.state().conferences) {
      if (conference.status === 'completed') continue;
      for (const callSid of conference.participants)
        rooms.set(callSid, [...(rooms.get(callSid) ?? []), conference.friendlyName]);
    }
    sampler.samples += 1;
    for (const [callSid, names] of rooms) {
      sampler.seen.add(callSid);
      if (names.length > 1) sampler.violations.push({ at: Date.now(), callSid, rooms: names });
    }
  };
  const loop = (async () => {
    while (running) {
      sample();
      await new Promise((resolve) => setTimeout(resolve, everyMs));
    }
    sample();
  })();
  sampler.stop = async () => {
    running = false;
    await loop;
  };
  return sampler;
}
