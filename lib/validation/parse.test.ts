import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AppError } from '@/lib/errors';
import { MAX_INPUT_DEPTH, NUL_MESSAGE, parseInput, TOO_DEEP_MESSAGE } from './parse';

function nested(depth: number): unknown {
  let value: unknown = 'x';
  for (let level = 0; level < depth; level++) value = [value];
  return value;
}

function refusal(run: () => unknown): AppError {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('parseInput', () => {
  const schema = z.object({ name: z.string().optional() });

  it('refuses input nested thousands of levels deep with a 400 that says so, instead of overflowing the stack', () => {
    const error = refusal(() => parseInput(schema, nested(3000)));
    expect(error.code).toBe('bad_request:request');
    expect(error.message).toBe(TOO_DEEP_MESSAGE);
  });

  it('still walks input as deep as the limit, and finds a NUL there', () => {
    const deepest = nested(MAX_INPUT_DEPTH - 1);
    expect(parseInput(z.unknown(), deepest)).toBe(deepest);
    const withNul = refusal(() => parseInput(z.unknown(), [[['a\u0000b']]]));
    expect(withNul.message).toBe(`0.0.0: ${NUL_MESSAGE}`);
  });
});
