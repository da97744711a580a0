import { z } from 'zod';
import type { VoiceSettings } from '../types';
import { clearableUrl, formMethod } from './form';

/** The form fields that set VoiceSettings, as IncomingPhoneNumbers and Applications both accept them. */
export const voiceSettingsFields = {
  FriendlyName: z.string().max(64).optional(),
  VoiceUrl: clearableUrl.optional(),
  VoiceMethod: formMethod.optional(),
  VoiceFallbackUrl: clearableUrl.optional(),
  VoiceFallbackMethod: formMethod.optional(),
  StatusCallback: clearableUrl.optional(),
  StatusCallbackMethod: formMethod.optional(),
};

type VoiceSettingsInput = z.output<z.ZodObject<typeof voiceSettingsFields>>;

/** Twilio error codes for a malformed voice-settings field. */
export const VOICE_SETTINGS_CODES = { VoiceUrl: 21502, VoiceFallbackUrl: 21502, StatusCallback: 21502 };

/** Applies the fields that were sent; an empty URL clears it, as on Twilio. */
export function applyVoiceSettings(target: VoiceSettings, p: VoiceSettingsInput): void {
  const orNull = (v: string) => (v === '' ? null : v);
  if (p.FriendlyName !== undefined) target.friendlyName = p.FriendlyName;
  if (p.VoiceUrl !== undefined) target.voiceUrl = orNull(p.VoiceUrl);
  if (p.VoiceMethod !== undefined) target.voiceMethod = p.VoiceMethod;
  if (p.VoiceFallbackUrl !== undefined) target.voiceFallbackUrl = orNull(p.VoiceFallbackUrl);
  if (p.VoiceFallbackMethod !== undefined) target.voiceFallbackMethod = p.VoiceFallbackMethod;
  if (p.StatusCallback !== undefined) target.statusCallback = orNull(p.StatusCallback);
  if (p.StatusCallbackMethod !== undefined) target.statusCallbackMethod = p.StatusCallbackMethod;
  target.dateUpdated = Date.now();
}
