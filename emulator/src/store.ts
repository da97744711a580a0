import type { HearingSegment } from './engine/hearing-types';
import type {
  ApiKeyRecord,
  ApplicationRecord,
  CallRecord,
  ClientRegistration,
  ConferenceRecord,
  IncomingNumberRecord,
  NotificationRecord,
  NumberPolicy,
  ParticipantRecord,
  WebhookLogEntry,
} from './types';

/** Everything the emulator knows; plain maps so a reset is a new Store. */
export class Store {
  readonly calls = new Map<string, CallRecord>();
  readonly conferences = new Map<string, ConferenceRecord>();
  /** Live participants keyed by CallSid: a call is in at most one conference. */
  readonly participants = new Map<string, ParticipantRecord>();
  readonly numbers = new Map<string, IncomingNumberRecord>();
  readonly applications = new Map<string, ApplicationRecord>();
  readonly keys = new Map<string, ApiKeyRecord>();
  readonly webhooks: WebhookLogEntry[] = [];
  readonly notifications: NotificationRecord[] = [];
  readonly timelines = new Map<string, HearingSegment[]>();
  readonly policies = new Map<string, NumberPolicy>();
  readonly clients = new Map<string, ClientRegistration>();
  nextWebhookId = 1;

  liveConferenceByName(friendlyName: string): ConferenceRecord | undefined {
    for (const conference of this.conferences.values()) {
      if (conference.friendlyName === friendlyName && conference.status !== 'completed') return conference;
    }
    return undefined;
  }

  numberByPhone(phoneNumber: string): IncomingNumberRecord | undefined {
    for (const number of this.numbers.values()) if (number.phoneNumber === phoneNumber) return number;
    return undefined;
  }

  participantsOf(conference: ConferenceRecord): ParticipantRecord[] {
    return conference.participantCallSids
      .map((sid) => this.participants.get(sid))
      .filter((p): p is ParticipantRecord => p !== undefined);
  }
}
