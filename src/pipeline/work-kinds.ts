/**
 * What a worker claims: due feeds to collect, articles to enrich, deliveries to send, and the
 * bounce mailbox to read (every `inbox.interval`, when `inbox:` is configured).
 */
export const WORK_KINDS = ["feeds", "articles", "deliveries", "inbox"] as const;
export type WorkKind = (typeof WORK_KINDS)[number];
