import * as callbackChoice from '@/app/api/twilio/callback-choice/route';
import * as callbackOffer from '@/app/api/twilio/callback-offer/route';
import * as conferenceStatus from '@/app/api/twilio/conference-status/route';
import * as cue from '@/app/api/twilio/cue/route';
import * as device from '@/app/api/twilio/device/route';
import * as dialAction from '@/app/api/twilio/dial-action/route';
import * as ringback from '@/app/api/twilio/ringback/route';
import * as status from '@/app/api/twilio/status/route';
import * as voice from '@/app/api/twilio/voice/route';
import type { RouteEntries } from './route-server';

/** Every webhook Twilio sends the app, by path; importing this module afresh loads fresh app modules. */
export const TWILIO_ROUTES: RouteEntries = {
  '/api/twilio/voice': voice,
  '/api/twilio/device': device,
  '/api/twilio/dial-action': dialAction,
  '/api/twilio/status': status,
  '/api/twilio/conference-status': conferenceStatus,
  '/api/twilio/cue': cue,
  '/api/twilio/callback-choice': callbackChoice,
  '/api/twilio/callback-offer': callbackOffer,
  '/api/twilio/ringback': ringback,
};
