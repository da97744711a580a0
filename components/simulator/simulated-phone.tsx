'use client';

import { useState } from 'react';
import { describeHearing } from '@/lib/simulator/describe-hearing';
import type { PhoneView, PhoneVoice } from './emulator-phone-api';

const KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '*', '0', '#'];
export const ENDED_STATUSES: ReadonlySet<string> = new Set(['completed', 'busy', 'failed', 'no-answer', 'canceled']);

export function SimulatedPhone({
  phone,
  staffNames,
  onPress,
  onHangUp,
  onSpeak,
  microphone = false,
}: {
  phone: PhoneView;
  staffNames?: Record<string, string>;
  onPress: (key: string) => void;
  onHangUp: () => void;
  onSpeak: (voice: PhoneVoice) => void;
  /** This phone is the person's own browser: their microphone is its voice. */
  microphone?: boolean;
}) {
  const ended = ENDED_STATUSES.has(phone.status);
  return (
    <li className="rounded-lg border border-studio-700 bg-studio-900 p-4" aria-label={`Phone ${phone.from}`}>
      <div className="mb-2 flex flex-wrap items-baseline gap-3">
        <span className="font-mono text-lg">{phone.from}</span>
        <span className="rounded bg-studio-700 px-2 py-0.5 text-xs uppercase">{phone.status}</span>
      </div>
      <p className="mb-3 min-h-12 text-studio-50" aria-live="polite">
        <span className="text-studio-400">Hears: </span>
        {ended
          ? 'Nothing: the call has ended.'
          : describeHearing(phone.hears, { names: staffNames, muted: phone.participant?.muted })}
      </p>
      {!ended && (
        <div className="flex flex-wrap items-end gap-4">
          <div className="grid grid-cols-3 gap-1" role="group" aria-label={`Keypad of ${phone.from}`}>
            {KEYS.map((key) => (
              <button
                key={key}
                type="button"
                onClick={() => onPress(key)}
                className="h-11 w-11 rounded bg-studio-700 font-mono hover:bg-studio-600"
                aria-label={`Press ${key}`}
              >
                {key}
              </button>
            ))}
          </div>
          <button
            type="button"
            onClick={onHangUp}
            className="min-h-11 rounded-md bg-onair-fill px-4 py-2 font-semibold text-white hover:bg-red-800"
          >
            Hang up {phone.from}
          </button>
          {microphone ? (
            <p className="text-sm text-studio-200">
              Your microphone is this caller&rsquo;s voice; you hear what the caller hears.
            </p>
          ) : (
            <PhoneVoicePicker from={phone.from} onSpeak={onSpeak} />
          )}
        </div>
      )}
    </li>
  );
}

/** A simulated caller without a microphone speaks a tone or a WAV file (looped), or stays silent. */
function PhoneVoicePicker({ from, onSpeak }: { from: string; onSpeak: (voice: PhoneVoice) => void }) {
  const [kind, setKind] = useState<PhoneVoice['kind']>('silence');
  const [frequency, setFrequency] = useState(440);
  const [url, setUrl] = useState('');
  return (
    <form
      className="flex flex-wrap items-end gap-2 text-sm"
      aria-label={`Voice of ${from}`}
      onSubmit={(event) => {
        event.preventDefault();
        onSpeak(kind === 'tone' ? { kind, frequency } : kind === 'wav' ? { kind, url } : { kind: 'silence' });
      }}
    >
      <label className="flex flex-col gap-1 text-studio-200">
        Caller speaks
        <select
          value={kind}
          onChange={(e) => setKind(e.target.value as PhoneVoice['kind'])}
          className="min-h-11 rounded-md border border-studio-600 bg-studio-900 px-2"
        >
          <option value="silence">Silence</option>
          <option value="tone">A tone</option>
          <option value="wav">A WAV file</option>
        </select>
      </label>
      {kind === 'tone' && (
        <label className="flex flex-col gap-1 text-studio-200">
          Hz
          <input
            type="number"
            min={100}
            max={3400}
            value={frequency}
            onChange={(e) => setFrequency(Number(e.target.value))}
            className="min-h-11 w-24 rounded-md border border-studio-600 bg-studio-900 px-2"
          />
        </label>
      )}
      {kind === 'wav' && (
        <label className="flex flex-col gap-1 text-studio-200">
          WAV address
          <input
            type="url"
            required
            value={url}
            onChange={(e) => setUrl(e.target.value)}
            placeholder="http://127.0.0.1:3000/…wav"
            className="min-h-11 w-56 rounded-md border border-studio-600 bg-studio-900 px-2"
          />
        </label>
      )}
      <button type="submit" className="min-h-11 rounded-md border border-studio-600 px-3 hover:bg-studio-700">
        Speak
      </button>
    </form>
  );
}
