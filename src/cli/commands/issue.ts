import type { Command } from "commander";
import { findList } from "../../pipeline/find-list.js";
import { approveIssue, discardIssue, reorderIssue, setIntro } from "../../review/index.js";
import { GazetteError } from "../../shared/errors.js";
import { formatList } from "../format-report.js";
import { pickIssue } from "../pick-issue.js";
import { terminalLine as line } from "../terminal-text.js";
import { type GlobalOptions, withContext } from "../with-context.js";

type ListOption = { list?: string };

/** The editor's review of an issue before it goes out. */
export function registerIssue(issue: Command): void {
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
        const approval = found.approvedAt
          ? `approved ${found.approvedAt.toISOString()}`
          : list.mode === "review"
            ? "not approved"
            : "auto";
        console.log(
          `Issue #${found.number} of ${list.id}: ${found.status} · ${approval} · composed ${found.createdAt.toISOString()}`,
        );
        if (found.status === "cancelled")
          console.log(line`Cancelled ${found.cancelledAt?.toISOString()}: ${found.cancelReason}`);
        if (found.subject) console.log(line`Subject: ${found.subject}`);
        console.log(line`Intro: ${found.intro ?? list.intro ?? "(none)"}`);
        const drops = await ctx.store.issues.drops(found.id);
        // Dropped while a draft (or before its send began): not in the email, though the
        // issue's record still holds it. Dropped later: it went out with the issue.
        const sendStart = drops.sendStartedAt ?? found.sentAt;
        const leftOut = new Map(
          drops.articles
            .filter((drop) => found.status === "draft" || !sendStart || drop.droppedAt < sendStart)
            .map((drop) => [drop.articleId, drop]),
        );
        const rows = await ctx.store.issueDrafts.articles(found.id);
        const feedOf = ({ feed }: (typeof rows)[number]) => feed.name ?? feed.title ?? feed.url;
        // Feed text goes through terminalLine: no escape sequence from a feed reaches the terminal.
        for (const [n, article] of rows.filter((row) => row.kind === "card").entries()) {
          const mark = leftOut.has(article.articleId)
            ? " ✗ dropped before the send: not in the email"
            : "";
          console.log(`\n${line`${n + 1}. [${article.articleId}] ${article.title}`}${mark}`);
          console.log(line`   ${feedOf(article)} · ${article.url}`);
          // An empty field says so: a blank after the label reads as a line cut off.
          console.log(line`   Summary: ${article.summary || "(none)"}`);
          console.log(line`   Why it matters: ${article.why || "(none)"}`);
          for (const other of rows.filter(
            (row) => row.kind === "merged" && row.storyOf === article.articleId,
          ))
            console.log(
              line`   Also covered by: [${other.articleId}] ${feedOf(other)} · ${other.url}`,
            );
        }
        // A draft's list already leaves its dropped articles out; name them so none is lost.
        if (found.status === "draft" && leftOut.size > 0) {
          console.log(
            "\nDropped (left out of this issue; gazette article undrop ID to bring one back):",
          );
          for (const drop of leftOut.values())
            console.log(line`  ✗ [${drop.articleId}] ${drop.title}`);
        }
        const also = rows.filter((row) => row.kind === "also");
        if (also.length > 0) console.log("\nAlso published:");
        for (const row of also)
          console.log(line`   [${row.articleId}] ${row.title} · ${feedOf(row)} · ${row.url}`);
        const repeats = rows.filter((row) => row.kind === "repeat");
        if (repeats.length > 0) console.log("\nLeft out, sent in an earlier issue:");
        for (const row of repeats)
          console.log(
            line`   [${row.articleId}] ${row.title} · ${feedOf(row)} (as article ${row.storyOf})`,
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

  issue
    .command("cancel <n>")
    .description(
      "stop an issue for good (a draft, or a send in progress): unsent recipients are skipped",
    )
    .option("--list <id>", "the list (needed when several are configured)")
    .option("--reason <text>", "why, recorded with the issue", "cancelled by the operator")
    .action(async (n: string, options: ListOption & { reason: string }, command: Command) => {
      await withContext(command.optsWithGlobals<GlobalOptions>(), async (ctx) => {
        const list = findList(ctx, options.list);
        const found = await pickIssue(ctx, list, n);
        const reason = options.reason.trim() || "cancelled by the operator";
        const { sent, skipped } = await ctx.store.review.cancel(found.id, reason, ctx.clock.now());
        console.log(
          line`Cancelled issue #${found.number} of ${list.id}: ${sent} sent before, ${skipped} not sent. Reason: ${reason}`,
        );
      });
    });
}
