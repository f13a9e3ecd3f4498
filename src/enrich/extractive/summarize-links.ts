import { Parser } from "htmlparser2";
import { BLOCK_TAGS } from "./read-blocks.js";
import type { Voice } from "./rewrite-third-person.js";
import { owner } from "./summarize-roundup.js";

// A post of links ("AWS Links - Wednesday, January 7, 2009") tells of other people's news, one
// paragraph each. One item's sentence ("On Thursday, January 8th, Information Week and Amazon
// will present a Webcast…") is not what the post is: it is a round-up of those items, named by
// what their links point to.

// Link text that names nothing: "here", "preregister", "Read more", a day or a month.
const NAME = /^(?:\p{Lu}|\p{Ll}+\p{Lu})[\p{L}\p{N}&.'’+-]*(?: [\p{L}\p{N}&.'’+-]+){0,4}$/u;
const NO_NAME =
  /^(?:here|this|more|read more|learn more|click here|link|post|source|video|screencast|(?:mon|tues|wednes|thurs|fri|satur|sun)days?|january|february|march|april|may|june|july|august|september|october|november|december)$/i;
const MIN_ITEMS = 3;
const MAX_NAMES = 5;

interface Paragraph {
  text: string;
  links: string[];
}

/**
 * A post of links said as what it is: "Amazon Web Services' round-up of links covers Eli Lilly,
 * rPath, Content Workspace, Cloud Foundry, Cirrhus9 and 3 more." Each item is a paragraph with a
 * link; it is named by the link text its paragraph repeats most, leaving out the publisher's own
 * names and what several items link to (EC2, S3). Undefined without HTML, or with fewer than
 * three named items; within `max` characters.
 */
export function summarizeLinks(
  html: string | undefined,
  voice: Voice | undefined,
  max: number,
): { text: string; sources: string[] } | undefined {
  if (html === undefined || voice === undefined) return undefined;
  const paragraphs = readParagraphs(html);
  // "Amazon S3" is the publisher's own product; "Cloud Foundry" is not Acme Cloud's.
  const brand = voice.name.split(/\s+/)[0]?.toLowerCase();
  const shared = linkedInSeveral(paragraphs);
  const names: string[] = [];
  for (const paragraph of paragraphs) {
    const name = itemName(
      paragraph,
      (link) => !shared.has(link) && link.split(/\s+/)[0]?.toLowerCase() !== brand,
    );
    if (name !== undefined && !names.includes(name)) names.push(name);
  }
  if (names.length < MIN_ITEMS) return undefined;
  const opening = `${owner(voice.name)} round-up of links covers `;
  for (let count = Math.min(MAX_NAMES, names.length); count >= MIN_ITEMS; count--) {
    const shown = names.slice(0, count);
    const rest = names.length - count;
    const list =
      rest > 0
        ? `${shown.join(", ")} and ${rest} more`
        : `${shown.slice(0, -1).join(", ")} and ${shown.at(-1)}`;
    const sentence = `${opening}${list}.`;
    if (sentence.length <= max) return { text: sentence, sources: shown };
  }
  return undefined;
}

/** The link text that names a paragraph's item: the one it repeats most, the first on a tie. */
function itemName(paragraph: Paragraph, isDistinct: (link: string) => boolean): string | undefined {
  let best: { name: string; count: number } | undefined;
  for (const link of paragraph.links) {
    if (!NAME.test(link) || NO_NAME.test(link) || !isDistinct(link)) continue;
    const count = paragraph.text.split(link).length - 1;
    if (best === undefined || count > best.count) best = { name: link, count };
  }
  return best?.name;
}

// Link text found in more than one paragraph: the platform the items share, not one item.
function linkedInSeveral(paragraphs: readonly Paragraph[]): Set<string> {
  const seen = new Map<string, number>();
  for (const paragraph of paragraphs)
    for (const link of new Set(paragraph.links)) seen.set(link, (seen.get(link) ?? 0) + 1);
  return new Set([...seen].filter(([, count]) => count > 1).map(([link]) => link));
}

/** The paragraphs of the HTML with the text of the links in each, whitespace collapsed. */
function readParagraphs(html: string): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  let text = "";
  let links: string[] = [];
  let link: string | undefined;
  const flush = () => {
    const collapsed = text.replace(/\s+/g, " ").trim();
    if (collapsed !== "") paragraphs.push({ text: collapsed, links });
    text = "";
    links = [];
  };
  const parser = new Parser(
    {
      onopentag(name) {
        if (BLOCK_TAGS.has(name)) flush();
        if (name === "a") link = "";
      },
      ontext(chunk) {
        text += chunk;
        if (link !== undefined) link += chunk;
      },
      onclosetag(name) {
        if (name === "a" && link !== undefined) {
          const said = link.replace(/\s+/g, " ").trim();
          if (said !== "") links.push(said);
          link = undefined;
        }
        if (BLOCK_TAGS.has(name)) flush();
      },
    },
    { decodeEntities: true, lowerCaseTags: true },
  );
  parser.write(html);
  parser.end();
  flush();
  return paragraphs;
}
