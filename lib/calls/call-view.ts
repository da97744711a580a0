import type { CallSession } from '@/lib/db/schema';

/** What a command or card edit answers: enough for a console to update its row until the next board poll. */
export interface CallView {
  id: string;
  state: CallSession['state'];
  version: number;
  room: string | null;
  confirmedRoom: string | null;
  moving: boolean;
  pendingCommand: string | null;
  attention: string | null;
  muted: boolean;
  screenerId: string | null;
  card: {
    name: string | null;
    location: string | null;
    topic: string | null;
    comment: string | null;
    priority: CallSession['cardPriority'];
  };
}

export function toCallView(s: CallSession): CallView {
  return {
    id: s.id,
    state: s.state,
    version: s.version,
    room: s.room,
    confirmedRoom: s.confirmedRoom,
    moving: s.pendingCommand !== null,
    pendingCommand: s.pendingCommand,
    attention: s.attention,
    muted: s.muted,
    screenerId: s.screenerId,
    card: {
      name: s.cardName,
      location: s.cardLocation,
      topic: s.cardTopic,
      comment: s.cardComment,
      priority: s.cardPriority,
    },
  };
}
