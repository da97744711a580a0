/** Bump when the console view's shape changes, so a browser's cached view of the old shape is not revalidated. */
const CONSOLE_VIEW_FORMAT = 1;

/**
 * The one ETag of a console's view: made of the show's console version (a change counter) and who reads it,
 * never of the view's content. A hash of content the reader may not fully see (callers' full numbers behind a
 * host's masked copy) would let them recover it by trying candidates.
 */
export function consoleEtag(consoleVersion: number, reader: { id: string; role: string }): string {
  return `"c${CONSOLE_VIEW_FORMAT}-${consoleVersion}-${reader.role}-${reader.id}"`;
}

/** True when the client's If-None-Match already names this ETag. */
export function etagMatches(ifNoneMatch: string | null, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag);
}
