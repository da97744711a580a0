import type { CallState } from '@/lib/telephony/call-session-machine';

const LABELS: Partial<Record<CallState, { icon: string; text: string; tone: string }>> = {
  ringing: { icon: '☎', text: 'Ringing', tone: 'border-waiting text-waiting' },
  queued: { icon: '◔', text: 'Waiting', tone: 'border-waiting text-waiting' },
  callback: { icon: '↩', text: 'Callback', tone: 'border-waiting text-waiting' },
  calling_back: { icon: '☏', text: 'Calling back', tone: 'border-screening text-screening' },
  busy: { icon: '■', text: 'Busy', tone: 'border-studio-600 text-studio-400' },
  no_answer: { icon: '■', text: 'No answer', tone: 'border-studio-600 text-studio-400' },
  screening: { icon: '◎', text: 'Screening', tone: 'border-screening text-screening' },
  ready: { icon: '✓', text: 'On deck', tone: 'border-ready text-ready' },
  on_air: { icon: '●', text: 'ON AIR', tone: 'border-onair-fill bg-onair-fill text-studio-50' },
  // "OFF AIR" read like "not on air yet": this caller rang while the lines were closed.
  off_air: { icon: '○', text: 'Lines closed', tone: 'border-studio-600 text-studio-400' },
  queue_full: { icon: '■', text: 'Queue full', tone: 'border-studio-600 text-studio-400' },
  contest_released: { icon: '■', text: 'Contest over', tone: 'border-studio-600 text-studio-400' },
  show_ended: { icon: '■', text: 'Show ended', tone: 'border-studio-600 text-studio-400' },
};

/** A state as icon and word, never colour alone. */
export function StateLabel({ state }: { state: CallState }) {
  const label = LABELS[state] ?? {
    icon: '■',
    text: state.replace(/_/g, ' '),
    tone: 'border-studio-600 text-studio-400',
  };
  return (
    <span
      className={`inline-flex items-center gap-1 rounded border px-2 py-0.5 text-sm font-bold uppercase tracking-wide ${label.tone}`}
    >
      <span aria-hidden="true">{label.icon}</span>
      {label.text}
    </span>
  );
}

/** Shown while a command waits for Twilio's confirmation (or for the server's answer). */
export function MovingLabel({ text = 'moving…' }: { text?: string }) {
  return (
    <span
      role="status"
      className="inline-flex items-center gap-1 rounded border border-dashed border-screening px-2 py-0.5 text-sm font-semibold text-screening"
    >
      <span aria-hidden="true" className="inline-block animate-spin">
        ◌
      </span>
      {text}
    </span>
  );
}

export function AttentionLabel({ text }: { text: string }) {
  return (
    <p role="alert" className="rounded border border-onair bg-red-950 px-2 py-1 text-sm text-red-200">
      <span aria-hidden="true">⚠ </span>
      {text}
    </p>
  );
}
