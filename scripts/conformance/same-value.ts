import { plainTitle } from "../../src/ingest/normalize/plain-title.js";
import { resolveUrl } from "../../src/ingest/normalize/resolve-url.js";
import { sanitizeContent } from "../../src/ingest/normalize/sanitize-content.js";
import type { ValueKind } from "./peer-value.js";

/** Compares our value with a peer's expected value, each put in the form Gazette's model uses. */
export function sameValue(
  kind: ValueKind,
  ours: unknown,
  expected: unknown,
  base: string,
): boolean {
  const theirs = peerForm(kind, expected, base);
  if (kind === "list") return JSON.stringify(ours ?? []) === JSON.stringify(theirs ?? []);
  // A peer that keeps an item's first author only names the first of ours ("Ada, Grace").
  if (kind === "author" && typeof ours === "string" && ours.split(", ")[0] === theirs) return true;
  return ourForm(kind, ours, base) === theirs;
}

/** The peer's value in our model's form (plain-text title, absolute URL, sanitized HTML, …). */
export function peerForm(kind: ValueKind, value: unknown, base: string): unknown {
  const text = textOf(value);
  switch (kind) {
    case "title":
      return text === undefined ? undefined : plainTitle(text) || undefined;
    case "url":
      return text === undefined ? undefined : (resolveUrl(text, base) ?? text);
    case "html":
      return text === undefined ? undefined : canonicalHtml(text, base);
    case "date": {
      const time = text === undefined ? Number.NaN : Date.parse(text);
      return Number.isNaN(time) ? text : new Date(time).toISOString();
    }
    case "author":
      // An empty author element names nobody, as a missing one.
      return text === undefined ? undefined : authorName(plainTitle(text)) || undefined;
    case "list":
      return Array.isArray(value) ? value.map(textOf) : value;
    case "count":
      return typeof value === "number" ? value : undefined;
    default:
      return text?.trim();
  }
}

function ourForm(kind: ValueKind, value: unknown, base: string): unknown {
  if (value === undefined) return undefined;
  if (kind === "date") return value instanceof Date ? value.toISOString() : undefined;
  if (kind === "html") return canonicalHtml(String(value), base);
  if (kind === "author") return authorName(String(value));
  return value;
}

// Both sides through our sanitizer: its allow-list is policy, not a difference in parsing. The
// empty <span> in front (not allowed, so dropped) takes text without tags through the full
// sanitizer too, which spells entities one way ("&#X61;" and "a" compare equal).
function canonicalHtml(html: string, base: string): string {
  return sanitizeContent(`<span></span>${html}`, base)
    .replace(/>\s+</g, "><")
    .replace(/\s+/g, " ")
    .trim();
}

// "jane@example.com (Jane)", "Jane (jane@example.com)" and "Jane" name the same person.
function authorName(value: string): string {
  const inParens = value.match(/^\S+@\S+\s*\((.+)\)$/)?.[1];
  return (inParens ?? value.replace(/\s*\(\S+@\S+\)$/, "")).trim();
}

// Peers give some values as objects: { name }, { value }, { url }, { term }.
function textOf(value: unknown): string | undefined {
  if (typeof value === "string") return value;
  if (typeof value === "number") return String(value);
  if (typeof value !== "object" || value === null) return undefined;
  const record = value as Record<string, unknown>;
  for (const key of ["name", "value", "url", "href", "term", "label"]) {
    if (typeof record[key] === "string") return record[key] as string;
  }
  return undefined;
}
