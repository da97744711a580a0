'use client';

import { useCallback, useEffect, useMemo } from 'react';
import type { AudioRoom } from '@/lib/audio/console-audio';
import type { CallCommand } from '@/lib/telephony/call-session-machine';
import { AudioPanel } from './audio-panel';
import { ChatPanel } from './chat-panel';
import { ConsoleHeading } from './console-heading';
import { DeckPanel } from './deck-panel';
import { callersStillIn, EndShowControl } from './end-show-control';
import { EpisodeClock } from './episode-clock';
import { ErrorBanner } from './error-banner';
import { onAirLimitWarning, OnAirPanel } from './on-air-panel';
import type { ConsoleProps } from './screen-console';
import { HOST_SHORTCUTS, ShortcutLegend } from './shortcut-legend';
import { useCallCommands } from './use-call-commands';
import { useConsoleAudio } from './use-console-audio';
import { useConsoleView } from './use-console-view';
import { useDeckReorder } from './use-deck-reorder';
import { useHostKeys } from './use-host-keys';
import { useNow } from './use-now';
import { useShortcutSetting } from './use-shortcut-setting';
import { useShortcuts } from './use-shortcuts';
import { useShowInUrl } from './use-show-in-url';
import { useUnloadGuard } from './use-unload-guard';

/** The host console: the deck in order, who is on air with timers, the episode clock and the studio chat. */
export function HostConsole({ me, settings, showId, initial, serverNow }: ConsoleProps) {
  const { view, error: pollError, refresh, revalidate } = useConsoleView(showId, initial);
  const { run, sending, error, setError, clearError } = useCallCommands(refresh);
  const { audio, snapshot } = useConsoleAudio();
  const now = useNow(serverNow);
  const board = view.board;
  const command = useCallback((id: string, name: CallCommand) => void run(id, name), [run]);
  const reorder = useDeckReorder(board?.episode.id ?? null, revalidate, setError);
  const live = snapshot.status === 'connected' || snapshot.status === 'reconnecting';
  useShowInUrl(showId);
  useUnloadGuard(live);
  const shortcuts = useShortcutSetting(settings.shortcutsEnabled);
  const onAirCount = board?.groups.on_air.length ?? 0;
  const airRefusal = onAirLimitWarning(onAirCount, view.show.onAirLimit);
  useShortcuts(useHostKeys(board, command, airRefusal, setError), shortcuts.enabled);
  const liveEpisodeId = board && !board.episode.closedAt ? board.episode.id : null;
  const room = useMemo<AudioRoom | null>(
    () => (liveEpisodeId ? { room: 'live', episodeId: liveEpisodeId } : null),
    [liveEpisodeId],
  );
  // After "End the show" and "Open lines" the headset would sit alone in the old episode's studio.
  useEffect(() => void audio.follow(room), [audio, room, snapshot.liveEpisodeId, snapshot.status]);

  return (
    <main className="mx-auto flex max-w-[1600px] flex-col gap-4 p-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <ConsoleHeading title="Host" view={view} basePath="/host" />
        {board && <EpisodeClock openedAt={board.episode.openedAt} closedAt={board.episode.closedAt} now={now} />}
      </div>
      {/* On a phone who is on air and the deck come first; the headset panel follows them. */}
      <div className="order-last lg:order-none">
        <AudioPanel audio={audio} snapshot={snapshot} room={room} roomLabel="the live studio" />
      </div>
      <ErrorBanner message={error} onDismiss={clearError} />
      <ErrorBanner message={pollError ? `${pollError.message} The board may be out of date.` : null} />
      {!board ? (
        <p className="rounded-lg border border-studio-700 bg-studio-900 p-6 text-lg text-studio-200">
          The lines of {view.show.name} have not been opened yet.
        </p>
      ) : (
        <div className="grid gap-4 lg:grid-cols-[2fr_1fr]">
          <div className="space-y-4">
            <OnAirPanel
              onAir={board.groups.on_air}
              limit={view.show.onAirLimit}
              now={now}
              sending={sending}
              run={command}
            />
            <DeckPanel
              ready={board.groups.ready}
              airRefusal={airRefusal}
              now={now}
              sending={sending}
              run={command}
              reorder={reorder}
            />
          </div>
          <div className="space-y-4">
            <EndShowControl
              key={board.episode.id}
              showId={view.show.id}
              showName={view.show.name}
              active={view.linesOpen || callersStillIn(board) > 0}
              inEpisode={callersStillIn(board)}
              onChanged={refresh}
            />
            <section
              aria-label="Queue summary"
              className="rounded-lg border border-studio-700 bg-studio-900 p-3 text-lg"
            >
              <p>
                <span aria-hidden="true">◔ </span>Waiting: <strong>{board.groups.queued.length}</strong>
              </p>
              <p>
                <span aria-hidden="true">◎ </span>With screeners: <strong>{board.groups.screening.length}</strong>
              </p>
            </section>
            <ChatPanel episodeId={board.episode.id} messages={view.messages} myId={me.id} onSent={refresh} />
            <ShortcutLegend
              shortcuts={HOST_SHORTCUTS}
              enabled={shortcuts.enabled}
              onChange={(next) => void shortcuts.change(next)}
              error={shortcuts.error}
            />
          </div>
        </div>
      )}
    </main>
  );
}
