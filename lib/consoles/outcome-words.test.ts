import { describe, expect, it } from 'vitest';
import { CALL_STATES } from '@/lib/telephony/call-session-machine';
import { describeState, isTerminal } from '@/lib/telephony/call-session-machine';
import { outcomeWords } from './outcome-words';

describe('outcomeWords', () => {
  it('says every finished state exactly as the call flow describes it', () => {
    for (const state of CALL_STATES.filter(isTerminal)) expect(outcomeWords(state)).toBe(describeState(state));
  });
});
