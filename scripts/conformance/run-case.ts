import { readFileSync } from "node:fs";
import path from "node:path";
import iconv from "iconv-lite";
import { decodeBody } from "../../src/ingest/parse/decode-body.js";
import { type ReadFeed, readFeed } from "../../src/ingest/parse/read-feed.js";
import { isGazetteError } from "../../src/shared/errors.js";
import { DISPUTED } from "./disputed.js";
import { type Check, evaluateCheck, type Verdict } from "./evaluate-check.js";

/** One entry of feeds/manifest.json (the fields the runner uses). */
export interface ManifestCase {
  file: string;
  category: string;
  expectKind: "checks" | "golden-json" | "error" | "detect" | "parse-only";
  checks?: Check[] | null;
  expected?: Record<string, unknown>;
  http?: { documentUrl?: string; headers?: Record<string, string> };
  sanitize?: { mustNotContain?: string[] };
}

export interface CaseResult {
  file: string;
  category: string;
  status: "pass" | "fail" | "na" | "disputed";
  /** The first broken expectation, or why the case is not applicable. */
  why?: string;
  naChecks: number;
}

type Outcome = { feed: ReadFeed } | { error: unknown };

// A fixed clock: the suites' dates run up to 2026, and "future" must not depend on today.
export const NOW = new Date("2027-01-01T00:00:00Z");
const TIME_LIMIT_MS = 10_000;

/** Runs one case through decodeBody → readFeed (parse, normalize, sanitize) and judges it. */
export async function runCase(feedsDir: string, entry: ManifestCase): Promise<CaseResult> {
  const bytes = readFileSync(path.join(feedsDir, entry.file));
  const contentType = headerOf(entry.http?.headers, "content-type");
  const feedUrl = documentUrlOf(entry);
  const text = decodeBody(bytes, contentType);
  const outcome = await withTimeLimit(readFeed(text, { feedUrl, now: NOW }));
  const verdicts = judge(entry, outcome, { bytes, text, feedUrl, contentType });
  const failure = verdicts.find((verdict) => "pass" in verdict && !verdict.pass);
  const naChecks = verdicts.filter((verdict) => "na" in verdict).length;
  const result = { file: entry.file, category: entry.category, naChecks };
  if (failure && "why" in failure) {
    const disputed = DISPUTED[entry.file];
    if (disputed) return { ...result, status: "disputed", why: `${disputed} (${failure.why})` };
    return { ...result, status: "fail", why: failure.why };
  }
  if (verdicts.some((verdict) => "pass" in verdict)) return { ...result, status: "pass" };
  const na = verdicts.find((verdict) => "na" in verdict);
  return { ...result, status: "na", why: na && "na" in na ? na.na : "no expectation" };
}

interface Input {
  bytes: Buffer;
  text: string;
  feedUrl: string;
  contentType?: string;
}

function judge(entry: ManifestCase, outcome: Outcome, input: Input): Verdict[] {
  if ("error" in outcome && !isGazetteError(outcome.error)) {
    return [{ pass: false, why: `crash: ${String(outcome.error)}` }];
  }
  const rejected = "error" in outcome ? (outcome.error as Error).message : undefined;
  if (entry.expectKind === "error") {
    return [rejected ? { pass: true } : { pass: false, why: "accepted a document to reject" }];
  }
  if (entry.expectKind === "detect" && entry.expected?.detectedType === "invalid") {
    return [rejected ? { pass: true } : { pass: false, why: "read a non-feed as a feed" }];
  }
  const checks = entry.expectKind === "golden-json" ? goldenChecks(entry.expected) : entry.checks;
  if ("error" in outcome) {
    // An ill-formed document may be rejected, loudly; anything else should have been read.
    if (!checks?.length || checks.every((check) => check.op === "parsesWithoutCrash")) {
      return [{ pass: true }];
    }
    return [{ pass: false, why: `rejected: ${rejected}` }];
  }
  const { feed } = outcome;
  const silent = notSilentlyEmpty(feed, input.text);
  // With nothing else to check, reading the items is the whole expectation.
  const verdicts: Verdict[] = silent ? [silent] : checks?.length ? [] : [{ pass: true }];
  for (const check of checks ?? []) {
    verdicts.push(
      check.path === "encoding"
        ? sameDecoding(check, input)
        : evaluateCheck(check, feed, input.feedUrl, input.text),
    );
  }
  for (const needle of entry.sanitize?.mustNotContain ?? []) {
    const leaked = feed.entries.some(
      (item) =>
        "contentHtml" in item && item.contentHtml.toLowerCase().includes(needle.toLowerCase()),
    );
    verdicts.push(leaked ? { pass: false, why: `sanitize: ${needle} survived` } : { pass: true });
  }
  return verdicts;
}

