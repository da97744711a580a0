/** The deck with one caller moved `delta` places (negative is earlier); unchanged at either end. */
export function moveInOrder(ids: readonly string[], id: string, delta: number): string[] {
  const from = ids.indexOf(id);
  if (from === -1) return [...ids];
  const to = Math.min(ids.length - 1, Math.max(0, from + delta));
  if (to === from) return [...ids];
  const next = [...ids];
  next.splice(from, 1);
  next.splice(to, 0, id);
  return next;
}

/** The deck with `id` dropped onto the place of `targetId` (drag and drop). */
export function placeBefore(ids: readonly string[], id: string, targetId: string): string[] {
  const from = ids.indexOf(id);
  const to = ids.indexOf(targetId);
  if (from === -1 || to === -1 || from === to) return [...ids];
  return moveInOrder(ids, id, to - from);
}

/** Applies a wanted order on top of what the server last said: ids no longer on deck go, new ones keep server order at the end. */
export function reconcileOrder(wanted: readonly string[], current: readonly string[]): string[] {
  const present = new Set(current);
  const kept = wanted.filter((id) => present.has(id));
  const keptSet = new Set(kept);
  return [...kept, ...current.filter((id) => !keptSet.has(id))];
}
