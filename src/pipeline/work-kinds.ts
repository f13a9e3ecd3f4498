/** What a worker claims: due feeds to collect, articles to enrich, deliveries to send. */
export const WORK_KINDS = ["feeds", "articles", "deliveries"] as const;
export type WorkKind = (typeof WORK_KINDS)[number];
