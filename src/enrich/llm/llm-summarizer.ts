import { describeError } from "../../shared/errors.js";
import { capText } from "../cap-input.js";
import { MAX_CHARS, MAX_TAGS } from "../extractive/summarize-extractively.js";
import { UNKNOWN_PUBLISHER, voiceOf } from "../extractive/voice-of.js";
import { findDefect } from "../text-defects.js";
import type {
  ChatModel,
  RejectedField,
  Summarizer,
  Summary,
  TokenUsage,
  UngroundedField,
} from "../types.js";
import { CATEGORIES, type Vocabulary } from "../vocabulary.js";
import type { RunBudget } from "./create-run-budget.js";
import { findUngrounded } from "./find-ungrounded.js";
import { findWhyDefect } from "./find-why-defect.js";
import type { PromptTemplate } from "./load-prompt.js";
import { parseModelAnswer } from "./parse-model-answer.js";

// A grounded, clean answer from a model reads well; the editor need not be warned about it.
const MODEL_CONFIDENCE = 0.9;
// About 12,000 tokens of article: enough for any blog post, a bound for a book pasted into a feed.
const MAX_ARTICLE_CHARS = 48_000;

export interface LlmSummarizerOptions {
  /** "<provider>:<model>:<prompt version>": the cache key, with the content hash. */
  id: string;
  /** The model, or why it cannot be used (a missing key): then every article falls back. */
  model: ChatModel | { unavailable: string };
  prompt: PromptTemplate;
  /** The built-in summarizer: it writes whatever the model could not. */
  fallback: Summarizer;
  vocabulary: Vocabulary;
  budget: RunBudget;
  concurrency: number;
  maxOutputTokens: number;
  pricing?: { inputPerMillion: number; outputPerMillion: number } | undefined;
}

/**
 * A summarizer that asks a chat model. Per article, in order: the built-in summary (the
 * fallback; all there is for an article without text) → the budget → the request → JSON checks and length limits → grounding of each
 * field. Any failure returns the built-in summary with the reason; it never throws for the model.
 */
export function createLlmSummarizer(options: LlmSummarizerOptions): Summarizer {
  const tags = options.vocabulary.map((term) => term.tag);
  const limits = {
    maxChars: MAX_CHARS,
    tags: new Set(tags),
    categories: CATEGORIES,
    maxTags: MAX_TAGS,
  };
  const { pricing } = options;
  return {
    id: options.id,
    concurrency: options.concurrency,
    async summarize(input) {
      const builtIn = await options.fallback.summarize(input);
      // A title alone (a title-only feed): nothing to ground a summary in, so no model is asked,
      // and the built-in result (no summary) stands as this summarizer's own.
      if (input.text.trim() === "") return builtIn;
      const fallBack = (reason: string, usage?: TokenUsage): Summary => ({
        ...builtIn,
        fallback: { summarizer: options.fallback.id, reason },
        ...(usage ? { usage } : {}),
      });
      if ("unavailable" in options.model) return fallBack(options.model.unavailable);
      // Whom the summary names: the publisher, or on a personal blog its author.
      const voice = input.source ? voiceOf(input)?.name : undefined;
      const prompt = options.prompt.render({
        article: {
          title: input.title,
          text: capText(input.text, MAX_ARTICLE_CHARS),
          url: input.url,
          source: voice === UNKNOWN_PUBLISHER ? undefined : voice,
        },
        tags,
        categories: CATEGORIES,
        maxChars: MAX_CHARS,
      });
      // Four characters a token is the usual rule of thumb for English.
      const estimate =
        Math.ceil((prompt.system.length + prompt.user.length) / 4) + options.maxOutputTokens;
      const refusal = options.budget.reserve(estimate);
      if (refusal !== undefined) return fallBack(refusal);
      let reply: Awaited<ReturnType<ChatModel["complete"]>>;
      try {
        reply = await options.model.complete(prompt);
      } catch (error) {
        options.budget.settle(estimate, undefined);
        return fallBack(describeError(error));
      }
      options.budget.settle(estimate, reply.usage);
      if (reply.isTruncated) {
        return fallBack(`the answer was cut off at ${options.maxOutputTokens} tokens`, reply.usage);
      }
      let answer: ReturnType<typeof parseModelAnswer>;
      try {
        answer = parseModelAnswer(reply.text, limits);
      } catch (error) {
        return fallBack(describeError(error), reply.usage);
      }
      const source = `${input.title}\n${input.text}`;
      const ungrounded: UngroundedField[] = [];
      const rejected: RejectedField[] = [];
      // Each field: shown as written only when it is grounded and clean; else the built-in one.
      const isEnglish = (builtIn.language ?? "en") === "en";
      const checked = (field: "summary" | "why") => {
        // A model that finds no outcome or lesson may say so; the built-in why is no better.
        if (field === "why" && answer.why === "") return "";
        const reason =
          findDefect(answer[field], MAX_CHARS) ??
          (field === "why" ? findWhyDefect(answer.why, isEnglish) : undefined);
        if (reason !== undefined) {
          rejected.push({ field, reason });
          return builtIn[field];
        }
        const claims = findUngrounded(answer[field], source);
        if (claims.length === 0) return answer[field];
        ungrounded.push({ field, claims });
        return builtIn[field];
      };
      const summary = checked("summary");
      const why = checked("why");
      const replaced = ungrounded.length + rejected.length;
      return {
        summary,
        why,
        tags: answer.tags.length > 0 ? answer.tags : builtIn.tags,
        category: answer.category || builtIn.category,
        readMinutes: builtIn.readMinutes,
        usage: reply.usage,
        ...(builtIn.language !== undefined ? { language: builtIn.language } : {}),
        method: replaced === 0 ? "model" : `model+${builtIn.method ?? "built-in"}`,
        confidence: replaced === 0 ? MODEL_CONFIDENCE : Math.min(builtIn.confidence ?? 0.5, 0.6),
        // A model's words are not the article's: only built-in fields have sentences behind them.
        sources: {
          summary: summary === builtIn.summary ? (builtIn.sources?.summary ?? []) : [],
          why: why === builtIn.why ? (builtIn.sources?.why ?? []) : [],
        },
        ...(ungrounded.length > 0 ? { ungrounded } : {}),
        ...(rejected.length > 0 ? { rejected } : {}),
      };
    },
    ...(pricing
      ? {
          estimateCost: (usage: TokenUsage) =>
            (usage.inputTokens * pricing.inputPerMillion +
              usage.outputTokens * pricing.outputPerMillion) /
            1_000_000,
        }
      : {}),
  };
}
