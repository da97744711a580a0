import twilio from 'twilio';

/** Every TwiML document the app sends is built here, with the official VoiceResponse. */

export const CONFERENCE_EVENTS = ['start', 'end', 'join', 'leave', 'mute', 'hold'] as const;

export const MESSAGES = {
  blocked: 'Sorry, we are not able to take your call. Goodbye.',
  withheldRefused:
    'Sorry, this show does not take calls from withheld numbers. Please call again with your number shown. Goodbye.',
  queueFull: 'All of our lines are busy right now. Please try again a little later. Goodbye.',
  rejected: 'Thank you for calling. We are not able to put you on the air today. Goodbye.',
  dropped: 'Thank you for calling the show. Goodbye.',
  unknownNumber: 'This number is not in service. Goodbye.',
  notAllowed: 'You are not allowed to join this room. Goodbye.',
  unavailable: 'Sorry, we cannot take your call right now. Please try again in a few minutes. Goodbye.',
  showEnded: 'The show has ended for today. Thank you for calling, and goodbye.',
  youreNext: "You're next. Stay on the line: the host will be with you in a moment.",
  /** Spoken into a waiting caller's hold room once they have waited the show's callback wait. */
  callbackOffer: "Rather not hold? Press star and we'll call you back. You keep your place in the queue.",
  callbackMenu: 'To be called back, keeping your place in the queue, press 1. To keep holding, press 2.',
  /** A ringback answered after the screener stopped it. */
  ringbackStopped: 'Sorry, we will have to call you back a little later. Goodbye.',
} as const;

/** What a waiting caller hears when their place changes: "You are caller 3", and the wait when there is a pace. */
export function positionCueText(position: number, waitSeconds: number | null): string {
  const place = `You are caller ${position}.`;
  if (waitSeconds === null) return `${place} Thank you for holding.`;
  const minutes = Math.round(waitSeconds / 60);
  const wait = minutes < 1 ? 'less than a minute' : minutes === 1 ? 'about one minute' : `about ${minutes} minutes`;
  return `${place} Your estimated wait is ${wait}.`;
}

/** An announcement to one participant (AnnounceUrl): only Say, Play, Pause and Redirect are allowed there. */
export function announcementTwiml(text: string | null): string {
  const response = new twilio.twiml.VoiceResponse();
  if (text) response.say(text);
  return response.toString();
}

/** How long the callback menu waits for a key after its prompt before the caller goes back to holding. */
export const CALLBACK_MENU_TIMEOUT_SECONDS = 5;

/** The goodbye of a caller who chose a callback: the last four digits say which phone will ring. */
export function callbackConfirmation(phoneNumber: string): string {
  const lastFour = phoneNumber.replace(/\D/g, '').slice(-4).split('').join(' ');
  return `Thank you. We'll call you back at the number ending ${lastFour}, and you keep your place in the queue. Goodbye.`;
}

export interface ConferenceUrls {
  /** Hold audio played while a conference waits to start: a static file (TwiML or audio), fetched with GET. */
  waitUrl: string;
  conferenceStatus: string;
}

export interface CallerPlacement {
  room: string;
  muted: boolean;
  /** Where the call asks again when it leaves the conference without being moved by us. */
  dialAction: string;
  /** Said once, at the door. */
  greeting?: string;
  /** Star takes the caller out of the room to the Dial action (where the callback menu is). */
  hangupOnStar?: boolean;
  /** Before rejoining the room: the callback menu, whose key goes to this URL (no key: the room again). */
  callbackMenuAction?: string;
}

function conferenceAttributes(urls: ConferenceUrls) {
  // Every participant passes the same callback: the first one to join sets it for the whole conference.
  return {
    beep: 'false' as const,
    waitUrl: urls.waitUrl,
    // GET: a static file, which Twilio may cache (error 13234's page).
    waitMethod: 'GET',
    statusCallback: urls.conferenceStatus,
    statusCallbackMethod: 'POST',
    statusCallbackEvent: [...CONFERENCE_EVENTS],
  };
}

