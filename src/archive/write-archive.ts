import { mkdir, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import { renderArchiveFeed } from "./render-archive-feed.js";
import { renderArchiveIndex } from "./render-archive-index.js";
import type { ArchiveEntry, ArchiveInfo } from "./types.js";

export interface ArchiveFiles {
  issuePath: string;
  indexPath: string;
  feedPath: string;
}

/**
 * Writes an issue's web version into the list's archive folder (`<number>.html`), then the index
 * page and the Atom feed over `entries` (every sent issue, newest first). Each file is replaced
 * whole, so a crash never leaves half a page for the web server to serve.
 */
export async function writeArchive(input: {
  dir: string;
  info: ArchiveInfo;
  issue: { number: number; html: string };
  entries: ArchiveEntry[];
}): Promise<ArchiveFiles> {
  await mkdir(input.dir, { recursive: true });
  const files = {
    issuePath: path.join(input.dir, `${input.issue.number}.html`),
    indexPath: path.join(input.dir, "index.html"),
    feedPath: path.join(input.dir, "feed.xml"),
  };
  await replaceFile(files.issuePath, input.issue.html);
  await replaceFile(files.indexPath, renderArchiveIndex(input.info, input.entries));
  await replaceFile(files.feedPath, renderArchiveFeed(input.info, input.entries));
  return files;
}

async function replaceFile(file: string, content: string): Promise<void> {
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, content);
  await rename(temporary, file);
}
