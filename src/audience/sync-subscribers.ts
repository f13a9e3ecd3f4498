import type { Store } from "../store/index.js";
import type { SubscriberRecord } from "./read-subscribers-csv.js";

export interface SyncReport {
  added: number;
  updated: number;
  unchanged: number;
  /** Rows naming a list that is not configured. */
  problems: string[];
}

/**
 * Applies subscriber records to the store: new subscribers and memberships are added and names
 * updated. Nobody is removed and no unsubscribed or bounced membership is reactivated.
 */
export async function syncSubscribers(
  store: Store,
  records: SubscriberRecord[],
  options: {
    listIds: Map<string, number>;
    defaultLists: string[];
    source: string;
    now: Date;
    file: string;
  },
): Promise<SyncReport> {
  const report: SyncReport = { added: 0, updated: 0, unchanged: 0, problems: [] };
  for (const record of records) {
    const lists = record.lists.length > 0 ? record.lists : options.defaultLists;
    const unknown = lists.filter((slug) => !options.listIds.has(slug));
    if (unknown.length > 0) {
      report.problems.push(
        `${options.file}:${record.line}: unknown list ${unknown.map((s) => `"${s}"`).join(", ")}`,
      );
      continue;
    }
    const { id, isNew } = await store.subscribers.upsert(record.email, record.name, options.now);
    let changed = isNew;
    for (const slug of lists) {
      const listId = options.listIds.get(slug) as number;
      const outcome = await store.subscribers.join(listId, id, {
        status: "active",
        source: options.source,
        now: options.now,
      });
      if (outcome === "added") changed = true;
    }
    if (isNew) report.added++;
    else if (changed) report.updated++;
    else report.unchanged++;
  }
  return report;
}