/** A caller joins its room; it never starts the conference, so alone it hears the wait audio, never silence. */
export function callerPlacementTwiml(placement: CallerPlacement, urls: ConferenceUrls): string {
  const response = new twilio.twiml.VoiceResponse();
  if (placement.greeting) response.say(placement.greeting);
  if (placement.callbackMenuAction) {
    response
      .gather({
        input: ['dtmf'],
        numDigits: 1,
        timeout: CALLBACK_MENU_TIMEOUT_SECONDS,
        action: placement.callbackMenuAction,
        method: 'POST',
      })
      .say(MESSAGES.callbackMenu);
  }
  const dial = response.dial({
    action: placement.dialAction,
    method: 'POST',
    ...(placement.hangupOnStar ? { hangupOnStar: true } : {}),
  });
  dial.conference(
    {
      ...conferenceAttributes(urls),
      muted: placement.muted,
      startConferenceOnEnter: false,
      endConferenceOnExit: false,
    },
    placement.room,
  );
  return response.toString();
}

export interface StaffPlacement {
  room: string;
  label: string;
  /** Screeners end their room on leaving, so the caller with them goes back to the queue at once. */
  endConferenceOnExit: boolean;
}

/** A host's or screener's browser joins its room and starts it. */
export function staffPlacementTwiml(placement: StaffPlacement, urls: ConferenceUrls): string {
  const response = new twilio.twiml.VoiceResponse();
  const dial = response.dial();
  dial.conference(
    {
      ...conferenceAttributes(urls),
      participantLabel: placement.label,
      startConferenceOnEnter: true,
      endConferenceOnExit: placement.endConferenceOnExit,
    },
    placement.room,
  );
  return response.toString();
}

/** A short message, then the call ends. */
export function farewellTwiml(message: string | null): string {
  const response = new twilio.twiml.VoiceResponse();
  if (message) response.say(message);
  response.hangup();
  return response.toString();
}

/**
 * The door's answer when it cannot decide within its budget: a moment's pause, then Twilio asks the voice URL
 * again (same CallSid). By then the decision has committed, and the repeat is answered with the real placement.
 */
export function overflowHoldTwiml(voiceUrl: string): string {
  const response = new twilio.twiml.VoiceResponse();
  response.pause({ length: 1 });
  response.redirect({ method: 'POST' }, voiceUrl);
  return response.toString();
}

/** Wait and hold audio (public/twiml/hold.xml): only Play, Say, Pause and Redirect are allowed here; the music loops. */
export function holdAudioTwiml(audioUrl: string): string {
  const response = new twilio.twiml.VoiceResponse();
  response.play({ loop: 0 }, audioUrl);
  return response.toString();
}

/** Music once through, then the call asks the same webhook again (which failed on our side a moment ago). */
export function retryAfterHoldTwiml(audioUrl: string, retryUrl: string): string {
  const response = new twilio.twiml.VoiceResponse();
  response.play(audioUrl);
  response.redirect({ method: 'POST' }, retryUrl);
  return response.toString();
}

/**
 * The voice fallback (public/twiml/voice-fallback.xml, relative URLs): the caller waits in the lobby, which never
 * starts, hearing hold music; the reconciler sends them through the door once the app answers again. If they
 * hang up first, the Dial action tells the door so.
 */
export function lobbyTwiml(paths: { lobby: string; waitUrl: string; action: string }): string {
  const response = new twilio.twiml.VoiceResponse();
  const dial = response.dial({ action: paths.action, method: 'POST' });
  dial.conference(
    {
      beep: 'false',
      waitUrl: paths.waitUrl,
      waitMethod: 'GET',
      startConferenceOnEnter: false,
      endConferenceOnExit: false,
    },
    paths.lobby,
  );
  return response.toString();
}
