import { XMLBuilder, XMLParser } from "fast-xml-parser";
import { GazetteError } from "../../shared/errors.js";
import { isHttpUrl } from "../normalize/resolve-url.js";

/** One feed of an OPML file: its URL, title and categories (as tags). */
export interface OpmlFeed {
  url: string;
  name?: string;
  tags: string[];
}

/** An outline with an `xmlUrl` that is not an http(s) URL (`file:`, a path): no feed to fetch. */
export interface SkippedOutline {
  url: string;
  name?: string;
}

/** What an OPML file lists: the feeds to import, and the outlines left out. */
export interface OpmlList {
  feeds: OpmlFeed[];
  skipped: SkippedOutline[];
}

type Outline = Record<string, unknown> & { outline?: Outline[] };

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "",
  isArray: (name) => name === "outline",
  // OPML carries no entities of its own; a DOCTYPE's would only be an expansion attack. Character
  // references (&#233;, &#x1F600;) are plain XML, and only `htmlEntities` decodes them.
  processEntities: true,
  htmlEntities: true,
});

/**
 * The feeds of an OPML 1.0/2.0 subscription list: every outline with an http(s) `xmlUrl` (a
 * `feed:` URL read as the http(s) URL it stands for), its `title` (else `text`) as the name, and
 * as tags the names of the folders it sits in plus its `category` attribute (comma-separated,
 * "/a/b" paths split); and the outlines whose `xmlUrl` is no such URL. Throws USAGE when the
 * text is not OPML.
 */
export function parseOpml(text: string): OpmlList {
  let document: { opml?: { body?: { outline?: Outline[] } } };
  try {
    document = parser.parse(text, true);
  } catch (error) {
    throw new GazetteError("USAGE", `not an OPML file (${(error as Error).message})`, {
      cause: error,
    });
  }
  if (!document.opml) throw new GazetteError("USAGE", "not an OPML file (no <opml> element)");
  const list: OpmlList = { feeds: [], skipped: [] };
  const seen = new Set<string>();
  const visit = (outlines: Outline[], folders: string[]) => {
    for (const outline of outlines) {
      const written = attribute(outline, "xmlUrl")?.trim();
      const url = written && httpUrlOf(written);
      const name = attribute(outline, "title") ?? attribute(outline, "text");
      // Exports name untitled feeds by their URL; that is no name.
      const title = name && name !== written && name !== url ? name : undefined;
      if (written && !url) list.skipped.push({ url: written, name: title });
      if (url && !seen.has(url)) {
        seen.add(url);
        const tags = [...folders, ...categories(attribute(outline, "category"))];
        list.feeds.push({ url, name: title, tags: [...new Set(tags)] });
      }
      const isFolder = !written && name;
      visit(outline.outline ?? [], isFolder ? [...folders, name] : folders);
    }
  };
  visit(document.opml.body?.outline ?? [], []);
  return list;
}

// The feed: scheme (an old proposal that some exports still write) names an http(s) feed:
// "feed://host/x" is http://host/x, "feed:https://host/x" is https://host/x.
function httpUrlOf(url: string): string | undefined {
  const inner = url.match(/^feed:(?:\/\/)?(https?:\/\/.*)$/i)?.[1];
  const candidate = inner ?? url.replace(/^feed:\/\//i, "http://");
  return isHttpUrl(candidate) ? candidate : undefined;
}

/** An OPML 2.0 document listing `feeds`, tags in each outline's `category` attribute. */
export function toOpml(title: string, feeds: OpmlFeed[], now: Date): string {
  const builder = new XMLBuilder({
    ignoreAttributes: false,
    attributeNamePrefix: "@",
    format: true,
    suppressEmptyNode: true,
  });
  const outline = feeds.map((feed) => ({
    "@type": "rss",
    "@text": feed.name ?? feed.url,
    "@title": feed.name ?? feed.url,
    "@xmlUrl": feed.url,
    ...(feed.tags.length > 0 ? { "@category": feed.tags.join(",") } : {}),
  }));
  const xml = builder.build({
    opml: {
      "@version": "2.0",
      head: { title, dateCreated: now.toUTCString() },
      body: { outline },
    },
  });
  return `<?xml version="1.0" encoding="UTF-8"?>\n${xml}`;
}

function attribute(outline: Outline, name: string): string | undefined {
  const value = outline[name];
  return typeof value === "string" ? value : undefined;
}

function categories(value: string | undefined): string[] {
  return (value ?? "")
    .split(",")
    .flatMap((part) => part.split("/"))
    .map((part) => part.trim())
    .filter(Boolean);
}
