import type { RoomKind } from './call-session-machine';

/** Conference names carry ids only, never phone numbers or names (Twilio's privacy advice). */
export function holdRoom(sessionId: string): string {
  return `hold-${sessionId}`;
}

export function screenRoom(userId: string): string {
  return `screen-${userId}`;
}

export function liveRoom(episodeId: string): string {
  return `live-${episodeId}`;
}

export interface RoomIds {
  sessionId: string;
  episodeId: string | null;
  screenerId: string | null;
}

/** The conference name for a room kind, or null when the ids it needs are missing. */
export function roomName(kind: RoomKind | null, ids: RoomIds): string | null {
  switch (kind) {
    case 'hold':
      return holdRoom(ids.sessionId);
    case 'screen':
      return ids.screenerId ? screenRoom(ids.screenerId) : null;
    case 'live':
      return ids.episodeId ? liveRoom(ids.episodeId) : null;
    default:
      return null;
  }
}

const ROOM_PATTERN = /^(hold|screen|live)-([0-9a-f-]{36})$/;

export function parseRoom(name: string): { kind: RoomKind; id: string } | null {
  const match = ROOM_PATTERN.exec(name);
  if (!match?.[1] || !match[2]) return null;
  return { kind: match[1] as RoomKind, id: match[2] };
}

/** Browser legs are labelled by role so callbacks and the reconciler can tell them from callers. */
export type StaffRole = 'host' | 'screener';

export function staffLabel(role: StaffRole, callSid: string): string {
  return `${role}-${callSid}`;
}

export function staffRoleOfLabel(label: string | null | undefined): StaffRole | null {
  if (!label) return null;
  if (label.startsWith('host-')) return 'host';
  if (label.startsWith('screener-')) return 'screener';
  return null;
}

/** Browser identities are derived from the user id, so a token names nobody. */
export function identityForUser(userId: string): string {
  return `user-${userId}`;
}

export function userIdFromClient(from: string): string | null {
  const match = /^client:user-([0-9a-f-]{36})$/.exec(from);
  return match?.[1] ?? null;
}
