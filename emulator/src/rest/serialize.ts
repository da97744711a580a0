import { API_VERSION } from '../constants';
import { rfc2822, rfc2822OrNull } from '../dates';
import { durationSeconds } from '../engine/call-status';
import type {
  ApiKeyRecord,
  ApplicationRecord,
  CallRecord,
  ConferenceRecord,
  IncomingNumberRecord,
  ParticipantRecord,
} from '../types';

const base = (accountSid: string) => `/${API_VERSION}/Accounts/${accountSid}`;

export function callJson(accountSid: string, call: CallRecord): Record<string, unknown> {
  const uri = `${base(accountSid)}/Calls/${call.sid}`;
  return {
    sid: call.sid,
    date_created: rfc2822(call.dateCreated),
    date_updated: rfc2822(call.dateUpdated),
    parent_call_sid: call.parentCallSid,
    account_sid: accountSid,
    to: call.to,
    to_formatted: call.to,
    from: call.from,
    from_formatted: call.from,
    phone_number_sid: call.phoneNumberSid,
    status: call.status,
    start_time: rfc2822OrNull(call.startTime),
    end_time: rfc2822OrNull(call.endTime),
    duration: call.endTime === null ? null : String(durationSeconds(call)),
    price: null,
    price_unit: 'USD',
    direction: call.direction,
    answered_by: null,
    api_version: API_VERSION,
    forwarded_from: null,
    group_sid: null,
    caller_name: null,
    queue_time: '0',
    trunk_sid: null,
    uri: `${uri}.json`,
    subresource_uris: {
      notifications: `${uri}/Notifications.json`,
      recordings: `${uri}/Recordings.json`,
      payments: `${uri}/Payments.json`,
      events: `${uri}/Events.json`,
      siprec: `${uri}/Siprec.json`,
      streams: `${uri}/Streams.json`,
      transcriptions: `${uri}/Transcriptions.json`,
      user_defined_message_subscriptions: `${uri}/UserDefinedMessageSubscriptions.json`,
      user_defined_messages: `${uri}/UserDefinedMessages.json`,
    },
  };
}

export function conferenceJson(accountSid: string, conference: ConferenceRecord): Record<string, unknown> {
  const uri = `${base(accountSid)}/Conferences/${conference.sid}`;
  return {
    account_sid: accountSid,
    date_created: rfc2822(conference.dateCreated),
    date_updated: rfc2822(conference.dateUpdated),
    api_version: API_VERSION,
    friendly_name: conference.friendlyName,
    region: 'us1',
    sid: conference.sid,
    status: conference.status,
    uri: `${uri}.json`,
    subresource_uris: { participants: `${uri}/Participants.json`, recordings: `${uri}/Recordings.json` },
    reason_conference_ended: conference.reasonEnded,
    call_sid_ending_conference: conference.callSidEndingConference,
  };
}

export function participantJson(accountSid: string, participant: ParticipantRecord): Record<string, unknown> {
  return {
    account_sid: accountSid,
    call_sid: participant.callSid,
    label: participant.label,
    call_sid_to_coach: participant.callSidToCoach,
    coaching: participant.coaching,
    conference_sid: participant.conferenceSid,
    date_created: rfc2822(participant.dateCreated),
    date_updated: rfc2822(participant.dateUpdated),
    end_conference_on_exit: participant.endConferenceOnExit,
    muted: participant.muted,
    hold: participant.hold,
    start_conference_on_enter: participant.startConferenceOnEnter,
    status: participant.status,
    queue_time: '0',
    uri: `${base(accountSid)}/Conferences/${participant.conferenceSid}/Participants/${participant.callSid}.json`,
  };
}

export function numberJson(accountSid: string, number: IncomingNumberRecord): Record<string, unknown> {
  const uri = `${base(accountSid)}/IncomingPhoneNumbers/${number.sid}`;
  return {
    account_sid: accountSid,
    address_sid: null,
    address_requirements: 'none',
    api_version: API_VERSION,
    beta: false,
    capabilities: { voice: true, sms: false, mms: false, fax: false },
    date_created: rfc2822(number.dateCreated),
    date_updated: rfc2822(number.dateUpdated),
    friendly_name: number.friendlyName,
    identity_sid: null,
    phone_number: number.phoneNumber,
    origin: 'twilio',
    sid: number.sid,
    sms_application_sid: null,
    sms_fallback_method: 'POST',
    sms_fallback_url: null,
    sms_method: 'POST',
    sms_url: null,
    status_callback: number.statusCallback,
    status_callback_method: number.statusCallbackMethod,
    trunk_sid: null,
    uri: `${uri}.json`,
    voice_receive_mode: 'voice',
    voice_application_sid: number.voiceApplicationSid,
    voice_caller_id_lookup: false,
    voice_fallback_method: number.voiceFallbackMethod,
    voice_fallback_url: number.voiceFallbackUrl,
    voice_method: number.voiceMethod,
    voice_url: number.voiceUrl,
    emergency_status: 'Inactive',
    emergency_address_sid: null,
    emergency_address_status: 'unregistered',
    bundle_sid: null,
    status: 'in-use',
    subresource_uris: { assigned_add_ons: `${uri}/AssignedAddOns.json` },
  };
}

export function applicationJson(accountSid: string, app: ApplicationRecord): Record<string, unknown> {
  return {
    account_sid: accountSid,
    api_version: API_VERSION,
    date_created: rfc2822(app.dateCreated),
    date_updated: rfc2822(app.dateUpdated),
    friendly_name: app.friendlyName,
    message_status_callback: null,
    sid: app.sid,
    sms_fallback_method: 'POST',
    sms_fallback_url: null,
    sms_method: 'POST',
    sms_status_callback: null,
    sms_url: null,
    status_callback: app.statusCallback,
    status_callback_method: app.statusCallbackMethod,
    uri: `${base(accountSid)}/Applications/${app.sid}.json`,
    voice_caller_id_lookup: false,
    voice_fallback_method: app.voiceFallbackMethod,
    voice_fallback_url: app.voiceFallbackUrl,
    voice_method: app.voiceMethod,
    voice_url: app.voiceUrl,
    public_application_connect_enabled: false,
  };
}

export function keyJson(key: ApiKeyRecord, withSecret: boolean): Record<string, unknown> {
  return {
    sid: key.sid,
    friendly_name: key.friendlyName,
    date_created: rfc2822(key.dateCreated),
    date_updated: rfc2822(key.dateUpdated),
    ...(withSecret ? { secret: key.secret } : {}),
  };
}
