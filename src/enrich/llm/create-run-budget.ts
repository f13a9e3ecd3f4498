import type { TokenUsage } from "../types.js";

/** What one run may spend on a model; concurrent requests reserve before they are sent. */
export interface RunBudget {
  /** Reserves an article and `tokens`; returns why not when that would exceed the budget. */
  reserve(tokens: number): string | undefined;
  /** Replaces a reservation by what the request really used (nothing, when it failed). */
  settle(reserved: number, usage: TokenUsage | undefined): void;
}

/** A per-run budget of articles and tokens (input + output); unset limits are unlimited. */
export function createRunBudget(limits: { maxArticles?: number; maxTokens?: number }): RunBudget {
  let articles = 0;
  let tokens = 0;
  return {
    reserve(estimate) {
      if (limits.maxArticles !== undefined && articles >= limits.maxArticles) {
        return `over this run's budget of ${limits.maxArticles} articles (summarizer.maxArticles)`;
      }
      if (limits.maxTokens !== undefined && tokens + estimate > limits.maxTokens) {
        return `over this run's budget of ${limits.maxTokens} tokens (summarizer.maxTokens)`;
      }
      articles++;
      tokens += estimate;
      return undefined;
    },
    settle(reserved, usage) {
      tokens += (usage ? usage.inputTokens + usage.outputTokens : 0) - reserved;
    },
  };
}
