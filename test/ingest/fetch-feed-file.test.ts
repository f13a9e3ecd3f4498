import { mkdtemp, rm, utimes, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { fetchFeed } from "../../src/ingest/fetch/fetch-feed.js";
import type { FetchOptions } from "../../src/ingest/index.js";
import { documentText } from "../../src/ingest/parse/decode-body.js";

const options: FetchOptions = { timeoutMs: 1_000, maxBytes: 10_000, userAgent: "Gazette-test/1.0" };
const rss = `<?xml version="1.0"?><rss version="2.0"><channel><title>Café</title></channel></rss>`;
const mtime = new Date("2025-03-05T10:00:00Z");

let dir: string;
let file: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "gazette-ingest-"));
  file = path.join(dir, "feed.xml");
  await writeFile(file, rss);
  await utimes(file, mtime, mtime);
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe("fetchFeed on local files", () => {
  it.each([
    ["an absolute path", () => file],
    ["a path relative to the working directory", () => path.relative(process.cwd(), file)],
    ["a file: URL", () => pathToFileURL(file).href],
  ])("reads %s, with its mtime as Last-Modified", async (_case, location) => {
    const result = await fetchFeed(location(), options);
    expect(result).toMatchObject({
      kind: "ok",
      url: file,
      status: 200,
      bytes: Buffer.from(rss),
      lastModified: "Wed, 05 Mar 2025 10:00:00 GMT",
    });
  });

  it("reports an unchanged file as not modified, by ETag or by Last-Modified", async () => {
    const first = await fetchFeed(file, options);
    if (first.kind !== "ok") throw new Error("expected a first read");
    const byEtag = await fetchFeed(file, { ...options, etag: first.etag });
    const byDate = await fetchFeed(file, { ...options, lastModified: first.lastModified });
    expect(byEtag).toEqual({ kind: "not-modified", url: file, status: 304 });
    expect(byDate).toEqual({ kind: "not-modified", url: file, status: 304 });
  });

  it("reads the file again once it has changed", async () => {
    const first = await fetchFeed(file, options);
    if (first.kind !== "ok") throw new Error("expected a first read");
    await writeFile(file, rss.replace("Café", "Cafe v2"));
    await utimes(file, new Date("2025-03-06T10:00:00Z"), new Date("2025-03-06T10:00:00Z"));
    const second = await fetchFeed(file, {
      ...options,
      etag: first.etag,
      lastModified: first.lastModified,
    });
    expect(second).toMatchObject({ kind: "ok", lastModified: "Thu, 06 Mar 2025 10:00:00 GMT" });
    expect(second.kind === "ok" && documentText(second)).toContain("Cafe v2");
  });

  it("applies the size cap", async () => {
    await expect(fetchFeed(file, { ...options, maxBytes: 20 })).rejects.toMatchObject({
      code: "FEED_TOO_LARGE",
      message: `feed ${file} is over 20 bytes`,
    });
  });

  it("fails with the error code of a missing file", async () => {
    const missing = path.join(dir, "missing.xml");
    await expect(fetchFeed(missing, options)).rejects.toMatchObject({
      code: "FEED_FETCH_FAILED",
      message: `could not read ${missing} (ENOENT)`,
    });
  });
});
