import type { Hearing } from '@/emulator';

/** What a phone hears, in the words a person would use. */
export function describeHearing(hearing: Hearing | null | undefined): string {
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
      return hearing.text ? `Waiting: “${hearing.text}” and hold music.` : 'Hold music while waiting.';
    case 'hold':
      return hearing.text ? `On hold: “${hearing.text}”.` : 'Hold audio.';
    case 'conference': {
      const voices = hearing.hears.map((party) => party.identity ?? party.label ?? 'another caller');
      const talk = voices.length ? `Talking with ${voices.join(', ')}.` : 'An open line: nobody is speaking.';
      return hearing.announcement ? `${talk} Announcement: “${hearing.announcement}”` : talk;
    }
  }
}

/** A made-up caller number in the North American fictional range (555-01xx). */
export function madeUpNumber(random: () => number = Math.random): string {
  const area = 200 + Math.floor(random() * 700);
  const line = String(Math.floor(random() * 100)).padStart(2, '0');
  return `+1${area}55501${line}`;
}
