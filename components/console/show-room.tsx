'use client';

import { useCallback } from 'react';
import type { BoardCard } from '@/lib/calls/board';
import type { CallCommand } from '@/lib/telephony/call-session-machine';
import { STATE_WORDS } from '@/lib/telephony/state-words';
import { BlockFromCall } from './block-from-call';
import { callerName, RegularBadge } from './caller-title';
import { ChatPanel } from './chat-panel';
import { ConsoleHeading } from './console-heading';
import { DeckPanel } from './deck-panel';
import { CardElapsed } from './elapsed';
import { callersStillIn, EndShowControl } from './end-show-control';
import { EpisodeClock } from './episode-clock';
import { ErrorBanner } from './error-banner';
import { LinesControl } from './lines-control';
import { onAirLimitWarning, OnAirPanel } from './on-air-panel';
import type { ConsoleProps } from './screen-console';
import { MovingLabel, StateLabel } from './state-label';
import { useCallCommands } from './use-call-commands';
import { useConsoleView } from './use-console-view';
import { useDeckReorder } from './use-deck-reorder';
import { useNow } from './use-now';
import { useShowInUrl } from './use-show-in-url';

const GROUPS = [
  { key: 'queued', label: 'Waiting', icon: '◔' },
  { key: 'screening', label: 'Screening', icon: '◎' },
  { key: 'ready', label: 'On deck', icon: '✓' },
  { key: 'on_air', label: 'On air', icon: '●' },
] as const;

/** A withheld number names nobody in particular, so there is nothing to block (it would block every such caller). */
function WithheldNote() {
  return <span className="text-sm text-studio-400">number withheld</span>;
}

function CallRow({ card, now }: { card: BoardCard; now: number }) {
  return (
    <li
      data-call-id={card.id}
      aria-label={`${STATE_WORDS[card.state]}: ${callerName(card)}`}
      className="flex flex-wrap items-center gap-2 rounded-md border border-studio-700 bg-studio-800 p-2"
    >
      <StateLabel state={card.state} />
      <span className="font-semibold">{card.card.name || 'Unnamed caller'}</span>
      <span className="font-mono text-studio-200">{card.fromNumber}</span>
      <RegularBadge card={card} />
      {card.card.topic && <span className="text-studio-200">· {card.card.topic}</span>}
      {card.screener && <span className="text-sm text-studio-400">· {card.screener.name}</span>}
      <CardElapsed card={card} now={now} className="text-studio-200" />
      {card.moving && <MovingLabel />}
      <span className="ml-auto">
        {card.caller ? <BlockFromCall callId={card.id} who={callerName(card)} /> : <WithheldNote />}
      </span>
    </li>
  );
}

/**
 * The producer's live overview: lines, every state at a glance, the host's own controls for who is on air and on
 * deck (a producer can do everything a host can), recent outcomes, one-click blocking, chat. It polls like the
 * host console and fetches again right after each of its own commands.
 */
export function ShowRoom({ me, showId, initial, serverNow }: Omit<ConsoleProps, 'settings'>) {
  const { view, error, refresh, revalidate } = useConsoleView(showId, initial);
  const { run, sending, error: commandError, setError, clearError } = useCallCommands(refresh);
  const command = useCallback((id: string, name: CallCommand) => void run(id, name), [run]);
  const reorder = useDeckReorder(view.board?.episode.id ?? null, revalidate, setError);
  const now = useNow(serverNow);
  useShowInUrl(showId);
  const board = view.board;
  const inEpisode = callersStillIn(board);
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <ConsoleHeading title="Show room" view={view} basePath="/producer" />
        {board && <EpisodeClock openedAt={board.episode.openedAt} closedAt={board.episode.closedAt} now={now} />}
      </div>
      <LinesControl
        key={String(view.linesOpen)}
        showId={view.show.id}
        showName={view.show.name}
        open={view.linesOpen}
        onChanged={refresh}
      />
      <EndShowControl
        key={board?.episode.id ?? 'none'}
        showId={view.show.id}
        showName={view.show.name}
        active={view.linesOpen || inEpisode > 0}
        inEpisode={inEpisode}
        onChanged={refresh}
      />
      <ErrorBanner message={error ? `${error.message} The overview may be out of date.` : null} />
      <ErrorBanner message={commandError} onDismiss={clearError} />
      {board && (
        <>
          <ul aria-label="Counts" className="grid grid-cols-2 gap-3 md:grid-cols-5">
            {GROUPS.map((g) => (
              <li
                key={g.key}
                className="rounded-lg border border-studio-700 bg-studio-900 p-3"
                data-testid={`count-${g.key}`}
              >
                <span className="block text-sm uppercase tracking-wide text-studio-400">
                  <span aria-hidden="true">{g.icon} </span>
                  {g.label}
                </span>
                <span className="font-mono text-3xl font-bold">{board.groups[g.key].length}</span>
              </li>
            ))}
            <li className="rounded-lg border border-studio-700 bg-studio-900 p-3" data-testid="count-ended">
              <span className="block text-sm uppercase tracking-wide text-studio-400">Recent ended</span>
              <span className="font-mono text-3xl font-bold">{board.ended.length}</span>
            </li>
          </ul>
          <div className="grid gap-4 lg:grid-cols-[2fr_1fr]">
            <div className="space-y-4">
              <OnAirPanel
                onAir={board.groups.on_air}
                limit={view.show.onAirLimit}
                now={now}
                sending={sending}
                run={command}
                extra={(card) => <BlockFromCall callId={card.id} who={callerName(card)} />}
              />
              <DeckPanel
                ready={board.groups.ready}
                airRefusal={onAirLimitWarning(board.groups.on_air.length, view.show.onAirLimit)}
                now={now}
                sending={sending}
                run={command}
                reorder={reorder}
                extra={(card) => <BlockFromCall callId={card.id} who={callerName(card)} />}
              />
              {GROUPS.filter((g) => g.key === 'queued' || g.key === 'screening').map((g) => (
                <section key={g.key} aria-labelledby={`group-${g.key}`} className="space-y-2">
                  <h2 id={`group-${g.key}`} className="text-lg font-semibold">
                    {g.label} ({board.groups[g.key].length})
                  </h2>
                  <ul className="space-y-1">
                    {board.groups[g.key].map((card) => (
                      <CallRow key={card.id} card={card} now={now} />
                    ))}
                  </ul>
                </section>
              ))}
              <section aria-labelledby="group-ended" className="space-y-2">
                <h2 id="group-ended" className="text-lg font-semibold">
                  Recently ended
                </h2>
                <ul className="space-y-1">
                  {board.ended.map((card) => (
                    <li
                      key={card.id}
                      data-call-id={card.id}
                      aria-label={`Ended: ${callerName(card)}`}
                      className="flex flex-wrap items-center gap-2 rounded-md border border-studio-700 bg-studio-800 p-2"
                    >
                      <StateLabel state={card.state} />
                      <span className="font-semibold">{card.card.name || 'Unnamed caller'}</span>
                      <span className="font-mono text-studio-200">{card.fromNumber}</span>
                      <span className="text-sm text-studio-400">{STATE_WORDS[card.state]}</span>
                      <span className="ml-auto">
                        {card.caller ? <BlockFromCall callId={card.id} who={callerName(card)} /> : <WithheldNote />}
                      </span>
                    </li>
                  ))}
                </ul>
              </section>
            </div>
            <ChatPanel episodeId={board.episode.id} messages={view.messages} myId={me.id} onSent={refresh} />
          </div>
        </>
      )}
    </div>
  );
}
