import { readFileSync } from "node:fs";
import { decodeBody } from "../../src/ingest/parse/decode-body.js";

/** The decoded text of test/fixtures/feeds/<name>. */
export function feedFixture(name: string): string {
  return decodeBody(readFileSync(feedFixturePath(name)));
}

/** Absolute path of test/fixtures/feeds/<name>. */
export function feedFixturePath(name: string): string {
  return new URL(`../fixtures/feeds/${name}`, import.meta.url).pathname;
}

/** Every href and src value in an HTML string, in order. */
export function linksIn(html: string): string[] {
  return [...html.matchAll(/\s(?:href|src)="([^"]*)"/g)].map((match) => match[1] ?? "");
}
