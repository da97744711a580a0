export interface ConsolePoller {
  statuses: number[];
  stop(): Promise<void>;
}

/** A console polling one instance's console view every `everyMs`, with the ETag it was last given, as SWR would. */
export function pollBoard(url: string, token: string, everyMs = 250): ConsolePoller {
  const poller: ConsolePoller = { statuses: [], stop: async () => undefined };
  let running = true;
  let etag: string | null = null;
  const loop = (async () => {
    while (running) {
      try {
        const response: Response = await fetch(url, {
          headers: { authorization: `Bearer ${token}`, ...(etag ? { 'if-none-match': etag } : {}) },
        });
        poller.statuses.push(response.status);
        if (response.status === 200) etag = response.headers.get('etag');
        await response.arrayBuffer();
      } catch {
        poller.statuses.push(0);
      }
      await new Promise((resolve) => setTimeout(resolve, everyMs));
    }
  })();
  poller.stop = async () => {
    running = false;
    await loop;
  };
  return poller;
}
