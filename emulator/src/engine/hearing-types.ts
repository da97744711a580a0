export interface HeardParty {
  callSid: string;
  label: string | null;
  from: string;
  identity: string | null;
}

export type Hearing =
  | { kind: 'ringing' }
  | { kind: 'say'; text: string }
  | { kind: 'play'; url: string }
  | { kind: 'silence'; reason: string }
  | {
      kind: 'wait';
      conferenceSid: string;
      friendlyName: string;
      url: string;
      audio: string | null;
      text: string | null;
      announcement: string | null;
    }
  | {
      kind: 'hold';
      conferenceSid: string;
      friendlyName: string;
      url: string;
      audio: string | null;
      text: string | null;
      announcement: string | null;
    }
  | {
      kind: 'conference';
      conferenceSid: string;
      friendlyName: string;
      hears: HeardParty[];
      announcement: string | null;
    };

export interface HearingSegment {
  hearing: Hearing;
  /** True when nothing audible reaches the party: silence, an empty mix, or wait/hold without audio. */
  silent: boolean;
  start: number;
  end: number | null;
}
