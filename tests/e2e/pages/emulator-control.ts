import { expect } from '@playwright/test';

export interface HeardParty {
  callSid: string;
  label: string | null;
  from: string;
  identity: string | null;
}

export type Hearing =
  | { kind: 'ringing' | 'say' | 'play' | 'silence'; text?: string }
  | { kind: 'wait' | 'hold'; friendlyName: string }
  | { kind: 'conference'; friendlyName: string; hears: HeardParty[] };

export interface EmulatorCallView {
  sid: string;
  status: string;
  from: string;
  room: string | null;
  participant: { muted: boolean; hold: boolean; label: string | null } | null;
  hears: Hearing | null;
}

/** The emulator's control API: ring the show from a simulated phone, hang up, and ask what a phone hears now. */
export class EmulatorControl {
  constructor(private readonly baseUrl: string) {}

  async ring(from: string, to: string): Promise<string> {
    const response = await fetch(`${this.baseUrl}/_emulator/calls`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ from, to }),
    });
    expect(response.status, await response.clone().text()).toBe(201);
    return ((await response.json()) as { sid: string }).sid;
  }

  async hangUp(sid: string): Promise<void> {
    const response = await fetch(`${this.baseUrl}/_emulator/calls/${sid}/hangup`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect(response.ok).toBe(true);
  }

  /** Ends every live call, so that a test starts with no caller or headset left over from an earlier one. */
  async hangUpEverything(): Promise<void> {
    const state = (await (await fetch(`${this.baseUrl}/_emulator/state`)).json()) as {
      calls: { sid: string; status: string }[];
    };
    for (const call of state.calls) {
      if (['queued', 'ringing', 'in-progress'].includes(call.status)) await this.hangUp(call.sid);
    }
  }

  /** The CallSid of the live call from `from`, once the emulator has it (a call the browser made, say). */
  async liveCallFrom(from: string, timeout = 15_000): Promise<string> {
    let sid: string | undefined;
    await expect
      .poll(
        async () => {
          const state = (await (await fetch(`${this.baseUrl}/_emulator/state`)).json()) as {
            calls: { sid: string; from: string; status: string }[];
          };
          sid = state.calls.find((c) => c.from === from && ['ringing', 'in-progress'].includes(c.status))?.sid;
          return sid;
        },
        { message: `a live call from ${from}`, timeout },
      )
      .toBeTruthy();
    return sid as string;
  }

  /** Keys pressed on the phone: `*` leaves a hangupOnStar room, a running Gather hears the rest. */
  async press(sid: string, digits: string): Promise<{ leftConference: boolean; gathered: boolean }> {
    const response = await fetch(`${this.baseUrl}/_emulator/calls/${sid}/digits`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ digits }),
    });
    expect(response.ok, await response.clone().text()).toBe(true);
    return (await response.json()) as { leftConference: boolean; gathered: boolean };
  }

  /** How the simulated phone at `number` answers calls placed to it, after `delayMs` of ringing. */
  async answerPolicy(number: string, answer: 'answer' | 'busy' | 'no-answer' | 'failed', delayMs: number) {
    const response = await fetch(`${this.baseUrl}/_emulator/numbers/${encodeURIComponent(number)}/policy`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ answer, delayMs }),
    });
    expect(response.ok, await response.clone().text()).toBe(true);
  }

  /** The CallSid of the latest call the app placed to `to` (a ringback), once the emulator has it. */
  async latestCallTo(to: string, timeout = 15_000): Promise<string> {
    let sid: string | undefined;
    await expect
      .poll(
        async () => {
          const state = (await (await fetch(`${this.baseUrl}/_emulator/state`)).json()) as {
            calls: { sid: string; to: string; direction: string }[];
          };
          sid = state.calls.filter((c) => c.to === to && c.direction !== 'inbound').at(-1)?.sid;
          return sid;
        },
        { message: `a call placed to ${to}`, timeout },
      )
      .toBeTruthy();
    return sid as string;
  }

  async call(sid: string): Promise<EmulatorCallView> {
    const response = await fetch(`${this.baseUrl}/_emulator/calls/${sid}`);
    expect(response.ok).toBe(true);
    return (await response.json()) as EmulatorCallView;
  }

  /** Waits until the phone's state satisfies `check` (the emulator moves calls asynchronously, like Twilio). */
  async waitFor(
    sid: string,
    description: string,
    check: (call: EmulatorCallView) => boolean,
    timeout = 15_000,
  ): Promise<EmulatorCallView> {
    let last: EmulatorCallView | undefined;
    await expect
      .poll(
        async () => {
          last = await this.call(sid);
          return check(last);
        },
        {
          message: `${description} (last: ${JSON.stringify(last && { status: last.status, room: last.room, participant: last.participant, hears: last.hears })})`,
          timeout,
        },
      )
      .toBe(true);
    return last as EmulatorCallView;
  }
}

/** True when the phone hears a conference in which a staff browser (identity user-...) is one of the voices. */
export function hearsStaff(call: EmulatorCallView): boolean {
  return call.hears?.kind === 'conference' && call.hears.hears.some((p) => p.identity?.startsWith('user-'));
}

export function hearsCaller(call: EmulatorCallView, otherSid: string): boolean {
  return call.hears?.kind === 'conference' && call.hears.hears.some((p) => p.callSid === otherSid);
}
