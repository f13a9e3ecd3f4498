import { dropControls } from "../shared/control-characters.js";
import { escapeMarkup } from "../shared/escape-markup.js";
import type { ArchiveEntry, ArchiveInfo } from "./types.js";

/** Feed readers need no more than the recent issues; the index page lists them all. */
const FEED_ENTRIES = 20;

// XML 1.0 has no control characters (but TAB, LF, CR) and no U+FFFE/U+FFFF: a subject or title
// stored before they were dropped at ingest must not make the whole feed unreadable.
const e = (text: string) => escapeMarkup(dropControls(text));

/** An Atom feed (RFC 4287) of the list's sent issues, newest first, with absolute links. */
export function renderArchiveFeed(info: ArchiveInfo, entries: ArchiveEntry[]): string {
  const recent = entries.slice(0, FEED_ENTRIES);
  const updated = (recent[0]?.sentAt ?? new Date(0)).toISOString();
  const items = recent.map(
    (entry) => `<entry>
<id>${e(entry.url)}</id>
<title>${e(entry.subject || `Issue #${entry.number}`)}</title>
<link rel="alternate" type="text/html" href="${e(entry.url)}"/>
<updated>${entry.sentAt.toISOString()}</updated>
<summary>${e(entry.articleTitles.join(" · "))}</summary>
</entry>`,
  );
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${e(info.language)}">
<id>${e(info.baseUrl)}</id>
<title>${e(`${info.newsletterName} · ${info.listName}`)}</title>
<link rel="self" type="application/atom+xml" href="${e(`${info.baseUrl}feed.xml`)}"/>
<link rel="alternate" type="text/html" href="${e(info.baseUrl)}"/>
<updated>${updated}</updated>
<author><name>${e(info.newsletterName)}</name></author>
${items.join("\n")}
</feed>
`;
}
