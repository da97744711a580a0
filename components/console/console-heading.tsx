import Link from 'next/link';
import type { ConsoleView } from '@/lib/consoles/console-view';

/**
 * Which show, whether its lines are open (in words and icon), and a tab per show when there are several, each with
 * its callers waiting right now, so nobody misses callers queuing on a show they are not looking at.
 */
export function ConsoleHeading({ title, view, basePath }: { title: string; view: ConsoleView; basePath: string }) {
  return (
    <div className="flex flex-wrap items-center gap-3" data-show-id={view.show.id}>
      <h1 className="text-2xl font-bold">
        {title}: {view.show.name}
      </h1>
      <span
        data-testid="lines-state"
        className={`rounded border px-2 py-1 text-sm font-bold uppercase ${view.linesOpen ? 'border-ready text-ready' : 'border-studio-600 text-studio-400'}`}
      >
        <span aria-hidden="true">{view.linesOpen ? '● ' : '○ '}</span>
        {view.linesOpen ? 'Lines open' : 'Lines closed'}
      </span>
      {view.board && <span className="text-studio-400">{view.board.episode.title}</span>}
      {view.shows.length > 1 && (
        <nav aria-label="Shows" className="flex flex-wrap gap-1">
          {view.shows.map((s) => (
            <Link
              key={s.id}
              href={`${basePath}?show=${s.id}`}
              aria-current={s.id === view.show.id ? 'page' : undefined}
              data-show-tab={s.id}
              className="flex min-h-11 items-center gap-2 rounded-md px-3 text-sm text-studio-200 hover:bg-studio-700 aria-[current=page]:bg-studio-700"
            >
              {s.linesOpen && (
                <span aria-hidden="true" className="text-ready">
                  ●
                </span>
              )}
              {s.name}
              <span
                data-testid="show-tab-waiting"
                className={`rounded px-1.5 font-mono font-bold ${s.waiting > 0 ? 'bg-waiting text-studio-950' : 'bg-studio-800 text-studio-200'}`}
              >
                {s.waiting}
                <span className="sr-only"> waiting</span>
              </span>
            </Link>
          ))}
        </nav>
      )}
    </div>
  );
}
