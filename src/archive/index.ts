export { renderArchiveFeed } from "./render-archive-feed.js";
export { renderArchiveIndex } from "./render-archive-index.js";
export type { ArchiveEntry, ArchiveInfo } from "./types.js";
export { type ArchiveFiles, writeArchive } from "./write-archive.js";
