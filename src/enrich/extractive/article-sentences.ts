import { type Sentence, segmentDocument } from "../segment-sentences.js";
import type { Block, BlockKind } from "./read-blocks.js";

/** One sentence of an article with the structure around it. */
export interface ArticleSentence extends Sentence {
  /** What its block is: only prose may be chosen. */
  block: BlockKind;
  /** The heading it stands under; "" above the first heading. */
  section: string;
}

// Headings of the parts of an article that are not its own words: notes, references, credits,
// and a podcast's transcript (spoken words; the episode's description above it says what it is).
const BACK_MATTER =
  /^(?:references?|footnotes?|notes?|endnotes?|bibliography|citations?|sources?|further reading|related (?:posts|reading|articles|work)|acknowledge?ments?|credits?|about the authors?|appendix|(?:full |episode |podcast )?transcript)\b/i;

const TRANSCRIPT = /^(?:full |episode |podcast )?transcript\b/i;

/**
 * The article's sentences block by block (a paragraph of prose splits into sentences, a list
 * item or a caption stays whole), at most `limit` of them. Sentences under a references or
 * acknowledgements heading count as notes.
 */
export function articleSentences(blocks: readonly Block[], limit: number): ArticleSentence[] {
  const sentences: ArticleSentence[] = [];
  let section = "";
  // A transcript runs to the end, whatever headings (speakers, timestamps) it has inside.
  let inTranscript = false;
  for (const [paragraph, block] of blocks.entries()) {
    if (block.kind === "heading") section = block.text;
    if (block.kind === "heading" && TRANSCRIPT.test(block.text)) inTranscript = true;
    const isBackMatter = (inTranscript || BACK_MATTER.test(section)) && block.kind !== "heading";
    const kind: BlockKind = isBackMatter ? "note" : block.kind;
    const pieces =
      kind === "prose" || kind === "list-item"
        ? segmentDocument(block.text)
        : [{ text: block.text.replace(/\s+/g, " "), paragraph: 0, isListItem: false }];
    for (const piece of pieces) {
      const isListItem = kind === "list-item" || piece.isListItem;
      sentences.push({ text: piece.text, paragraph, isListItem, block: kind, section });
      if (sentences.length >= limit) return sentences;
    }
  }
  return sentences;
}
