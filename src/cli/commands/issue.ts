import type { Command } from "commander";
import { findList } from "../../pipeline/find-list.js";
import { approveIssue, discardIssue, reorderIssue, setIntro } from "../../review/index.js";
import { GazetteError } from "../../shared/errors.js";
import { formatList } from "../format-report.js";
import { pickIssue } from "../pick-issue.js";
import { type GlobalOptions, withContext } from "../with-context.js";

type ListOption = { list?: string };

/** The editor's review of an issue before it goes out. */
export function registerIssue(program: Command): void {
  const issue = program
    .command("issue")
    .description("review an issue before it goes out: show, approve, discard, intro, reorder");

  issue
    .command("show <n>")
    .description(
      "the issue's status, subject, intro and articles (with their ids, summaries and why)",
    )
    .option("--list <id>", "the list (needed when several are configured)")
    .action(async (n: string, options: ListOption, command: Command) => {
      await withContext(command.optsWithGlobals<GlobalOptions>(), async (ctx) => {
        const list = findList(ctx, options.list);
        const found = await pickIssue(ctx, list, n);
        const approval = found.approved_at
          ? `approved ${found.approved_at}`
          : list.mode === "review"
            ? "not approved"
            : "auto";
        console.log(
          `Issue #${found.number} of ${list.id}: ${found.status} · ${approval} · composed ${found.created_at}`,
        );
        if (found.subject) console.log(`Subject: ${found.subject}`);
        console.log(`Intro: ${found.intro ?? list.intro ?? "(none)"}`);
        for (const article of await ctx.store.issues.articles(found.id)) {
          console.log(`\n${article.position + 1}. [${article.article_id}] ${article.title}`);
          console.log(
            `   ${article.feed_name ?? article.feed_title ?? article.feed_url} · ${article.url}`,
          );
          console.log(`   Summary: ${article.summary ?? ""}`);
          console.log(`   Why it matters: ${article.why ?? ""}`);
        }
      });
    });

  issue
    .command("approve <n>")
    .description("approve a draft: it goes out on the next run, or now with --send")
    .option("--list <id>", "the list (needed when several are configured)")
    .option("--send", "send it now")
    .action(async (n: string, options: ListOption & { send?: boolean }, command: Command) => {
      await withContext(command.optsWithGlobals<GlobalOptions>(), async (ctx) => {
        const list = findList(ctx, options.list);
        const found = await pickIssue(ctx, list, n);
        await approveIssue(ctx.store, found, ctx.clock.now());
        console.log(`Approved issue #${found.number} of ${list.id}.`);
        if (!options.send) return;
        const { runList } = await import("../../pipeline/run-cycle.js");
        const { openTransport } = await import("../../pipeline/send-stage.js");
        const transport = await openTransport(ctx);
        try {
          const report = await runList(ctx, list, transport, false);
          for (const line of formatList(report)) console.log(line);
          if (report.error) throw new GazetteError("DELIVERY_FAILED", report.error);
        } finally {
          await transport.close();
        }
      });
    });

  issue
    .command("discard <n>")
    .description("throw a draft away; its articles may go into the next issue")
    .option("--list <id>", "the list (needed when several are configured)")
    .action(async (n: string, options: ListOption, command: Command) => {
      await withContext(command.optsWithGlobals<GlobalOptions>(), async (ctx) => {
        const list = findList(ctx, options.list);
        const found = await pickIssue(ctx, list, n);
        await discardIssue(ctx.store, found);
        console.log(`Discarded draft #${found.number} of ${list.id}.`);
      });
    });

  issue
    .command("intro <n> <text>")
    .description("write the editor's intro of this issue (\"\" goes back to the list's intro)")
    .option("--list <id>", "the list (needed when several are configured)")
    .action(async (n: string, text: string, options: ListOption, command: Command) => {
      await withContext(command.optsWithGlobals<GlobalOptions>(), async (ctx) => {
        const found = await pickIssue(ctx, findList(ctx, options.list), n);
        const intro = await setIntro(ctx.store, found, text);
        console.log(`Intro of issue #${found.number} ${intro === null ? "cleared" : "saved"}.`);
      });
    });

  issue
    .command("reorder <n> <ids>")
    .description("put the issue's articles in this order (comma-separated article ids)")
    .option("--list <id>", "the list (needed when several are configured)")
    .action(async (n: string, ids: string, options: ListOption, command: Command) => {
      await withContext(command.optsWithGlobals<GlobalOptions>(), async (ctx) => {
        const found = await pickIssue(ctx, findList(ctx, options.list), n);
        await reorderIssue(ctx.store, found, ids);
        console.log(`Reordered issue #${found.number}.`);
      });
    });
}
