import type { BoardCard } from '@/lib/calls/board';

/** The line a person reads first: name (or "Unnamed caller"), place, and the number as this role may see it. */
export function CallerTitle({ card, as: Tag = 'h3' }: { card: BoardCard; as?: 'h2' | 'h3' }) {
  return (
    <Tag className="flex flex-wrap items-baseline gap-x-3 text-xl font-bold">
      <span>{card.card.name || 'Unnamed caller'}</span>
      {card.card.location && <span className="text-base font-normal text-studio-200">{card.card.location}</span>}
      <span className="font-mono text-base font-normal text-studio-400" data-testid="caller-number">
        {card.fromNumber}
      </span>
      <RegularBadge card={card} />
      {card.card.priority === 'high' && (
        <span className="rounded bg-waiting px-2 text-sm font-bold text-studio-950">
          <span aria-hidden="true">★ </span>High priority
        </span>
      )}
      {card.card.priority === 'low' && (
        <span className="rounded bg-studio-700 px-2 text-sm text-studio-200">Low priority</span>
      )}
    </Tag>
  );
}

/** A trusted regular, marked by a producer: they waited in the front lane. */
export function RegularBadge({ card }: { card: BoardCard }) {
  if (card.lane !== 'front') return null;
  return (
    <span className="rounded bg-green-300 px-2 text-sm font-bold text-studio-950" data-testid="regular-badge">
      <span aria-hidden="true">♥ </span>Regular
    </span>
  );
}

export function callerName(card: BoardCard): string {
  return card.card.name || `caller ${card.fromNumber}`;
}
