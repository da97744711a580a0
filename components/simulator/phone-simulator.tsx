'use client';

import { useCallback, useEffect, useState } from 'react';
import { madeUpNumber } from '@/lib/simulator/describe-hearing';
import { withLivePhones } from '@/lib/simulator/live-phones';
import type { VoicePass } from '@/lib/audio/console-audio';
import { emulatorPhones, type PhoneView } from './emulator-phone-api';
import { useMicrophonePhone } from './use-microphone-phone';
import { ENDED_STATUSES, SimulatedPhone } from './simulated-phone';

interface ShowOption {
  name: string;
  phoneNumber: string;
}

const POLL_MS = 700;

export function PhoneSimulator({
  shows,
  emulatorUrl,
  staffNames = {},
  phonePass = null,
}: {
  shows: ShowOption[];
  emulatorUrl: string;
  staffNames?: Record<string, string>;
  phonePass?: VoicePass | null;
}) {
  const callWithMicrophone = useMicrophonePhone(phonePass);
  const [micSids, setMicSids] = useState<string[]>([]);
  const [to, setTo] = useState(shows[0]?.phoneNumber ?? '');
  const [from, setFrom] = useState(() => madeUpNumber());
  const [phones, setPhones] = useState<PhoneView[]>([]);
  const [error, setError] = useState<string | null>(null);
  const api = emulatorPhones(emulatorUrl);

  const report = (e: unknown) =>
    setError(e instanceof Error ? `${e.message}` : 'The emulator did not answer. Is it running?');

  const ring = useCallback(
    async (numbers: string[]) => {
      setError(null);
      try {
        const rung = await Promise.all(
          numbers.map(async (number) => ({
            sid: (await emulatorPhones(emulatorUrl).ring(number, to)).sid,
            from: number,
          })),
        );
        const ringing = rung.map(({ sid, from: number }): PhoneView => ({
          sid,
          from: number,
          to,
          status: 'ringing',
          room: null,
          hears: { kind: 'ringing' },
        }));
        setPhones((current) => [...ringing, ...current]);
        setFrom(madeUpNumber());
      } catch (e) {
        report(e);
      }
    },
    [emulatorUrl, to],
  );

  // A reload forgets the phones this page rang; those still on a call come back so they can be hung up.
  useEffect(() => {
    emulatorPhones(emulatorUrl)
      .calls()
      .then((calls) => setPhones((current) => withLivePhones(current, calls)), report);
  }, [emulatorUrl]);

  // An ended call never comes back: only live phones are asked about.
  const sids = phones
    .filter((phone) => !ENDED_STATUSES.has(phone.status))
    .map((phone) => phone.sid)
    .join(',');
  useEffect(() => {
    if (!sids) return;
    const timer = setInterval(() => {
      void (async () => {
        try {
          const views = await Promise.all(
            sids.split(',').map((sid) =>
              emulatorPhones(emulatorUrl)
                .view(sid)
                .catch((e: unknown): { sid: string; forgotten: true } => {
                  if ((e as { status?: number }).status === 404) return { sid, forgotten: true };
                  throw e;
                }),
            ),
          );
          // Merged, not replaced: a phone rung while this poll was out must not vanish from the list. A call the
          // emulator no longer knows (npm run dev restarted) is over, not an error to repeat every poll.
          setPhones((current) =>
            current.map((phone) => {
              const view = views.find((v) => v.sid === phone.sid);
              if (!view) return phone;
              return 'forgotten' in view ? { ...phone, status: 'completed' } : view;
            }),
          );
        } catch (e) {
          report(e);
        }
      })();
    }, POLL_MS);
    return () => clearInterval(timer);
  }, [sids, emulatorUrl]);

  if (shows.length === 0)
    return <p className="text-studio-400">There is no show to ring yet. A producer can create one under Shows.</p>;

  return (
    <div className="space-y-6">
      <form
        className="flex flex-wrap items-end gap-4 rounded-lg border border-studio-700 bg-studio-900 p-4"
        onSubmit={(event) => {
          event.preventDefault();
          void ring([from]);
        }}
      >
        <div>
          <label htmlFor="sim-to" className="mb-1 block text-sm text-studio-200">
            Show to ring
          </label>
          <select
            id="sim-to"
            value={to}
            onChange={(event) => setTo(event.target.value)}
            className="min-h-11 rounded-md border border-studio-600 bg-studio-900 px-3"
          >
            {shows.map((show) => (
              <option key={show.phoneNumber} value={show.phoneNumber}>
                {show.name} ({show.phoneNumber})
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="sim-from" className="mb-1 block text-sm text-studio-200">
            Your made-up number
          </label>
          <input
            id="sim-from"
            value={from}
            onChange={(event) => setFrom(event.target.value)}
            className="min-h-11 rounded-md border border-studio-600 bg-studio-900 px-3 font-mono"
          />
        </div>
        <button
          type="submit"
          className="min-h-11 rounded-md bg-ready px-5 font-semibold text-studio-950 hover:bg-green-400"
        >
          Call the show
        </button>
        {phonePass && (
          <button
            type="button"
            onClick={() => {
              setError(null);
              const number = from;
              callWithMicrophone(number, to).then((sid) => {
                setMicSids((current) => [...current, sid]);
                setPhones((current) => [
                  { sid, from: number, to, status: 'in-progress', room: null, hears: { kind: 'ringing' } },
                  ...current,
                ]);
                setFrom(madeUpNumber());
              }, report);
            }}
            className="min-h-11 rounded-md border border-ready px-4 font-semibold text-ready hover:bg-studio-700"
          >
            Call with my microphone (headphones on)
          </button>
        )}
        <button
          type="button"
          onClick={() => void ring(Array.from({ length: 10 }, () => madeUpNumber()))}
          className="min-h-11 rounded-md border border-studio-600 px-4 hover:bg-studio-700"
        >
          Ring ten callers at once
        </button>
      </form>
      {error && (
        <p role="alert" className="rounded-md bg-red-950 px-3 py-2 text-red-200">
          {error}
        </p>
      )}
      <ul className="grid gap-4 md:grid-cols-2" aria-label="Simulated phones">
        {phones.map((phone) => (
          <SimulatedPhone
            key={phone.sid}
            phone={phone}
            staffNames={staffNames}
            onPress={(key) => void api.press(phone.sid, key).catch(report)}
            onHangUp={() => void api.hangUp(phone.sid).catch(report)}
            onSpeak={(voice) => void api.speak(phone.sid, voice).catch(report)}
            microphone={micSids.includes(phone.sid)}
          />
        ))}
      </ul>
    </div>
  );
}
