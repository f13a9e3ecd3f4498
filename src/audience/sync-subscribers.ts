import { emailKey } from "./email-address.js";
import { importSubscribers } from "./import-subscribers.js";
import type { AudienceStore, SubscriberImport } from "./ports.js";

export interface SyncReport {
  added: number;
  updated: number;
  unchanged: number;
  /** Memberships from the file that it no longer lists, removed (only when pruning). */
  removed?: number;
  /** Bad rows and other things the operator should look at; never fatal. */
  problems: string[];
}

/**
 * Syncs the subscribers file into the store: new subscribers and memberships are added and names
 * updated; bad rows are reported and skipped. Memberships the file added earlier and no longer
 * lists are removed only with `prune`, and never when the file lists nobody; otherwise they are
 * counted in a problem line. Nobody who
 * unsubscribed is re-subscribed, and memberships from other sources (signups) are never touched.
 */
export async function syncSubscribers(
  store: { subscribers: SubscriberImport; audience: AudienceStore },
  file: string,
  options: {
    listIds: Map<string, number>;
    defaultLists: string[];
    now: Date;
    prune?: boolean;
  },
): Promise<SyncReport> {
  const source = "subscribers-file";
  const listed = new Set<string>();
  const imported = await importSubscribers(store.subscribers, file, {
    ...options,
    source,
    skipInvalid: true,
    onRow: (email, listIds) => {
      for (const listId of listIds) listed.add(`${listId}:${emailKey(email)}`);
    },
  });
  const report: SyncReport = {
    added: imported.added,
    updated: imported.updated,
    unchanged: imported.unchanged,
    problems: [...imported.warnings, ...imported.problems].map(
      (p) => `${file}:${p.line}: ${p.message}`,
    ),
  };
  const stale = (await store.audience.membershipsFrom(source)).filter(
    (m) => !listed.has(`${m.listId}:${emailKey(m.email)}`),
  );
  if (stale.length === 0) return report;
  if (!options.prune) {
    report.problems.push(
      `${stale.length} membership${stale.length === 1 ? " is" : "s are"} no longer in ${file}; run with --prune-subscribers to remove ${stale.length === 1 ? "it" : "them"}`,
    );
    return report;
  }
  // A file that lists nobody (emptied, truncated, or every row bad) is a mistake far more often
  // than a wish to remove everyone it ever added: that is done one by one, or with a listed row.
  if (listed.size === 0) {
    report.problems.push(
      `${file} lists no subscriber: nothing pruned (it would remove all ${stale.length} memberships it added); check that it is the file you meant, or remove them with gazette subscribers remove`,
    );
    return report;
  }
  report.removed = 0;
  for (const membership of stale)
    if (await store.audience.removeMembership(membership.listId, membership.subscriberId))
      report.removed++;
  return report;
}
