import type { Command } from "commander";
import { plural } from "../../shared/plural.js";

export function registerSummarize(summarize: Command): void {
  summarize
    .requiredOption("--input <file>", "JSON Lines input")
    .requiredOption("--output <file>", "JSON Lines output")
    .action(async (options: { input: string; output: string }) => {
      const { createExtractiveSummarizer, summarizeJsonl } = await import("../../enrich/index.js");
      const count = await summarizeJsonl(
        options.input,
        options.output,
        createExtractiveSummarizer(),
      );
      console.error(`Summarized ${plural(count, "article")} into ${options.output}`);
    });
}
