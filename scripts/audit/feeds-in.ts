import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

/** A mistake in how the script was called: exit code 2. */
export class UsageError extends Error {}

const FEED_FILE = /\.(?:xml|rss|atom|json)$/i;

/**
 * The feeds a command-line target names: a URL or a file as it is; a folder's feeds, as its
 * manifest.json lists them (`files[]` with `role: "feed"`, as ../shared/conformance has), else
 * every .xml/.rss/.atom/.json file in it.
 */
export function feedsIn(target: string): string[] {
  if (/^https?:\/\//i.test(target)) return [target];
  const resolved = path.resolve(target);
  if (!existsSync(resolved)) throw new UsageError(`${target}: no such feed file or folder`);
  if (!statSync(resolved).isDirectory()) return [resolved];
  const manifest = path.join(resolved, "manifest.json");
  const names = existsSync(manifest)
    ? manifestFeeds(manifest)
    : readdirSync(resolved).filter((name) => FEED_FILE.test(name) && name !== "manifest.json");
  if (names.length === 0) throw new UsageError(`${target}: no feeds in this folder`);
  return names.sort().map((name) => path.join(resolved, name));
}

function manifestFeeds(file: string): string[] {
  const manifest = JSON.parse(readFileSync(file, "utf8")) as { files?: unknown };
  if (!Array.isArray(manifest.files)) throw new UsageError(`${file}: no "files" list`);
  return manifest.files.flatMap((entry: { file?: unknown; role?: unknown }) =>
    entry.role === "feed" && typeof entry.file === "string" ? [entry.file] : [],
  );
}
