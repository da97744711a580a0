import { z } from 'zod';
import { WITHHELD_POLICIES } from '@/lib/db/schema';
import { e164, optionalText } from './fields';

export const showInput = z.object({
  name: z.string().trim().min(1, 'Give the show a name.').max(120, 'Keep the name under 120 characters.'),
  slug: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'Use lowercase letters, digits and single dashes (e.g. morning-call-in).')
    .max(60, 'Keep the slug under 60 characters.'),
  phoneNumber: e164,
  greeting: z.string().trim().min(1, 'Callers need a greeting.').max(500, 'Keep the greeting under 500 characters.'),
  offAirMessage: z
    .string()
    .trim()
    .min(1, 'Callers who ring while the lines are closed need a message.')
    .max(500, 'Keep the message under 500 characters.'),
  holdAudioUrl: optionalText(2000, 'That URL is too long.').pipe(
    z
      .string()
      .url('Enter a full http(s) URL to an audio file, or leave it empty for the default hold music.')
      .refine((value) => /^https?:\/\//.test(value), 'Hold audio must be an http or https URL.')
      .nullable()
      .optional(),
  ),
  maxQueue: z.coerce
    .number({ message: 'Enter a number.' })
    .int('Enter a whole number.')
    .min(1, 'Allow at least one waiting caller.')
    .max(250, 'A Twilio conference holds at most 250 participants; keep the queue at 250 or less.'),
  onAirLimit: z.coerce
    .number({ message: 'Enter a number.' })
    .int('Enter a whole number.')
    .min(1, 'Allow at least one caller on air.')
    .max(10, 'Keep the on-air limit at 10 or less: more voices than that is not a conversation.')
    .default(3),
  deckAudio: z.enum(['show', 'hold'], { message: 'Choose what callers on deck hear.' }),
  withheldPolicy: z
    .enum(WITHHELD_POLICIES, { message: 'Choose what happens to callers who withhold their number.' })
    .default('accept'),
  callbackOfferAfter: z.coerce
    .number({ message: 'Enter a number of seconds.' })
    .int('Enter a whole number of seconds.')
    .min(0, 'Enter 0 to turn callbacks off, or a number of seconds.')
    .max(3600, 'Offer the callback within an hour (3600 seconds).')
    .default(60),
  callbackRetry: z
    .enum(['retry', 'drop'], { message: 'Choose what happens when a callback is not answered.' })
    .default('retry')
    .transform((value) => value === 'retry'),
});
