import type { Hearing } from '@/emulator';

export interface HearingContext {
  /** Staff browsers' identities (user-<id>) to the person's name, so nobody reads an id. */
  names?: Readonly<Record<string, string>>;
  /** This phone's own line is muted in the conference: a caller on deck, or on air and muted by the host. */
  muted?: boolean;
}

type Party = Extract<Hearing, { kind: 'conference' }>['hears'][number];

function voiceOf(party: Party, names: Readonly<Record<string, string>>): string {
  if (party.identity) return names[party.identity] ?? 'someone from the studio';
  return /^\+\d+$/.test(party.from) ? `the caller on ${party.from}` : 'another caller';
}

/** An announcement over it, such as a waiting caller's "You are caller 3" cue. */
function withAnnouncement(base: string, announcement: string | null): string {
  return announcement ? `${base} Announcement: “${announcement}”` : base;
}

/** What a phone hears, in the words a person would use. */
export function describeHearing(hearing: Hearing | null | undefined, context: HearingContext = {}): string {
  if (!hearing) return 'Nothing: the call has ended.';
  switch (hearing.kind) {
    case 'ringing':
      return 'Ringing…';
    case 'say':
      return `A voice says: “${hearing.text}”`;
    case 'play':
      return 'Recorded audio is playing.';
    case 'silence':
      return 'Silence.';
    case 'wait':
      return withAnnouncement(
        hearing.text ? `Waiting: “${hearing.text}” and hold music.` : 'Hold music while waiting.',
        hearing.announcement,
      );
    case 'hold':
      return withAnnouncement(hearing.text ? `On hold: “${hearing.text}”.` : 'Hold audio.', hearing.announcement);
    case 'conference': {
      const voices = hearing.hears.map((party) => voiceOf(party, context.names ?? {}));
      const talk = context.muted
        ? `Listening to the show${voices.length ? `: ${voices.join(', ')}` : ''} (your line is muted: the show does not hear you).`
        : voices.length
          ? `Talking with ${voices.join(', ')}.`
          : 'An open line: nobody is speaking.';
      return withAnnouncement(talk, hearing.announcement);
    }
  }
}

/** A made-up caller number in the North American fictional range (555-01xx). */
export function madeUpNumber(random: () => number = Math.random): string {
  const area = 200 + Math.floor(random() * 700);
  const line = String(Math.floor(random() * 100)).padStart(2, '0');
  return `+1${area}55501${line}`;
}
