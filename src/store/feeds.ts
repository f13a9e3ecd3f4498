import type { Kysely, Selectable } from "kysely";
import type { Database, FeedsTable } from "./tables.js";

export type FeedRow = Selectable<FeedsTable>;

export interface FetchOutcome {
  status: "fetched" | "unchanged" | "failed";
  fetchedAt: Date;
  etag?: string | null;
  lastModified?: string | null;
  error?: string;
  itemCount?: number;
  title?: string;
  siteUrl?: string;
}

/** Queries on feeds and their fetch health. */
export class FeedRepo {
  constructor(private readonly db: Kysely<Database>) {}

  /** Inserts the configured feeds that are new and updates names and tags; returns all of them. */
  async sync(
    feeds: { url: string; name?: string; tags: string[] }[],
    now: Date,
  ): Promise<FeedRow[]> {
    for (const feed of feeds) {
      await this.db
        .insertInto("feeds")
        .values({
          url: feed.url,
          name: feed.name ?? null,
          tags: JSON.stringify(feed.tags),
          created_at: now.toISOString(),
        })
        .onConflict((oc) =>
          oc
            .column("url")
            .doUpdateSet({ name: feed.name ?? null, tags: JSON.stringify(feed.tags) }),
        )
        .execute();
    }
    return this.db
      .selectFrom("feeds")
      .selectAll()
      .where(
        "url",
        "in",
        feeds.map((f) => f.url),
      )
      .orderBy("id")
      .execute();
  }

  all(): Promise<FeedRow[]> {
    return this.db.selectFrom("feeds").selectAll().orderBy("id").execute();
  }

  byUrl(url: string): Promise<FeedRow | undefined> {
    return this.db.selectFrom("feeds").selectAll().where("url", "=", url).executeTakeFirst();
  }

  /** Records one fetch: validators on success, an error count on failure. */
  async recordFetch(feedId: number, outcome: FetchOutcome): Promise<void> {
    const at = outcome.fetchedAt.toISOString();
    if (outcome.status === "failed") {
      await this.db
        .updateTable("feeds")
        .set((eb) => ({
          last_fetched_at: at,
          last_status: "failed",
          last_error: outcome.error ?? "unknown error",
          consecutive_errors: eb("consecutive_errors", "+", 1),
        }))
        .where("id", "=", feedId)
        .execute();
      return;
    }
    await this.db
      .updateTable("feeds")
      .set({
        last_fetched_at: at,
        last_status: outcome.status,
        last_error: null,
        consecutive_errors: 0,
        ...(outcome.status === "fetched"
          ? {
              etag: outcome.etag ?? null,
              last_modified: outcome.lastModified ?? null,
              item_count: outcome.itemCount ?? 0,
              title: outcome.title ?? null,
              site_url: outcome.siteUrl ?? null,
            }
          : {}),
      })
      .where("id", "=", feedId)
      .execute();
  }
}
