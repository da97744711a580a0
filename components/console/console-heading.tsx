import Link from 'next/link';
import type { ConsoleView } from '@/lib/consoles/console-view';

/** Which show, whether its lines are open (in words and icon), and a switch when there are several shows. */
export function ConsoleHeading({ title, view, shows, basePath }: { title: string; view: ConsoleView; shows: { id: string; name: string }[]; basePath: string }) {
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
      {shows.length > 1 && (
        <nav aria-label="Shows" className="flex flex-wrap gap-1">
          {shows.map((s) => (
            <Link
              key={s.id}
              href={`${basePath}?show=${s.id}`}
              aria-current={s.id === view.show.id ? 'page' : undefined}
              className="rounded-md px-3 py-2 text-sm text-studio-200 hover:bg-studio-700 aria-[current=page]:bg-studio-700"
            >
              {s.name}
            </Link>
          ))}
        </nav>
      )}
    </div>
  );
}
