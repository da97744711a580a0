import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { issueMessage, parseFieldErrors } from './field-errors';

const schema = z
  .object({
    phoneNumber: z.string().regex(/^\+\d+$/, 'Use the international E.164 format, e.g. +14155550123.'),
    maxQueue: z.number(),
  })
  .strict();

function issues(raw: unknown) {
  const result = schema.safeParse(raw);
  if (result.success) throw new Error('expected a refusal');
  return result.error.issues;
}

describe('issueMessage', () => {
  it("keeps a schema's own message without the internal field name in front", () => {
    const [issue] = issues({ phoneNumber: '0415', maxQueue: 1 });
    expect(issueMessage(issue!)).toBe('Use the international E.164 format, e.g. +14155550123.');
  });

  it("replaces zod's generic wording by a sentence naming the field in words", () => {
    const [missing] = issues({ phoneNumber: '+1415' });
    expect(issueMessage(missing!)).toBe('Max queue is missing.');
    const [wrongType] = issues({ phoneNumber: '+1415', maxQueue: 'many' });
    expect(issueMessage(wrongType!)).toBe('Max queue is not valid.');
    const [extra] = issues({ phoneNumber: '+1415', maxQueue: 1, isAdmin: true });
    expect(issueMessage(extra!)).not.toMatch(/isAdmin/);
  });

  it('files each message under its field for forms', () => {
    const result = schema.safeParse({ phoneNumber: 'x' });
    expect(result.success).toBe(false);
    if (!result.success)
      expect(parseFieldErrors(result.error)).toEqual({
        phoneNumber: ['Use the international E.164 format, e.g. +14155550123.'],
        maxQueue: ['Max queue is missing.'],
      });
  });
});