// An empty issue is the failure a newsletter cannot afford: items in the document must come out.
function notSilentlyEmpty(feed: ReadFeed, text: string): Verdict | undefined {
  const hasItems = /<(?:[\w-]+:)?(?:item|entry)[\s>/]|"items"\s*:\s*\[\s*\{/.test(text);
  return feed.entries.length === 0 && hasItems
    ? { pass: false, why: "items in the document, none read" }
    : undefined;
}

// feedparser names the encoding it used; we pass when our text is what that encoding gives.
function sameDecoding(check: Check, input: Input): Verdict {
  if (!declaresCharset(input)) {
    return { na: "undeclared legacy charset: needs statistical detection (chardet)" };
  }
  const label = String(check.value)
    .toLowerCase()
    .replace(/^us-ascii$/, "ascii");
  if (!iconv.encodingExists(label)) return { na: `encoding ${label} unknown to iconv-lite` };
  const theirs = iconv.decode(input.bytes, label).replace(/^\uFEFF/, "");
  if (theirs === input.text.replace(/^\uFEFF/, "")) return { pass: true };
  return { pass: false, why: `decoded differently from ${check.value}` };
}

// Without a BOM, a charset or an XML declaration, only a statistical guess names the encoding of
// bytes that are not UTF-8; Gazette reads them as windows-1252, as browsers do.
function declaresCharset(input: Input): boolean {
  const [first, second] = input.bytes;
  const head = input.bytes.subarray(0, 512).toString("latin1");
  return (
    !new TextDecoder().decode(input.bytes).includes("\uFFFD") ||
    // A byte order mark, or the zero bytes of UTF-16/32.
    [0xef, 0xfe, 0xff, 0x00].includes(first ?? -1) ||
    second === 0x00 ||
    /charset\s*=/i.test(input.contentType ?? "") ||
    /^\s*<\?xml[^>]*\sencoding\s*=/.test(head)
  );
}

// golden-json: one check per modelled field; of several content fields the longest stands for
// the article (as in normalizeItem), and an update date only when there is no publication date.
function goldenChecks(expected: Record<string, unknown> | undefined): Check[] {
  const checks = Object.entries(expected ?? {}).map(([key, value]) => ({
    path: key,
    op: "eq",
    value,
  }));
  const isContent = (check: Check) =>
    /\.(?:content(?:\.body)?|description|summary)$/.test(check.path);
  const longest = checks
    .filter(isContent)
    .sort((a, b) => String(b.value).length - String(a.value).length)[0];
  const hasPublished = checks.some((check) => /\.(?:published|pubDate|isoDate)$/.test(check.path));
  const kept = checks.filter(
    (check) =>
      (!isContent(check) || check === longest) && !(hasPublished && /\.updated$/.test(check.path)),
  );
  return oneAuthor(kept);
}

// rss-parser's goldens give an item's dc:creator as `creator` and its <author> as `author`;
// Gazette keeps one author per item, so either name is the item's author.
function oneAuthor(checks: Check[]): Check[] {
  const itemOf = (check: Check) => check.path.match(/^(items\[\d+\])\.(?:creator|author)$/)?.[1];
  const done = new Set<string>();
  return checks.flatMap((check) => {
    const item = itemOf(check);
    if (item === undefined) return [check];
    if (done.has(item)) return [];
    done.add(item);
    const names = checks.filter((other) => itemOf(other) === item).map((other) => other.value);
    // An empty field names nobody: it counts only when no field names anyone.
    const given = names.filter((name) => name !== "");
    return [{ path: check.path, op: "oneOf", value: given.length > 0 ? given : [""] }];
  });
}

// RFC 2616 §14.14 (and feedparser): Content-Location is the base of the document's relative
// links. RFC 2606: .invalid never resolves, so a resolved link can only point where we said.
function documentUrlOf(entry: ManifestCase): string {
  const documentUrl = entry.http?.documentUrl ?? `https://conformance.invalid/feeds/${entry.file}`;
  const location = headerOf(entry.http?.headers, "content-location");
  return location ? new URL(location, documentUrl).href : documentUrl;
}

function headerOf(headers: Record<string, string> | undefined, name: string): string | undefined {
  return Object.entries(headers ?? {}).find(([key]) => key.toLowerCase() === name)?.[1];
}

async function withTimeLimit(work: Promise<ReadFeed>): Promise<Outcome> {
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer in ${TIME_LIMIT_MS} ms`)), TIME_LIMIT_MS);
  });
  try {
    return { feed: await Promise.race([work, limit]) };
  } catch (error) {
    return { error };
  } finally {
    clearTimeout(timer);
  }
}
