/**
 * Twilio starts an account's outbound calls at 1 a second by default (Calls.create beyond that is queued by
 * Twilio, where the app cannot see or cancel it). The app paces its own calls to this rate instead.
 */
export const TWILIO_OUTBOUND_CALLS_PER_SECOND = 1;

export type PacedQueue = (job: () => Promise<void>) => Promise<void>;

/**
 * Runs jobs one after another, each starting at least 1/perSecond seconds after the previous one started. A
 * job's failure is its caller's to handle; the queue goes on.
 */
export function createPacedQueue(perSecond: number): PacedQueue {
  const spacingMs = 1000 / perSecond;
  let tail: Promise<void> = Promise.resolve();
  let nextStart = 0;
  return (job) => {
    const run = tail.then(async () => {
      const wait = nextStart - Date.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      nextStart = Date.now() + spacingMs;
      await job();
    });
    tail = run.catch(() => undefined);
    return run;
  };
}
