import type { Command } from "commander";
import { findList } from "../../pipeline/find-list.js";
import { plural } from "../../shared/plural.js";
import { findArticle } from "../find-article.js";
import { formatCollect, formatEnrich } from "../format-report.js";
import { type GlobalOptions, withContext } from "../with-context.js";

// collect, enrich and compose: each stage on its own.

export function registerCollect(collect: Command): void {
  collect
    .option("--force", "fetch every feed now, even before its next fetch time")
    .action(async (options: { force?: boolean }, command: Command) => {
      await withContext(command.optsWithGlobals<GlobalOptions>(), async (ctx) => {
        const { collectStage } = await import("../../pipeline/collect-stage.js");
        const report = await collectStage(ctx, { force: options.force });
        for (const line of formatCollect(report)) console.log(line);
      });
    });
}

export function registerEnrich(enrich: Command): void {
  enrich
    .option("--force", "summarize again even articles already done (never touches edits)")
    .option("--article <id>", "only this article (see gazette article list)")
    .action(async (options: { force?: boolean; article?: string }, command: Command) => {
      await withContext(command.optsWithGlobals<GlobalOptions>(), async (ctx) => {
        const articleId =
          options.article === undefined ? undefined : (await findArticle(ctx, options.article)).id;
        const { enrichStage } = await import("../../pipeline/enrich-stage.js");
        const report = await enrichStage(ctx, { force: options.force === true, articleId });
        for (const line of formatEnrich(report)) console.log(line);
      });
    });
}

export function registerCompose(compose: Command): void {
  compose
    .option("--list <id>", "the list (needed when several are configured)")
    .action(async (options: { list?: string }, command: Command) => {
      await withContext(command.optsWithGlobals<GlobalOptions>(), async (ctx) => {
        const list = findList(ctx, options.list);
        const { composeStage } = await import("../../pipeline/compose-stage.js");
        const result = await composeStage(ctx, list);
        if (result.kind === "skipped") console.log(`List ${list.id}: no issue — ${result.reason}.`);
        else if (result.kind === "resumed") {
          console.log(
            `List ${list.id}: issue #${result.issue.number} is composed and not yet sent; it stays the next issue.`,
          );
        } else {
          console.log(
            `List ${list.id}: composed issue #${result.issue.number} with ${plural(result.articleCount, "article")}.`,
          );
          const { chosenLine } = await import("../format-report.js");
          const chosen = chosenLine({
            folded: {
              alsoPublished: result.alsoPublished,
              merged: result.merged,
              repeats: result.repeats,
            },
            otherLanguages: result.otherLanguages,
          });
          if (chosen) console.log(`  ${chosen}`);
        }
      });
    });
}
