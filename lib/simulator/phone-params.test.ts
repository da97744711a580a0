import { describe, expect, it } from 'vitest';
import { PHONE_FROM_PARAM, PHONE_TO_PARAM } from '@/emulator';
import { SIMULATED_PHONE_PARAMS } from './phone-params';

describe('the simulator with a microphone', () => {
  it('names the connect params exactly as the emulator reads them', () => {
    expect(SIMULATED_PHONE_PARAMS).toEqual({ from: PHONE_FROM_PARAM, to: PHONE_TO_PARAM });
  });
});
