'use client';

import { useEffect, useRef, useState } from 'react';
import type { AudioSnapshot } from '@/lib/audio/audio-state';
import type { AudioRoom, ConsoleAudio } from '@/lib/audio/console-audio';

const STATUS_LABEL: Record<AudioSnapshot['status'], { icon: string; text: string; tone: string }> = {
  idle: { icon: '○', text: 'Headset off', tone: 'border-studio-600 text-studio-200' },
  connecting: { icon: '◌', text: 'Connecting…', tone: 'border-waiting text-waiting' },
  connected: { icon: '●', text: 'Headset connected', tone: 'border-ready text-ready' },
  reconnecting: { icon: '◌', text: 'Reconnecting…', tone: 'border-waiting text-waiting' },
  disconnected: { icon: '✕', text: 'Headset line ended', tone: 'border-onair text-red-300' },
  error: { icon: '!', text: 'Headset problem', tone: 'border-onair text-red-300' },
};

/**
 * Connect once per shift. Before the first connect: check the headset (real microphones and outputs, a level
 * meter, a test sound) and confirm headphones are on, because an open speaker feeds callers' voices back to them.
 */
export function AudioPanel({
  audio,
  snapshot,
  room,
  roomLabel,
}: {
  audio: ConsoleAudio;
  snapshot: AudioSnapshot;
  room: AudioRoom | null;
  roomLabel: string;
}) {
  const [wearing, setWearing] = useState(false);
  const label = STATUS_LABEL[snapshot.status];
  const live = snapshot.status === 'connected' || snapshot.status === 'reconnecting';
  const busy = snapshot.status === 'connecting';
  const pickers = (
    <>
      <DevicePicker
        label="Microphone"
        choices={snapshot.inputs}
        value={snapshot.inputId}
        onChange={(id) => void audio.setInput(id)}
      />
      {snapshot.outputSelectable && (
        <DevicePicker
          label="Output"
          choices={snapshot.outputs}
          value={snapshot.outputId}
          onChange={(id) => void audio.setOutput(id)}
        />
      )}
    </>
  );
  return (
    <section
      aria-label="Headset"
      className="flex flex-wrap items-center gap-3 rounded-lg border border-studio-700 bg-studio-900 p-3"
    >
      <p
        role="status"
        aria-live="polite"
        className={`flex items-center gap-2 rounded-md border px-3 py-2 text-base font-semibold ${label.tone}`}
        data-audio-status={snapshot.status}
      >
        <span aria-hidden="true">{label.icon}</span>
        {label.text}
      </p>
      {!live && (
        <>
          {snapshot.checked ? (
            <>
              {pickers}
              <LevelMeter audio={audio} which="input" label="Microphone level" />
              <button
                type="button"
                onClick={() => void audio.testOutput()}
                className="min-h-11 rounded-md border border-studio-600 px-4 text-sm hover:bg-studio-700"
              >
                Play a test sound
              </button>
            </>
          ) : (
            <button
              type="button"
              disabled={snapshot.checking || busy}
              onClick={() => void audio.check()}
              className="min-h-11 rounded-md border border-studio-600 px-4 text-sm hover:bg-studio-700 disabled:opacity-50"
            >
              {snapshot.checking ? 'Opening the microphone…' : 'Check my headset'}
            </button>
          )}
          <label className="flex min-h-11 items-center gap-2 text-sm text-studio-200">
            <input
              type="checkbox"
              className="size-6"
              checked={wearing}
              onChange={(e) => setWearing(e.target.checked)}
            />
            I am wearing headphones
          </label>
          <button
            type="button"
            disabled={busy || !room || !wearing}
            onClick={() => room && void audio.connect(room)}
            className="min-h-14 rounded-lg bg-ready px-6 text-lg font-bold text-studio-950 hover:bg-green-400 disabled:opacity-50"
          >
            {busy ? 'Connecting…' : 'Connect headset'}
          </button>
        </>
      )}
      {live && (
        <>
          <button
            type="button"
            aria-pressed={snapshot.muted}
            onClick={() => audio.setMuted(!snapshot.muted)}
            className={`min-h-11 rounded-md border px-4 font-semibold ${snapshot.muted ? 'border-onair bg-red-950 text-red-200' : 'border-studio-600 hover:bg-studio-700'}`}
          >
            {snapshot.muted ? 'My microphone is muted: unmute' : 'Mute my microphone'}
          </button>
          {pickers}
          <LevelMeter audio={audio} which="input" label="Microphone level" />
          <LevelMeter audio={audio} which="output" label="What you hear" />
          <button
            type="button"
            onClick={() => audio.disconnect()}
            className="min-h-11 rounded-md border border-studio-600 px-4 text-sm hover:bg-studio-700"
          >
            End my shift (disconnect)
          </button>
        </>
      )}
      <p className="basis-full text-sm text-studio-200">
        {snapshot.message} {live ? `Room: ${roomLabel}.` : ''}
        {!live && !wearing && (
          <strong className="ml-1 text-waiting">
            Put on headphones first: speakers feed callers&rsquo; voices back into your microphone and onto the air. The
            test sound should play in your headphones only.
          </strong>
        )}
      </p>
    </section>
  );
}

/** A live level bar, updated straight from the SDK's level events (about 20 a second) without re-rendering the console. */
function LevelMeter({ audio, which, label }: { audio: ConsoleAudio; which: 'input' | 'output'; label: string }) {
  const meter = useRef<HTMLMeterElement>(null);
  useEffect(
    () =>
      audio.onLevels((levels) => {
        const value = which === 'input' ? levels.input : levels.output;
        if (meter.current) meter.current.value = value ?? 0;
      }),
    [audio, which],
  );
  return (
    <label className="flex items-center gap-2 text-sm text-studio-200">
      {label}
      <meter ref={meter} min={0} max={1} low={0.02} high={0.8} optimum={0.3} value={0} className="h-3 w-28" />
    </label>
  );
}

function DevicePicker({
  label,
  choices,
  value,
  onChange,
}: {
  label: string;
  choices: { id: string; label: string }[];
  value: string | null;
  onChange: (id: string) => void;
}) {
  if (choices.length === 0) return null;
  return (
    <label className="flex items-center gap-2 text-sm text-studio-200">
      {label}
      <select
        value={value ?? ''}
        onChange={(e) => onChange(e.target.value)}
        className="min-h-11 max-w-56 rounded-md border border-studio-600 bg-studio-800 px-2"
      >
        {choices.map((c) => (
          <option key={c.id} value={c.id}>
            {c.label}
          </option>
        ))}
      </select>
    </label>
  );
}
