import type { Command } from "commander";
import { findList } from "../../pipeline/find-list.js";
import { plural } from "../../shared/plural.js";
import { pickIssue } from "../pick-issue.js";
import { type GlobalOptions, withContext } from "../with-context.js";

export function registerRender(render: Command): void {
  render
    .option("--list <id>", "the list (needed when several are configured)")
    .option("--issue <n>", "issue number (default: the unsent issue, else the latest)")
    .action(async (options: { list?: string; issue?: string }, command: Command) => {
      await withContext(command.optsWithGlobals<GlobalOptions>(), async (ctx) => {
        const { renderStage } = await import("../../pipeline/render-stage.js");
        const list = findList(ctx, options.list);
        const issue = await pickIssue(ctx, list, options.issue);
        const output = await renderStage(ctx, list, issue);
        console.log(
          `Issue #${issue.number} of ${list.id}: ${plural(output.articleCount, "article")} · "${output.compiled.subject}"`,
        );
        console.log(output.htmlPath);
        console.log(output.textPath);
      });
    });
}
