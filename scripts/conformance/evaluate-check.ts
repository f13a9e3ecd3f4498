import type { ReadFeed } from "../../src/ingest/parse/read-feed.js";
import { peerValue } from "./peer-value.js";
import { peerForm, sameValue } from "./same-value.js";

/** One expectation from the manifest, in the peer's own model. */
export interface Check {
  path: string;
  op: string;
  value?: unknown;
}

/** What became of one check: kept, broken (with why) or not applicable to Gazette's model. */
export type Verdict = { pass: true } | { pass: false; why: string } | { na: string };

/** Evaluates one manifest check against what we read from `document`, served from `base`. */
export function evaluateCheck(
  check: Check,
  feed: ReadFeed,
  base: string,
  document: string,
): Verdict {
  if (check.op === "parsesWithoutCrash") return { pass: true };
  const mapped = peerValue(check.path, feed);
  if ("na" in mapped) return mapped;
  const { kind, value } = mapped;
  // Links inside a title are dropped on purpose: a title is plain text in Gazette.
  if (kind === "title" && /\s(?:href|src)=/.test(String(check.value))) {
    return { na: "markup in a title" };
  }
  const itemBase = mapped.item && "url" in mapped.item ? (mapped.item.url ?? base) : base;
  const same = (expected: unknown) => sameValue(kind, value, expected, itemBase);
  const shown = () =>
    `${check.path} is ${JSON.stringify(value)}, expected ${check.op} ${JSON.stringify(peerForm(kind, check.value, itemBase))}`;
  const verdict = (ok: boolean): Verdict => {
    if (ok) return { pass: true };
    const reason = notModelled(kind, check.value, document);
    return reason ? { na: reason } : { pass: false, why: shown() };
  };
  switch (check.op) {
    case "eq":
    case "dateEq":
      return verdict(same(check.value));
    case "ne":
      return verdict(!same(check.value));
    case "oneOf":
      return verdict(Array.isArray(check.value) && check.value.some(same));
    case "is":
      return verdict(check.value === null ? isEmpty(value) : same(check.value));
    case "truthy":
      return verdict(!isEmpty(value));
    case "falsy":
    case "absent":
      return verdict(isEmpty(value));
    case "lengthEq":
      return verdict(lengthOf(value) === check.value);
    case "contains":
      return verdict(String(value ?? "").includes(String(check.value)));
    case "notContains":
      return verdict(!String(value ?? "").includes(String(check.value)));
    default:
      return { na: `op ${check.op}` };
  }
}

// Differences that come from Gazette's model, not from reading the document wrong.
function notModelled(kind: string, expected: unknown, document: string): string | undefined {
  const bodies = new Set(
    [
      ...document.matchAll(
        /<(description|summary|content|content:encoded|body|xhtml:body|fullitem)[\s>]/g,
      ),
    ].map((match) => match[1]),
  );
  if (kind === "html" && bodies.size > 1) return "Gazette keeps one body per item, the richest";
  // A value the peer made up (feed-rs hashes an id, names an unnamed author "author").
  const words = document.replace(/<[^>]*>/g, " ");
  if (
    (kind === "text" || kind === "author") &&
    typeof expected === "string" &&
    !words.includes(expected)
  ) {
    return "value synthesized by the peer";
  }
  return undefined;
}

function isEmpty(value: unknown): boolean {
  return value === undefined || value === "" || (Array.isArray(value) && value.length === 0);
}

function lengthOf(value: unknown): number | undefined {
  if (typeof value === "number") return value;
  return Array.isArray(value) || typeof value === "string" ? value.length : undefined;
}
