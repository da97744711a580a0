import { z } from 'zod';

/** An E.164 phone number: +, a country code that does not start with 0, 7 to 15 digits in all. */
export const E164_PATTERN = /^\+[1-9]\d{6,14}$/;

export const e164 = z
  .string()
  .trim()
  .regex(
    E164_PATTERN,
    'Use the international E.164 format: + then country code and number, digits only (e.g. +14155550123).',
  );

export const email = z
  .string()
  .trim()
  .toLowerCase()
  .min(1, 'Enter an email address.')
  .max(254)
  .email('Enter a valid email address.');

export const personName = z.string().trim().min(1, 'Enter a name.').max(100, 'Keep the name under 100 characters.');

export const newPassword = z
  .string()
  .min(10, 'Use at least 10 characters.')
  .max(200, 'Keep the password under 200 characters.');

export const uuid = z.string().uuid('That id is not valid.');

/** An empty form field means "not set". */
export const optionalText = (max: number, tooLong: string) =>
  z
    .string()
    .trim()
    .max(max, tooLong)
    .transform((value) => (value === '' ? null : value))
    .nullable()
    .optional();
