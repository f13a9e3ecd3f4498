import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { isPersonalBlog } from "../../src/enrich/extractive/voice-of.js";
import type { SummarizeInput } from "../../src/enrich/index.js";
import { createFeedReader } from "./read-feed-article.js";

const Reference = {
  id: z.union([z.string(), z.number()]).transform(String),
  /** The sets the row counts in; default "synthetic" for an inline article, "real" for a pointer. */
  sets: z.array(z.string().min(1)).min(1).optional(),
  ref_summary: z.string().min(1),
  /** "" when the article offers no outcome or lesson: the right why is none. */
  ref_why: z.string().optional(),
};
/** An article written into the row (the synthetic set). */
const InlineRow = z.strictObject({
  ...Reference,
  title: z.string(),
  text: z.string(),
  categories: z.array(z.string()).optional(),
});
/** A pointer to an article in a feed file, read at run time (the real set): never its text. */
const FeedRow = z.strictObject({
  ...Reference,
  /** The feed file, relative to the repository root (e.g. ../shared/conformance/real-feeds/…). */
  feed: z.string().min(1),
  /** The item's GUID or link. */
  item: z.string().min(1),
  /** The feed's display name, as an operator would configure `feeds[].name`. */
  source: z.string().min(1).optional(),
});
const Row = z.union([InlineRow, FeedRow]);

/** One article to summarize, with the references to score against. */
export interface EvalArticle {
  id: string;
  sets: string[];
  title: string;
  text: string;
  html?: string;
  url?: string;
  categories: string[];
  source?: SummarizeInput["source"];
  refSummary: string;
  refWhy?: string;
}

/** The rows of a .jsonl file, or of every .jsonl file in a folder, with feed articles resolved. */
export async function readEvalRows(target: string, repoRoot: string): Promise<EvalArticle[]> {
  const files = statSync(target).isDirectory()
    ? readdirSync(target)
        .filter((name) => name.endsWith(".jsonl"))
        .sort()
        .map((name) => path.join(target, name))
    : [target];
  const feeds = createFeedReader(new Date());
  const articles: EvalArticle[] = [];
  for (const file of files) {
    const lines = readFileSync(file, "utf8").split("\n");
    for (const [at, line] of lines.entries()) {
      if (line.trim() === "") continue;
      const where = `${file}:${at + 1}`;
      const row = parseRow(line, where);
      articles.push(
        "text" in row ? inlineArticle(row) : await feedArticle(row, repoRoot, feeds, where),
      );
    }
  }
  return articles;
}

function parseRow(line: string, where: string): z.infer<typeof Row> {
  let json: unknown;
  try {
    json = JSON.parse(line);
  } catch (error) {
    throw new Error(`${where}: not JSON (${error instanceof Error ? error.message : error})`);
  }
  const parsed = Row.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`${where}: ${issue?.path.join(".") || "row"}: ${issue?.message}`);
  }
  return parsed.data;
}

function inlineArticle(row: z.infer<typeof InlineRow>): EvalArticle {
  return {
    id: row.id,
    sets: row.sets ?? ["synthetic"],
    title: row.title,
    text: row.text,
    categories: row.categories ?? [],
    refSummary: row.ref_summary,
    refWhy: row.ref_why,
  };
}

async function feedArticle(
  row: z.infer<typeof FeedRow>,
  repoRoot: string,
  feeds: ReturnType<typeof createFeedReader>,
  where: string,
): Promise<EvalArticle> {
  const file = path.resolve(repoRoot, row.feed);
  if (!existsSync(file))
    throw new Error(
      `${where}: feed file ${file} not found (the real set reads ../shared beside the repository)`,
    );
  const { item, feedTitle, feedAuthors } = await feeds
    .article(file, row.item)
    .catch((error: Error) => {
      throw new Error(`${where}: ${error.message}`);
    });
  const name = row.source ?? feedTitle;
  return {
    id: row.id,
    sets: row.sets ?? ["real"],
    title: item.title,
    text: item.contentText,
    html: item.contentHtml,
    url: item.url,
    categories: item.categories,
    ...(name && { source: sourceOf(name, item.author, feedAuthors) }),
    refSummary: row.ref_summary,
    refWhy: row.ref_why,
  };
}

// As enrich tells it (the same rule): a personal blog's "I" is its author.
function sourceOf(
  name: string,
  author: string | undefined,
  feedAuthors: number,
): SummarizeInput["source"] {
  if (author === undefined) return { name };
  return { name, author, isPersonal: isPersonalBlog(author, feedAuthors) };
}
