'use client';

import { useState } from 'react';
import type { BoardCard } from '@/lib/calls/board';
import { CardFields } from './card-fields';
import { CallerHistory } from './caller-history';
import { CallerTitle, callerName } from './caller-title';
import { CardElapsed } from './elapsed';
import { RejectForm } from './reject-form';
import { AttentionLabel, MovingLabel, StateLabel } from './state-label';
import { useCardAutosave, type CardValues } from './use-card-autosave';
import { useShortcuts } from './use-shortcuts';

export interface ScreeningActions {
  approve: (card: CardValues) => void;
  reject: (reason: string, card: CardValues) => void;
  requeue: () => void;
}

function initialValues(card: BoardCard): CardValues {
  return {
    name: card.card.name ?? '',
    location: card.card.location ?? '',
    topic: card.card.topic ?? '',
    comment: card.card.comment ?? '',
    priority: card.card.priority,
  };
}

/** The caller this screener is talking to: history, the card (saved as typed) and the three decisions. */
export function ScreeningPanel({
  card,
  now,
  shortcutsEnabled,
  sending,
  actions,
}: {
  card: BoardCard;
  now: number;
  shortcutsEnabled: boolean;
  sending: string | undefined;
  actions: ScreeningActions;
}) {
  const { values, change, save, takeForCommand } = useCardAutosave(card.id, initialValues(card));
  const [rejecting, setRejecting] = useState(false);
  const busy = Boolean(sending) || card.moving;
  const approve = () => !busy && actions.approve(takeForCommand());
  const requeue = () => !busy && actions.requeue();
  useShortcuts(
    { a: approve, 'approve-in-field': approve, r: () => !busy && setRejecting(true), q: requeue },
    shortcutsEnabled,
  );
  const who = values.name.trim() || callerName(card);
  return (
    <section
      aria-labelledby="screening-heading"
      className="space-y-4 rounded-lg border-2 border-screening bg-studio-900 p-4"
      data-call-id={card.id}
    >
      <div className="flex flex-wrap items-center gap-2">
        <h2 id="screening-heading" className="text-lg font-semibold">
          Talking to
        </h2>
        <StateLabel state={card.state} />
        <CardElapsed card={card} now={now} className="text-lg" />
        {(card.moving || sending) && (
          <MovingLabel
            text={sending ? 'sending…' : card.pendingCommand === 'pickup' ? 'connecting the caller…' : 'moving…'}
          />
        )}
      </div>
      {/* The heading follows the card as typed, not the last poll, so it never lags behind "Saved". */}
      <CallerTitle
        card={{
          ...card,
          card: {
            ...card.card,
            name: values.name.trim() || null,
            location: values.location.trim() || null,
            priority: values.priority,
          },
        }}
        as="h2"
      />
      <CallerHistory caller={card.caller} now={now} />
      {card.attention && <AttentionLabel text={card.attention} />}
      <CardFields values={values} save={save} onChange={change} />
      {rejecting ? (
        <RejectForm
          who={who}
          onCancel={() => setRejecting(false)}
          onReject={(reason) => {
            setRejecting(false);
            actions.reject(reason, takeForCommand());
          }}
        />
      ) : (
        <div className="flex flex-wrap gap-3">
          <button
            type="button"
            aria-keyshortcuts="A Control+Enter"
            disabled={busy}
            onClick={approve}
            className="min-h-14 rounded-lg bg-ready px-6 text-lg font-bold text-studio-950 hover:bg-green-400 disabled:opacity-50"
          >
            <span aria-hidden="true">✓ </span>Approve{' '}
            <kbd className="ml-1 rounded border border-studio-950/40 px-1 text-sm">A</kbd>
          </button>
          <button
            type="button"
            aria-keyshortcuts="R"
            disabled={busy}
            onClick={() => setRejecting(true)}
            className="min-h-14 rounded-lg border-2 border-onair px-6 text-lg font-bold text-red-200 hover:bg-red-950 disabled:opacity-50"
          >
            <span aria-hidden="true">✕ </span>Reject…{' '}
            <kbd className="ml-1 rounded border border-red-300/40 px-1 text-sm">R</kbd>
          </button>
          <button
            type="button"
            aria-keyshortcuts="Q"
            disabled={busy}
            onClick={requeue}
            className="min-h-14 rounded-lg border border-studio-600 px-6 text-lg hover:bg-studio-700 disabled:opacity-50"
          >
            <span aria-hidden="true">↩ </span>Return to queue{' '}
            <kbd className="ml-1 rounded border border-studio-600 px-1 text-sm">Q</kbd>
          </button>
        </div>
      )}
    </section>
  );
}
