import type { Command } from "commander";
import { findList } from "../../pipeline/find-list.js";
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
        const rows = await ctx.store.issues.articles(found.id);
        const feedOf = (row: (typeof rows)[number]) =>
          row.feed_name ?? row.feed_title ?? row.feed_url;
        for (const [n, article] of rows.filter((row) => row.kind === "card").entries()) {
          console.log(`\n${n + 1}. [${article.article_id}] ${article.title}`);
          console.log(`   ${feedOf(article)} · ${article.url}`);
          console.log(`   Summary: ${article.summary ?? ""}`);
          console.log(`   Why it matters: ${article.why ?? ""}`);
          for (const other of rows.filter(
            (row) => row.kind === "merged" && row.story_of === article.article_id,
          ))
            console.log(
              `   Also covered by: [${other.article_id}] ${feedOf(other)} · ${other.url}`,
            );
        }
        const also = rows.filter((row) => row.kind === "also");
        if (also.length > 0) console.log("\nAlso published:");
        for (const row of also)
          console.log(`   [${row.article_id}] ${row.title} · ${feedOf(row)} · ${row.url}`);
        const repeats = rows.filter((row) => row.kind === "repeat");
        if (repeats.length > 0) console.log("\nLeft out, sent in an earlier issue:");
        for (const row of repeats)
          console.log(
            `   [${row.article_id}] ${row.title} · ${feedOf(row)} (as article ${row.story_of})`,
          );
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
        if (found.status !== "draft")
          throw new GazetteError(
            "USAGE",
            `issue #${found.number} is ${found.status}; only a draft needs approval`,
          );
        await ctx.store.review.approve(found.id, ctx.clock.now());
        console.log(`Approved issue #${found.number} of ${list.id}.`);
        if (!options.send) return;
        const { runList } = await import("../../pipeline/run-cycle.js");
        const { openMailer } = await import("../../pipeline/stages.js");
        const mailer = openMailer(ctx);
        try {
          const report = await runList(ctx, list, mailer, false);
          for (const line of formatList(report)) console.log(line);
          if (report.error) throw new GazetteError("DELIVERY_FAILED", report.error);
        } finally {
          await mailer.close();
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
        await ctx.store.review.discard(found.id);
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
        await ctx.store.review.setIntro(found.id, text.trim() === "" ? null : text);
        console.log(`Intro of issue #${found.number} ${text.trim() === "" ? "cleared" : "saved"}.`);
      });
    });

  issue
    .command("reorder <n> <ids>")
    .description("put the issue's articles in this order (comma-separated article ids)")
    .option("--list <id>", "the list (needed when several are configured)")
    .action(async (n: string, ids: string, options: ListOption, command: Command) => {
      await withContext(command.optsWithGlobals<GlobalOptions>(), async (ctx) => {
        const found = await pickIssue(ctx, findList(ctx, options.list), n);
        const order = ids.split(",").map((id) => Number(id.trim()));
        if (order.some((id) => !Number.isInteger(id)))
          throw new GazetteError("USAGE", `"${ids}" is not a comma-separated list of article ids`);
        await ctx.store.review.reorder(found.id, order);
        console.log(`Reordered issue #${found.number}.`);
      });
    });
}
