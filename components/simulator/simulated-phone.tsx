'use client';

import { describeHearing } from '@/lib/simulator/describe-hearing';
import type { PhoneView } from './emulator-phone-api';

const KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '*', '0', '#'];
const ENDED = new Set(['completed', 'busy', 'failed', 'no-answer', 'canceled']);

export function SimulatedPhone({ phone, staffNames, onPress, onHangUp }: { phone: PhoneView; staffNames?: Record<string, string>; onPress: (key: string) => void; onHangUp: () => void }) {
  const ended = ENDED.has(phone.status);
  return (
    <li className="rounded-lg border border-studio-700 bg-studio-900 p-4" aria-label={`Phone ${phone.from}`}>
      <div className="mb-2 flex flex-wrap items-baseline gap-3">
        <span className="font-mono text-lg">{phone.from}</span>
        <span className="rounded bg-studio-700 px-2 py-0.5 text-xs uppercase">{phone.status}</span>
      </div>
      <p className="mb-3 min-h-12 text-studio-50" aria-live="polite">
        <span className="text-studio-400">Hears: </span>
        {ended ? 'Nothing: the call has ended.' : describeHearing(phone.hears, { names: staffNames, muted: phone.participant?.muted })}
      </p>
      {!ended && (
        <div className="flex flex-wrap items-end gap-4">
          <div className="grid grid-cols-3 gap-1" role="group" aria-label={`Keypad of ${phone.from}`}>
            {KEYS.map((key) => (
              <button key={key} type="button" onClick={() => onPress(key)} className="h-11 w-11 rounded bg-studio-700 font-mono hover:bg-studio-600" aria-label={`Press ${key}`}>
                {key}
              </button>
            ))}
          </div>
          <button type="button" onClick={onHangUp} className="min-h-11 rounded-md bg-onair-fill px-4 py-2 font-semibold text-white hover:bg-red-800">
            Hang up {phone.from}
          </button>
        </div>
      )}
    </li>
  );
}
