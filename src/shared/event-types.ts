/** What Gazette tells webhooks about (CONTEXT.md: event); config and store share the names. */
export const EVENT_TYPES = [
  "subscriber.subscribed",
  "subscriber.confirmed",
  "subscriber.unsubscribed",
  "subscriber.bounced",
  "subscriber.complained",
  "issue.composed",
  "issue.sent",
] as const;
export type EventType = (typeof EVENT_TYPES)[number];
