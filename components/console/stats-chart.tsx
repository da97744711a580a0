import type { EpisodeStatsRow } from '@/lib/producer/stats';

const SERIES = [
  { key: 'aired', label: 'Aired', color: 'var(--color-onair)', pattern: '' },
  { key: 'rejected', label: 'Rejected', color: 'var(--color-studio-400)', pattern: '4 2' },
  { key: 'abandoned', label: 'Abandoned', color: 'var(--color-waiting)', pattern: '1 2' },
] as const;

/**
 * Calls per episode as horizontal bars: the full bar is every call, with aired, rejected and abandoned drawn on
 * it. Every number is also written as text, so nothing depends on telling colours apart.
 */
export function StatsChart({ rows }: { rows: EpisodeStatsRow[] }) {
  const shown = rows.slice(0, 12);
  const max = Math.max(1, ...shown.map((r) => r.stats.calls));
  const rowHeight = 34;
  const labelWidth = 220;
  const barWidth = 480;
  const height = shown.length * rowHeight + 30;
  const summary = shown
    .map(
      (r) =>
        `${r.episode.title}: ${r.stats.calls} call${r.stats.calls === 1 ? '' : 's'}, ${r.stats.aired} aired, ${r.stats.rejected} rejected, ${r.stats.abandoned} abandoned`,
    )
    .join('; ');
  return (
    <figure className="rounded-lg border border-studio-700 bg-studio-900 p-3">
      <svg
        role="img"
        aria-label={`Calls per episode. ${summary}`}
        viewBox={`0 0 ${labelWidth + barWidth + 120} ${height}`}
        className="w-full max-w-4xl"
      >
        {shown.map((r, i) => {
          const y = i * rowHeight + 4;
          const scale = (n: number) => (n / max) * barWidth;
          let x = labelWidth;
          return (
            <g key={r.episode.id}>
              <text x={labelWidth - 8} y={y + 18} textAnchor="end" fill="var(--color-studio-200)" fontSize="14">
                {r.episode.title.length > 28 ? `${r.episode.title.slice(0, 27)}…` : r.episode.title}
              </text>
              <rect x={labelWidth} y={y} width={scale(r.stats.calls)} height={24} fill="var(--color-studio-700)" />
              {SERIES.map((s) => {
                const w = scale(r.stats[s.key]);
                const rect = (
                  <rect
                    key={s.key}
                    x={x}
                    y={y}
                    width={w}
                    height={24}
                    fill={s.color}
                    stroke="var(--color-studio-950)"
                    strokeDasharray={s.pattern || undefined}
                  />
                );
                x += w;
                return rect;
              })}
              <text x={labelWidth + scale(r.stats.calls) + 8} y={y + 18} fill="var(--color-studio-50)" fontSize="14">
                {r.stats.calls} call{r.stats.calls === 1 ? '' : 's'} · {r.stats.aired} aired
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption className="mt-2 flex flex-wrap gap-4 text-sm text-studio-200">
        {SERIES.map((s) => (
          <span key={s.key} className="flex items-center gap-1">
            <svg width="14" height="14" aria-hidden="true">
              <rect width="14" height="14" fill={s.color} />
            </svg>
            {s.label}
          </span>
        ))}
        <span className="flex items-center gap-1">
          <svg width="14" height="14" aria-hidden="true">
            <rect width="14" height="14" fill="var(--color-studio-700)" />
          </svg>
          Other calls
        </span>
      </figcaption>
    </figure>
  );
}
