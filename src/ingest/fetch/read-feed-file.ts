import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { GazetteError } from "../../shared/errors.js";
import type { FetchOptions, FetchResult } from "../types.js";
import { tooLarge } from "./read-capped-body.js";

/**
 * The absolute path a feed location names when it is a local file (a `file:` URL, or a path
 * absolute or relative to `baseDir`, the config file's folder); undefined for a URL with another
 * scheme.
 */
export function localFeedPath(location: string, baseDir = process.cwd()): string | undefined {
  if (location.startsWith("file:")) return fileURLToPath(location);
  // Two or more letters before ":" make a scheme; one is a Windows drive (C:\feeds\a.xml).
  if (/^[a-z][a-z0-9+.-]+:/i.test(location)) return undefined;
  return path.resolve(baseDir, location);
}

/**
 * Reads a feed from disk, the offline counterpart of an HTTP fetch: the file's size and mtime act
 * as its ETag and Last-Modified, so an unchanged file comes back as not-modified.
 */
export async function readFeedFile(file: string, options: FetchOptions): Promise<FetchResult> {
  try {
    const info = await stat(file);
    const etag = `"${info.size.toString(16)}-${Math.floor(info.mtimeMs).toString(16)}"`;
    const lastModified = info.mtime.toUTCString();
    // Last-Modified has whole seconds only, so the ETag decides whenever the caller kept one.
    const unchanged = options.etag ? options.etag === etag : options.lastModified === lastModified;
    if (unchanged) return { kind: "not-modified", url: file, status: 304 };
    if (info.size > options.maxBytes) throw tooLarge(file, options.maxBytes);
    const bytes = await readFile(file);
    if (bytes.byteLength > options.maxBytes) throw tooLarge(file, options.maxBytes);
    return { kind: "ok", url: file, status: 200, bytes, etag, lastModified };
  } catch (error) {
    if (error instanceof GazetteError) throw error;
    const code = (error as NodeJS.ErrnoException).code ?? "unknown error";
    throw new GazetteError("FEED_FETCH_FAILED", `could not read ${file} (${code})`, {
      cause: error,
    });
  }
}
