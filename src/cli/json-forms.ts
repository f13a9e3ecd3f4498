import type { Issue } from "../compose/ports.js";
import type { ListConfig } from "../config/index.js";
import type {
  DeliveryFailure,
  DeliveryStatus,
  FeedRow,
  MembershipStatus,
  RunRow,
} from "../store/index.js";
import { feedStatus } from "./format-feeds.js";
import { localTime } from "./local-time.js";

// The `--json` forms of the listing commands (README "JSON output"). Each is built here from the
// store's rows, field by field: a column added to a table never leaks into them, keys are
// camelCase, times are UTC ISO 8601 strings, and an absent value is null. `version` changes only
// when a field is removed or changes meaning; new fields may appear at any time.

export const JSON_FORM_VERSION = 1;

/** One feed, as `gazette feeds --json` and `status --json` print it. */
export function feedJson(feed: FeedRow, now: Date) {
  const isDue =
    feed.retired_at === null &&
    (feed.next_fetch_at === null || feed.next_fetch_at <= now.toISOString());
  return {
    name: feed.name ?? feed.title ?? feed.url,
    url: feed.url,
    currentUrl: feed.current_url,
    tags: parseTags(feed.tags),
    status: feedStatus(feed),
    lastStatus: feed.last_status,
    lastFetchedAt: feed.last_fetched_at,
    items: feed.item_count,
    consecutiveErrors: feed.consecutive_errors,
    lastError: feed.last_error,
    nextFetchAt: feed.retired_at !== null ? null : isDue ? now.toISOString() : feed.next_fetch_at,
    retiredAt: feed.retired_at,
  };
}

/** The next run of a list's schedule: UTC and the same instant in the list's time zone. */
export function scheduleJson(list: ListConfig, next: Date | string) {
  const fires = typeof next !== "string";
  return {
    cron: list.schedule.cron,
    timezone: list.schedule.timezone,
    nextRunAt: fires ? next.toISOString() : null,
    nextRunLocal: fires ? localTime(next, list.schedule.timezone) : null,
    ...(!fires && { problem: next }),
  };
}

export function runJson(run: RunRow) {
  return {
    id: run.id,
    command: run.command,
    list: run.list_slug,
    startedAt: run.started_at,
    finishedAt: run.finished_at,
    status: run.status,
  };
}

export function issueJson(issue: Issue) {
  return {
    number: issue.number,
    status: issue.status,
    subject: issue.subject,
    createdAt: issue.createdAt.toISOString(),
    sentAt: issue.sentAt?.toISOString() ?? null,
    pausedAt: issue.pausedAt?.toISOString() ?? null,
  };
}

/** Counts by status, every status present (0 when none), in a fixed order. */
export function deliveryCountsJson(counts: Partial<Record<DeliveryStatus, number>>) {
  const statuses: DeliveryStatus[] = ["sent", "pending", "sending", "failed", "bounced", "skipped"];
  return Object.fromEntries(statuses.map((status) => [status, counts[status] ?? 0]));
}

export function subscriberCountsJson(counts: Partial<Record<MembershipStatus, number>>) {
  const statuses: MembershipStatus[] = [
    "active",
    "pending",
    "unsubscribed",
    "bounced",
    "complained",
  ];
  return Object.fromEntries(statuses.map((status) => [status, counts[status] ?? 0]));
}

export function failureJson(failure: DeliveryFailure) {
  return {
    email: failure.email,
    status: failure.status,
    attempts: failure.attempts,
    error: failure.error,
    nextAttemptAt: failure.next_attempt_at,
  };
}

/** Prints one JSON form: `{ version, …fields }`, two-space indented. */
export function printJson(fields: Record<string, unknown>): void {
  console.log(JSON.stringify({ version: JSON_FORM_VERSION, ...fields }, null, 2));
}

// Stored as a JSON array in one column; printed as the array it is.
function parseTags(tags: string): string[] {
  try {
    const parsed: unknown = JSON.parse(tags);
    return Array.isArray(parsed) ? parsed.filter((tag) => typeof tag === "string") : [];
  } catch {
    return [];
  }
}
