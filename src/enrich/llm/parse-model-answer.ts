import { z } from "zod";
import { GazetteError } from "../../shared/errors.js";
import { segmentSentences } from "../segment-sentences.js";

/** The JSON object a prompt asks the model for. */
export const ModelAnswer = z.object({
  summary: z.string().trim().min(1),
  // "" is an honest blank: the article offers no outcome or lesson (issue 15, point 4).
  why: z.string().trim(),
  tags: z.array(z.string()).default([]),
  category: z.string().default(""),
});
export type ModelAnswer = z.infer<typeof ModelAnswer>;

export interface AnswerLimits {
  maxChars: number;
  /** The vocabulary's tags; any other tag is dropped. */
  tags: ReadonlySet<string>;
  categories: readonly string[];
  maxTags: number;
}

/**
 * Parses and checks a model's answer: JSON (code fences and chatter around it tolerated), the
 * summary cut to two sentences, tags kept only when in the vocabulary, the category matched
 * case-insensitively ("" when unknown). Lengths are checked with the rest of the answer's
 * hygiene (see findDefect): a text over the limit is not clipped into a cut-off one.
 */
export function parseModelAnswer(text: string, limits: AnswerLimits): ModelAnswer {
  const start = text.indexOf("{");
  const end = text.lastIndexOf("}");
  if (start < 0 || end < start) throw invalid("no JSON object in the answer");
  let value: unknown;
  try {
    value = JSON.parse(text.slice(start, end + 1));
  } catch (cause) {
    throw invalid(`the answer is not valid JSON (${String(cause)})`);
  }
  const parsed = ModelAnswer.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw invalid(`field "${issue?.path.join(".")}": ${issue?.message}`);
  }
  const answer = parsed.data;
  const summary = segmentSentences(answer.summary).slice(0, 2).join(" ");
  const tags = answer.tags
    .map((tag) => tag.trim().toLowerCase())
    .filter((tag, at, all) => limits.tags.has(tag) && all.indexOf(tag) === at)
    .slice(0, limits.maxTags);
  const category =
    limits.categories.find((name) => name.toLowerCase() === answer.category.trim().toLowerCase()) ??
    "";
  return { summary, why: answer.why, tags, category };
}

function invalid(reason: string): GazetteError {
  return new GazetteError("SUMMARIZE_FAILED", reason);
}
