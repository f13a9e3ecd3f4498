import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { enrichArticles } from "../../src/enrich/enrich-articles.js";
import { collectStage } from "../../src/pipeline/collect-stage.js";
import { type Context, openContext } from "../../src/pipeline/context.js";
import { openSummarizer } from "../../src/pipeline/enrich-stage.js";

/** One article as the audit reads it back from the store: what a reader would see. */
export interface AuditEntry {
  feed: string;
  title: string;
  url: string;
  /** The article's plain text as stored ("" for a title-only item: nothing to summarize). */
  articleText: string;
  summary: string;
  why: string;
  /** Who wrote the enrichment, and how (when the summarizer says). */
  summarizer: string;
  method?: string;
  confidence?: number;
}

export interface CollectedEntries {
  entries: AuditEntry[];
  /** Feeds that failed, and items the parser skipped: an audit of part of the input says so. */
  problems: string[];
}

/**
 * Runs collect and enrich, as `gazette run` would with the default summarizer, over `feeds`
 * (file paths or URLs) into a store in a temporary directory, and reads back every article with
 * its enrichment. Full text is never fetched: the audit stays offline on file feeds.
 */
export async function collectEntries(
  feeds: readonly string[],
  options: { repoRoot: string },
): Promise<CollectedEntries> {
  const dir = await mkdtemp(path.join(tmpdir(), "gazette-audit-"));
  try {
    const configPath = path.join(dir, "gazette.yaml");
    await writeFile(configPath, auditConfig(feeds, dir, options.repoRoot));
    // An empty environment: no DATABASE_URL or GAZETTE_* variable can point the run elsewhere.
    const ctx = await openContext({ configPath, env: {}, cwd: dir });
    try {
      const collected = await collectStage(ctx, { force: true });
      // Every article, whatever its date: an undated item of a feed's first fetch counts as
      // older than every look-back, and enrich would leave it alone.
      await enrichArticles(ctx.store.enrichments, openSummarizer(ctx), {
        since: new Date("0001-01-01T00:00:00Z"),
        now: () => ctx.clock.now(),
      });
      const problems = collected.feeds.flatMap((feed) => [
        ...(feed.error ? [`${feed.name}: ${feed.error}`] : []),
        ...feed.problems,
      ]);
      return { entries: await readEntries(ctx), problems };
    } finally {
      await ctx.close();
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** A config with the feeds, no subscribers, and a look-back wide enough for old snapshots. */
function auditConfig(feeds: readonly string[], dir: string, repoRoot: string): string {
  // JSON strings are valid YAML scalars: a path with ": " or "#" stays one value.
  const feedLines = feeds.map((feed) => `  - url: ${JSON.stringify(feed)}`).join("\n");
  return `newsletter:
  name: Gazette audit
  baseUrl: https://audit.example.com
  postalAddress: none
sender:
  from: Audit <audit@example.com>
dataDir: ${JSON.stringify(path.join(dir, "data"))}
templates: ${JSON.stringify(path.join(repoRoot, "templates"))}
summarizer:
  provider: extractive
collect:
  fullText: never
feeds:
${feedLines}
lists:
  - id: audit
    name: Audit
    lookback: 36500d
`;
}

/** Every stored article with its current enrichment, feed by feed in the order stored. */
async function readEntries(ctx: Context): Promise<AuditEntry[]> {
  const rows = await ctx.store.articleLookup.recent(Number.MAX_SAFE_INTEGER);
  rows.sort((a, b) => a.id - b.id);
  const entries: AuditEntry[] = [];
  for (const row of rows) {
    const article = await ctx.store.articles.byId(row.id);
    const enrichments = await ctx.store.articleLookup.enrichments(row.id);
    const current = enrichments.find((each) => each.content_hash === row.content_hash);
    entries.push({
      feed: row.feed_name ?? row.feed_title ?? row.feed_url,
      title: row.title,
      url: row.url,
      articleText: article?.content_text ?? "",
      summary: current?.summary ?? "",
      why: current?.why ?? "",
      summarizer: current?.summarizer ?? "none",
      ...(current?.method != null && { method: current.method }),
      ...(current?.confidence != null && { confidence: current.confidence }),
    });
  }
  return entries;
}
