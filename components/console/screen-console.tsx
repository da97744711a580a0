'use client';

import { useCallback } from 'react';
import type { BoardCard } from '@/lib/calls/board';
import type { ConsoleSettings } from '@/lib/consoles/console-settings';
import { AudioPanel } from './audio-panel';
import { ChatPanel } from './chat-panel';
import { ConsoleHeading } from './console-heading';
import { ErrorBanner } from './error-banner';
import { canBePickedUp, QueuePanel, waitingOrder } from './queue-panel';
import { RingbackOutcome, RingbackPanel } from './ringback-panel';
import { ScreenDeckPanel } from './screen-deck-panel';
import { ScreeningPanel } from './screening-panel';
import { SCREEN_SHORTCUTS, ShortcutLegend } from './shortcut-legend';
import { useCallCommands } from './use-call-commands';
import { useConsoleAudio } from './use-console-audio';
import { useConsoleView, type InitialConsoleView } from './use-console-view';
import { useNow } from './use-now';
import { useShortcutSetting } from './use-shortcut-setting';
import { useShortcuts } from './use-shortcuts';
import { useShowInUrl } from './use-show-in-url';
import { useUnloadGuard } from './use-unload-guard';

export interface ConsoleProps {
  me: { id: string; name: string };
  settings: ConsoleSettings;
  showId: string;
  initial: InitialConsoleView;
  serverNow: number;
}

/** /screen: pick up waiting callers, talk, fill the card, decide. There is no way to put a caller on air here. */
export function ScreenConsole({ me, settings, showId, initial, serverNow }: ConsoleProps) {
  const { view, error: pollError, refresh } = useConsoleView(showId, initial);
  const { run, sending, error, clearError } = useCallCommands(refresh);
  const { audio, snapshot } = useConsoleAudio();
  const now = useNow(serverNow);
  useShowInUrl(showId);
  useUnloadGuard(snapshot.status === 'connected' || snapshot.status === 'reconnecting');
  const board = view.board;
  const mine = board?.groups.screening.find((c) => c.screener?.id === me.id) ?? null;
  const others = board?.groups.screening.filter((c) => c.screener?.id !== me.id) ?? [];

  const pickUp = useCallback((card: BoardCard) => void run(card.id, 'pickup', { version: card.version }), [run]);
  const pickUpNext = useCallback(() => {
    if (mine || !board) return;
    const next = waitingOrder(board.groups.queued).find(canBePickedUp);
    if (next) pickUp(next);
  }, [mine, board, pickUp]);
  const shortcuts = useShortcutSetting(settings.shortcutsEnabled);
  useShortcuts({ n: pickUpNext }, shortcuts.enabled);

  return (
    <main className="mx-auto flex max-w-[1600px] flex-col gap-4 p-4">
      <ConsoleHeading title="Screening" view={view} basePath="/screen" />
      {/* On a phone the caller and the queue come first; the headset panel follows them. */}
      <div className="order-last md:order-none">
        <AudioPanel audio={audio} snapshot={snapshot} room={{ room: 'screen' }} roomLabel="your screening room" />
      </div>
      <ErrorBanner message={error} onDismiss={clearError} />
      <ErrorBanner message={pollError ? `${pollError.message} The board may be out of date.` : null} />
      {!board ? (
        <p className="rounded-lg border border-studio-700 bg-studio-900 p-6 text-lg text-studio-200">
          The lines of {view.show.name} have not been opened yet. Waiting callers appear here when they are.
        </p>
      ) : (
        <div className="grid gap-4 md:grid-cols-2 xl:grid-cols-3">
          <div className="order-2 md:order-none">
            <QueuePanel queued={board.groups.queued} now={now} canPickUp={!mine} sending={sending} onPickUp={pickUp} />
          </div>
          <div className="order-1 space-y-4 md:order-none">
            <RingbackOutcome ended={board.ended} myId={me.id} now={now} />
            {mine?.state === 'calling_back' ? (
              <RingbackPanel
                card={mine}
                sending={sending[mine.id]}
                onStop={() => void run(mine.id, 'cancel_callback')}
              />
            ) : mine ? (
              <ScreeningPanel
                key={mine.id}
                card={mine}
                now={now}
                shortcutsEnabled={shortcuts.enabled}
                sending={sending[mine.id]}
                actions={{
                  approve: (card) => void run(mine.id, 'approve', { card }),
                  reject: (reason, card) => void run(mine.id, 'reject', { reason, card }),
                  requeue: () => void run(mine.id, 'requeue'),
                }}
              />
            ) : (
              <section
                aria-label="Your caller"
                className="rounded-lg border border-dashed border-studio-600 p-6 text-lg text-studio-200"
              >
                You are not talking to anyone. Press <kbd className="rounded border border-studio-600 px-1">N</kbd> or
                &ldquo;Pick up next&rdquo;.
              </section>
            )}
            {others.length > 0 && (
              <section
                aria-label="Other screeners"
                className="rounded-lg border border-studio-700 bg-studio-900 p-3 text-studio-200"
              >
                <h2 className="mb-1 font-semibold">With other screeners</h2>
                <ul>
                  {others.map((c) => (
                    <li key={c.id}>
                      {c.card.name || c.fromNumber} · with {c.screener?.name ?? 'another screener'}
                    </li>
                  ))}
                </ul>
              </section>
            )}
          </div>
          <div className="order-3 space-y-4 md:order-none md:col-span-2 xl:col-span-1">
            <ScreenDeckPanel
              ready={board.groups.ready}
              onAir={board.groups.on_air}
              now={now}
              canRecheck={!mine}
              sending={sending}
              onRecheck={(c) => void run(c.id, 'rescreen')}
            />
            <ChatPanel episodeId={board.episode.id} messages={view.messages} myId={me.id} onSent={refresh} />
          </div>
        </div>
      )}
      <ShortcutLegend
        shortcuts={SCREEN_SHORTCUTS}
        enabled={shortcuts.enabled}
        onChange={(next) => void shortcuts.change(next)}
        error={shortcuts.error}
      />
    </main>
  );
}
