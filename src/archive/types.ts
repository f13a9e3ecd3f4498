/** One sent issue as the archive lists it. */
export interface ArchiveEntry {
  number: number;
  subject: string;
  /** When the issue finished sending. */
  sentAt: Date;
  /** Absolute URL of the web version. */
  url: string;
  articleTitles: string[];
}

/** What the index page and the feed say about the list they archive. */
export interface ArchiveInfo {
  newsletterName: string;
  listName: string;
  language: string;
  /** Absolute URL of the list's archive folder, ending in "/". */
  baseUrl: string;
}
