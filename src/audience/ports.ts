// What the audience import asks of the store, in its own terms: the store implements this port
// (store.subscribers) and keeps the import's transaction inside it.

/** A membership's status on one list. */
export type MembershipStatus = "pending" | "active" | "unsubscribed" | "bounced" | "complained";

/** One address to import: its lists by number, the status a new membership gets. */
export interface ImportRow {
  email: string;
  name?: string;
  /** List numbers (ctx.listNumbers), not slugs. */
  listIds: number[];
  status: MembershipStatus;
}

export interface ImportCounts {
  added: number;
  updated: number;
  unchanged: number;
}

/** The store as an import uses it. */
export interface SubscriberImport {
  /**
   * Applies every batch in one transaction — all or nothing; with `dryRun` it counts and then
   * rolls back. New subscribers are inserted, names updated, missing memberships added with the
   * row's status; existing memberships keep theirs (nobody is re-subscribed). Rows are matched by
   * address key; a batch holds each key once.
   */
  importBatches(
    batches: AsyncIterable<ImportRow[]>,
    options: { source: string; now: Date; dryRun?: boolean },
  ): Promise<ImportCounts>;
}
