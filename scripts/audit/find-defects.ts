import { detectDanglingStart } from "./detect-dangling-start.js";
import { detectCaption, detectCode, detectFootnote, detectMarkup } from "./detect-marks.js";
import { detectFirstPerson, detectSecondPerson } from "./detect-person.js";
import { detectRepeat } from "./detect-repeat.js";
import { detectCutOff, detectFragment, detectQuestion, detectVerbless } from "./detect-shape.js";
import { detectBackgroundWhy } from "./detect-why-background.js";
import { looksEnglish } from "./looks-english.js";

/** The defect kinds, in report order, with the words the report uses for them. */
export const DEFECT_KINDS = {
  "dangling-start": "dangling start (connective or back-reference)",
  "first-person": "first person (I anywhere; we/our in the summary)",
  "second-person": "second person in the summary (you/your)",
  caption: "caption or figure label",
  footnote: "footnote or citation mark",
  markup: "markup left over",
  "cut-off": "cut off",
  question: "question",
  fragment: "timestamp or list fragment",
  verbless: "sentence with no finite verb",
  code: "code",
  "why-background": "why that is background or a problem statement",
  "why-repeats": "why that repeats the summary",
  "empty-summary": "empty summary for an article with text",
} as const;
export type DefectKind = keyof typeof DEFECT_KINDS;
export type Field = "summary" | "why";

export interface Defect {
  kind: DefectKind;
  field: Field;
  /** What matched, e.g. `opens with "But"`. */
  detail: string;
}

/** What the detectors read: the two fields and the article they were written from. */
export interface EntryText {
  summary: string;
  why: string;
  /** The article's plain text: tells whether two sentences were neighbours, and its language. */
  articleText: string;
  /** The publisher's name as the entry shows it (the feed's name). */
  source?: string;
}

type Detector = (text: string, field: Field, entry: EntryText) => string | undefined;

// Shape and markup detectors read any language; the others know only English words.
const ANY_LANGUAGE: [DefectKind, Detector][] = [
  ["caption", (text) => detectCaption(text)],
  ["footnote", (text) => detectFootnote(text)],
  ["markup", (text) => detectMarkup(text)],
  ["cut-off", (text) => detectCutOff(text)],
  ["question", (text) => detectQuestion(text)],
  ["fragment", (text, _field, entry) => detectFragment(text, entry.source)],
  ["code", (text) => detectCode(text)],
];
const ENGLISH: [DefectKind, Detector][] = [
  ["dangling-start", (text, _field, entry) => detectDanglingStart(text, entry.articleText)],
  ["first-person", (text, field) => detectFirstPerson(text, field)],
  ["second-person", (text, field) => detectSecondPerson(text, field)],
  ["verbless", (text) => detectVerbless(text)],
  ["why-background", (text, field) => (field === "why" ? detectBackgroundWhy(text) : undefined)],
  [
    "why-repeats",
    (text, field, entry) => (field === "why" ? detectRepeat(entry.summary, text) : undefined),
  ],
];

/** Every defect in an entry's summary and why; an empty why is honest silence, not a defect. */
export function findDefects(entry: EntryText): Defect[] {
  if (entry.articleText.trim() === "") return [];
  const detectors = looksEnglish(entry.articleText) ? [...ANY_LANGUAGE, ...ENGLISH] : ANY_LANGUAGE;
  const defects: Defect[] = [];
  if (entry.summary.trim() === "")
    defects.push({ kind: "empty-summary", field: "summary", detail: "the article has text" });
  for (const field of ["summary", "why"] as const) {
    const text = entry[field];
    if (text.trim() === "") continue;
    for (const [kind, detect] of detectors) {
      const detail = detect(text, field, entry);
      if (detail !== undefined) defects.push({ kind, field, detail });
    }
  }
  return defects;
}
