import { Parser } from "htmlparser2";

/**
 * What a run of an article's text is, read from its HTML (or guessed from plain text): only
 * `prose` may give a summary; the rest gives context (headings) or is someone else's words,
 * code, a caption or a fragment.
 */
export type BlockKind =
  | "prose"
  | "heading"
  | "list-item"
  | "quote"
  | "code"
  | "caption"
  | "table"
  /** A paragraph set entirely in italics: an editor's note, a caption, a pull quote. */
  | "note";

export interface Block {
  kind: BlockKind;
  /** Whitespace collapsed; "\n" where the HTML had a line break. */
  text: string;
}

/** The HTML elements that start and end a block of text: no run of text goes across one. */
export const BLOCK_TAGS: ReadonlySet<string> = new Set(
  `p div section article header footer aside main nav h1 h2 h3 h4 h5 h6 li ul ol dl dt dd
  blockquote pre figure figcaption caption table thead tbody tfoot tr td th hr details summary`.split(
    /\s+/,
  ),
);
// Innermost-first would also work; the order says which context wins when tags nest.
const CONTEXTS: readonly [BlockKind, ReadonlySet<string>][] = [
  ["code", new Set(["pre"])],
  ["caption", new Set(["figcaption", "figure", "caption"])],
  ["table", new Set(["table"])],
  ["quote", new Set(["blockquote"])],
  ["heading", new Set(["h1", "h2", "h3", "h4", "h5", "h6", "dt", "summary"])],
  ["list-item", new Set(["li"])],
];
const CONTEXT_TAGS = new Set(CONTEXTS.flatMap(([, tags]) => [...tags]));
const ITALIC = new Set(["em", "i"]);
const BOLD = new Set(["strong", "b"]);
// A footnote mark in <sup>: "2", "*", "†", "[3]", "a". Longer <sup> text is an exponent or a
// word and stays.
const FOOTNOTE_MARK = /^\s*\[?(?:\d{1,3}|[*†‡§a-z])\]?\s*$/;
// "<p><strong>Vertical merging of content mounts.</strong> The main topic…": a run-in heading,
// bold at the start of a paragraph and ending in a full stop or colon. Short: a bold sentence
// that carries the paragraph's claim ("<strong>Kevin Wylie is a Data Engineer…</strong>") stays
// prose.
const RUN_IN = /^[^.!?]{3,100}[.:]$/;
const CLAIM = /\b(?:is|are|was|were|has|have|had|will|can|does|did)\b/i;
// "<strong>NOTE:</strong> We seem to have…": the label makes the whole paragraph a note.
const NOTE_LABEL =
  /^(?:notes?|update[sd]?|edit(?:ed)?|warning|caution|important|heads up|disclaimer|tl;?dr|p\.?s\.?|n\.?b\.?|editor['’]s note)\b/i;

/** The article's blocks from its sanitized HTML, in order; headings and lists kept apart. */
export function readHtmlBlocks(html: string): Block[] {
  const blocks: Block[] = [];
  const open: string[] = [];
  let parts: string[] = [];
  let sup: string | undefined;
  let italicDepth = 0;
  let boldDepth = 0;
  let chars = 0;
  let italicChars = 0;
  let boldChars = 0;
  // Whether the block so far is only bold text (a run-in heading may still be coming).
  let isBoldOnly = true;
  let isNote = false;
  // A run-in heading: its text, and how many parts and visible characters it took.
  let runIn: { text: string; parts: number; chars: number; italicChars: number } | undefined;
  const push = (kind: BlockKind, text: string) => {
    blocks.push({ kind: isNote && kind === "prose" ? "note" : kind, text });
  };
  const flush = () => {
    if (runIn !== undefined && chars > runIn.chars) {
      blocks.push({ kind: "heading", text: runIn.text });
      parts = parts.slice(runIn.parts);
      chars -= runIn.chars;
      boldChars -= runIn.chars;
      italicChars -= runIn.italicChars;
    }
    const text = parts
      .join("")
      .split("\n")
      .map((line) => line.replace(/\s+/g, " ").trim())
      .filter((line) => line !== "")
      .join("\n");
    if (text !== "") push(kindOf(open, chars, italicChars, boldChars, text), text);
    parts = [];
    chars = italicChars = boldChars = 0;
    isBoldOnly = true;
    isNote = false;
    runIn = undefined;
  };
  // The bold start of a paragraph, once it closes: a label, or a run-in heading if text follows.
  const endBold = () => {
    if (!isBoldOnly || chars === 0 || open.some((tag) => CONTEXT_TAGS.has(tag))) return;
    const lead = parts.join("").replace(/\s+/g, " ").trim();
    if (NOTE_LABEL.test(lead)) isNote = true;
    else if (RUN_IN.test(lead) && !CLAIM.test(lead))
      runIn = { text: lead, parts: parts.length, chars, italicChars };
  };
  const parser = new Parser(
    {
      onopentag(name) {
        if (BLOCK_TAGS.has(name)) flush();
        if (name === "br") parts.push("\n");
        else if (name === "sup") sup = "";
        else if (ITALIC.has(name)) italicDepth++;
        else if (BOLD.has(name)) boldDepth++;
        open.push(name);
      },
      ontext(text) {
        if (sup !== undefined) {
          sup += text;
          return;
        }
        parts.push(text);
        const visible = text.replace(/\s+/g, "").length;
        if (boldDepth === 0 && visible > 0) isBoldOnly = false;
        chars += visible;
        if (italicDepth > 0) italicChars += visible;
        if (boldDepth > 0) boldChars += visible;
      },
      onclosetag(name) {
        if (name === "sup" && sup !== undefined) {
          // A footnote mark would end up glued to the sentence: "cross-attention).2."
          if (!FOOTNOTE_MARK.test(sup)) parts.push(sup);
          sup = undefined;
        } else if (ITALIC.has(name)) italicDepth = Math.max(0, italicDepth - 1);
        else if (BOLD.has(name)) {
          boldDepth = Math.max(0, boldDepth - 1);
          if (boldDepth === 0) endBold();
        }
        if (BLOCK_TAGS.has(name)) flush();
        const at = open.lastIndexOf(name);
        if (at >= 0) open.length = at;
      },
    },
    { decodeEntities: true, lowerCaseTags: true },
  );
  parser.write(html);
  parser.end();
  flush();
  return blocks;
}

function kindOf(
  open: readonly string[],
  chars: number,
  italicChars: number,
  boldChars: number,
  text: string,
): BlockKind {
  for (const [kind, tags] of CONTEXTS) if (open.some((tag) => tags.has(tag))) return kind;
  if (chars > 0 && italicChars >= 0.9 * chars) return "note";
  // "<p><strong>Results</strong></p>": a heading written as a bold paragraph.
  if (chars > 0 && boldChars >= 0.9 * chars && text.length < 100 && !/[.!?:;]$/.test(text))
    return "heading";
  return "prose";
}

const LIST_LINE = /^(?:[-*•‣◦▪–]|\d{1,3}[.)])\s+/;

/**
 * Blocks of a plain-text article (paragraphs separated by blank lines): "> " lines are quotes,
 * bulleted lines list items; headings and code are told apart later, by their shape.
 */
export function readTextBlocks(text: string): Block[] {
  const blocks: Block[] = [];
  for (const paragraph of text.split(/\n[ \t]*\n/)) {
    const lines = paragraph.split("\n").filter((line) => line.trim() !== "");
    if (lines.length === 0) continue;
    if (lines.every((line) => /^\s*>/.test(line))) {
      blocks.push({
        kind: "quote",
        text: lines.map((line) => line.replace(/^\s*>\s?/, "")).join("\n"),
      });
    } else if (lines.every((line) => LIST_LINE.test(line.trim()))) {
      for (const line of lines) blocks.push({ kind: "list-item", text: line.trim() });
    } else {
      blocks.push({ kind: "prose", text: lines.join("\n") });
    }
  }
  return blocks;
}

/** The article's blocks: from its HTML when it has markup, else from its plain text. */
export function readBlocks(input: { text: string; html?: string | undefined }): Block[] {
  const html = input.html;
  if (html !== undefined && /<[a-z][^>]*>/i.test(html)) return readHtmlBlocks(html);
  return readTextBlocks(input.text);
}
