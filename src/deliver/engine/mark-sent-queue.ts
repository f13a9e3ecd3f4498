import type { SendLedger } from "../ports.js";
import { waitForLock } from "./wait-for-lock.js";

/** Rows accepted by the transport, waiting to be marked `sent` together. */
export interface MarkSentQueue {
  /** Queues the row; the queue is written once it holds `maxRows`, or `maxDelayMs` after. */
  add(id: number, response: string, serviceMessageId?: string): Promise<void>;
  /** Writes what is queued (before counting, stopping or returning). */
  flush(): Promise<void>;
}

/**
 * Group commit of the `sent` marks. One UPDATE per message is most of a bulk send's database
 * work; one per group costs a tenth. The price is the window after a crash: a message accepted
 * by the server but not yet marked is sent again on restart, so the rows that can be sent twice
 * are those in flight plus those queued here — at most `concurrency + maxRows`.
 */
export function createMarkSentQueue(
  ledger: SendLedger,
  now: () => Date,
  options: {
    maxRows: number;
    maxDelayMs: number;
    onWritten?: (ids: number[]) => void;
    /** How to wait out another sender's lock on the store. */
    sleep?: (ms: number) => Promise<void>;
  },
): MarkSentQueue {
  let queued: { id: number; response: string; serviceMessageId?: string }[] = [];
  let timer: NodeJS.Timeout | undefined;
  let writing: Promise<void> = Promise.resolve();
  const flush = () => {
    if (timer) clearTimeout(timer);
    timer = undefined;
    const rows = queued;
    queued = [];
    // Writes go one after the other, so a failure surfaces at the next add or flush.
    writing = writing.then(async () => {
      const mark = () => ledger.markSentMany(rows, now());
      await (options.sleep ? waitForLock(mark, options.sleep) : mark());
      options.onWritten?.(rows.map((row) => row.id));
    });
    return writing;
  };
  return {
    add(id, response, serviceMessageId) {
      queued.push({ id, response, ...(serviceMessageId && { serviceMessageId }) });
      if (queued.length >= options.maxRows) return flush();
      timer ??= setTimeout(() => void flush().catch(() => {}), options.maxDelayMs).unref();
      return writing;
    },
    flush,
  };
}
