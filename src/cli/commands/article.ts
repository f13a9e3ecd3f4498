import type { Command } from "commander";
import { MAX_CHARS } from "../../enrich/max-chars.js";
import type { Context } from "../../pipeline/context.js";
import type { ArticleEdit } from "../../review/index.js";
import { articleEdit, dropArticle, editArticle } from "../../review/index.js";
import { GazetteError } from "../../shared/errors.js";
import { readStringArray } from "../../store/index.js";
import { countOption } from "../count-option.js";
import { findArticle } from "../find-article.js";
import { terminalLine as line } from "../terminal-text.js";
import { type GlobalOptions, withContext } from "../with-context.js";

type Run = (ctx: Context) => Promise<void>;
const inContext = (command: Command, run: Run) =>
  withContext(command.optsWithGlobals<GlobalOptions>(), run);

/** article list / show / edit / drop / undrop: an editor's view of and corrections to articles. */
export function registerArticle(article: Command): void {
  article
    .command("list")
    .description("the newest articles: id, date, feed, title (and whether an editor changed it)")
    .option("--limit <n>", "how many", "30")
    .action(async (options: { limit: string }, command: Command) => {
      const limit = countOption("--limit", options.limit);
      await inContext(command, async (ctx) => {
        for (const row of await ctx.store.articleLookup.recent(limit)) {
          const date = (row.published_at ?? row.first_seen_at).slice(0, 10);
          const mark = row.dropped === 1 ? "dropped" : row.override_updated_at ? "edited" : "";
          const feed = row.feed_name ?? row.feed_title ?? row.feed_url;
          console.log(line`${row.id}\t${date}\t${feed}\t${row.title}\t${mark}`.trimEnd());
        }
      });
    });

  article
    .command("show <id>")
    .description("an article with its enrichment (and which summarizer wrote it) and any edits")
    .action(async (id: string, _options: object, command: Command) => {
      await inContext(command, async (ctx) => {
        for (const line of await describeArticle(ctx, id)) console.log(line);
      });
    });

  article
    .command("edit <id>")
    .description('set the summary, why it matters or tags of an article ("" clears an edit)')
    .option("--summary <text>", `the summary (at most ${MAX_CHARS} characters)`)
    .option("--why <text>", `why it matters (at most ${MAX_CHARS} characters)`)
    .option("--tags <list>", "comma-separated tags, e.g. databases,postgresql")
    .action(
      async (
        id: string,
        options: { summary?: string; why?: string; tags?: string },
        command: Command,
      ) => {
        const input = toOverride(options);
        await inContext(command, async (ctx) => {
          const found = await findArticle(ctx, id);
          await editArticle(ctx.store, found.id, input, ctx.clock.now());
          console.log(`Article ${found.id}: ${describeEdit(input)}.`);
        });
      },
    );

  for (const [name, isDropped] of [
    ["drop", true],
    ["undrop", false],
  ] as const) {
    article
      .command(`${name} <id>`)
      .description(
        isDropped
          ? "keep an article out of every issue not yet sent"
          : "let a dropped article back into issues",
      )
      .action(async (id: string, _options: object, command: Command) => {
        await inContext(command, async (ctx) => {
          const found = await findArticle(ctx, id);
          await dropArticle(ctx.store, found.id, isDropped, ctx.clock.now());
          console.log(
            isDropped
              ? `Article ${found.id}: dropped; it will not appear in any issue not yet sent.`
              : `Article ${found.id}: back in; it can appear in the next issue.`,
          );
        });
      });
  }
}

/** The override an `edit` asks for (review/index.ts checks it); "" clears a field. */
function toOverride(options: { summary?: string; why?: string; tags?: string }): ArticleEdit {
  const input = articleEdit(options);
  if (Object.keys(input).length === 0) {
    throw new GazetteError("USAGE", "nothing to edit: give --summary, --why or --tags");
  }
  return input;
}

/** What an edit did: the fields it set, and those whose edit "" took away. */
function describeEdit(input: ArticleEdit): string {
  const fields = Object.entries(input);
  const set = fields.filter(([, value]) => value !== null).map(([field]) => field);
  const cleared = fields.filter(([, value]) => value === null).map(([field]) => field);
  return [
    set.length > 0 ? `edited (${set.join(", ")})` : "",
    cleared.length > 0
      ? `edit of ${cleared.join(", ")} removed (the summarizer's text is used again)`
      : "",
  ]
    .filter(Boolean)
    .join("; ");
}

/** The lines of `article show`. */
async function describeArticle(ctx: Context, id: string): Promise<string[]> {
  const article = await findArticle(ctx, id);
  const enrichments = await ctx.store.articleLookup.enrichments(article.id);
  const current = enrichments.find((row) => row.content_hash === article.content_hash);
  const override = await ctx.store.overrides.of(article.id);
  const lines = [
    line`Article ${article.id}: ${article.title}`,
    line`  URL:        ${article.url}`,
    line`  Feed:       ${article.feed_name ?? article.feed_title ?? article.feed_url}`,
    `  Published:  ${article.published_at ?? "(not given by the feed)"}`,
    `  First seen: ${article.first_seen_at}`,
    `  Updated:    ${article.updated_at}`,
  ];
  if (override?.dropped === 1) lines.push("  Dropped:    yes (kept out of issues not yet sent)");
  if (current) {
    lines.push(
      `Enrichment by ${current.summarizer} (${current.created_at}):`,
      line`  Summary:  ${current.summary}`,
      line`  Why:      ${current.why}`,
      line`  Tags:     ${readStringArray(current.tags).join(", ")}`,
      line`  Category: ${current.category} · ${current.read_minutes} min read`,
    );
  } else {
    lines.push("Enrichment: none yet for the current content (run gazette enrich)");
  }
  const older = enrichments.filter((row) => row !== current);
  if (older.length > 0) {
    const names = older.map((row) =>
      row.content_hash === article.content_hash
        ? row.summarizer
        : `${row.summarizer} (older content)`,
    );
    lines.push(`  Also stored: ${names.join(", ")}`);
  }
  if (override && (override.summary !== null || override.why !== null || override.tags !== null)) {
    lines.push(`Edited (${override.updated_at}; wins over the enrichment):`);
    if (override.summary !== null) lines.push(`  Summary:  ${override.summary}`);
    if (override.why !== null) lines.push(`  Why:      ${override.why}`);
    if (override.tags !== null)
      lines.push(`  Tags:     ${readStringArray(override.tags).join(", ")}`);
  }
  return lines;
}
