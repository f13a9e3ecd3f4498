import type { Command } from "commander";
import { normalizeEmail } from "../../audience/index.js";
import type { Issue } from "../../compose/ports.js";
import type { ListConfig } from "../../config/index.js";
import type { Transport } from "../../deliver/index.js";
import { isSendSettled } from "../../deliver/index.js";
import type { Context } from "../../pipeline/context.js";
import { findList } from "../../pipeline/find-list.js";
import type { RenderOutput } from "../../pipeline/render-stage.js";
import { GazetteError } from "../../shared/errors.js";
import { EXIT_FAILURE } from "../exit-codes.js";
import { formatSend } from "../format-report.js";
import { pickIssue } from "../pick-issue.js";
import { terminalLine } from "../terminal-text.js";
import { type GlobalOptions, withContext } from "../with-context.js";

interface SendOptions {
  list?: string;
  issue?: string;
  to?: string;
  dryRun?: boolean;
  resendFailed?: boolean;
  pause?: boolean;
  resume?: boolean;
}

export function registerSend(send: Command, setExit: (code: number) => void): void {
  send
    .option("--list <id>", "the list (needed when several are configured)")
    .option("--issue <n>", "issue number (default: the unsent issue, else the latest)")
    .option("--to <address>", "send one test copy to this address only; records nothing")
    .option("--dry-run", "build every message but send none")
    .option("--resend-failed", "put the issue's failed deliveries (not bounced) back, then send")
    .option("--pause", "pause the issue's send; a running sender stops at its next batch")
    .option("--resume", "lift the pause and send to exactly the remaining recipients")
    .action(async (options: SendOptions, command: Command) => {
      checkCombination(options);
      await withContext(command.optsWithGlobals<GlobalOptions>(), async (ctx) => {
        const list = findList(ctx, options.list);
        let issue = await pickIssue(ctx, list, options.issue);
        const name = `Issue #${issue.number} of ${list.id}`;
        if (options.pause) {
          if (issue.status === "sent") console.log(`${name} is already sent; nothing to pause.`);
          else {
            await ctx.store.issues.setPaused(issue.id, ctx.clock.now());
            console.log(`${name} paused; a running send stops at its next batch.`);
          }
          return;
        }
        if (!options.to && issue.status === "cancelled") {
          console.log(
            terminalLine`${name} was cancelled (${issue.cancelReason ?? "no reason given"}); nothing to send.`,
          );
          return;
        }
        if (options.resume) {
          await ctx.store.issues.setPaused(issue.id, null);
          issue = { ...issue, pausedAt: null };
        }
        if (options.resendFailed) {
          const reset = await ctx.store.deliveries.resetFailed(issue.id, ctx.clock.now());
          console.log(`${name}: ${reset} failed deliveries put back in the queue.`);
          issue = await ctx.store.issues.byNumberOrThrow(issue.listId, list.id, issue.number);
        }
        if (!options.to && issue.status === "sent") {
          console.log(`${name} is already sent to every subscriber; nothing to send.`);
          return;
        }
        if (!options.to && issue.pausedAt !== null) {
          console.log(`${name} is paused; resume it with "gazette send --resume".`);
          return;
        }
        const { openTransport, sendStage } = await import("../../pipeline/send-stage.js");
        const { renderStage } = await import("../../pipeline/render-stage.js");
        const rendered = await renderStage(ctx, list, issue);
        const transport = await openTransport(ctx);
        try {
          if (options.to)
            return await sendTestCopy(ctx, list, issue, rendered, transport, options.to);
          const report = await sendStage(ctx, list, issue, rendered.compiled, transport, {
            mode: options.dryRun ? "dry-run" : "send",
          });
          console.log(`${name}: ${formatSend(report)}`);
          if (report.isFinished && !options.dryRun) {
            const { archiveStage } = await import("../../pipeline/archive-stage.js");
            const archived = await archiveStage(ctx, list, issue, rendered.compiled);
            console.log(`Archive: ${archived.issuePath}`);
          }
          if ((!isSendSettled(report) && !report.isPaused) || report.failed > 0)
            setExit(EXIT_FAILURE);
        } finally {
          await transport.close();
        }
      });
    });
}

function checkCombination(options: SendOptions): void {
  const modes = [options.pause && "--pause", options.resume && "--resume", options.to && "--to"];
  const given = modes.filter(Boolean);
  if (given.length > 1 || (options.pause && (options.resendFailed || options.dryRun))) {
    throw new GazetteError("USAGE", `${given.join(" and ")} cannot be combined`);
  }
}

/** `--to`: one copy in the list's frame (deliver/frame.ts), generic links, nothing recorded. */
async function sendTestCopy(
  ctx: Context,
  list: ListConfig,
  issue: Issue,
  rendered: RenderOutput,
  transport: Transport,
  address: string,
): Promise<void> {
  const to = normalizeEmail(address);
  if (!to) throw new GazetteError("USAGE", `--to: "${address}" is not a valid email address`);
  const { joinUrl } = await import("../../audience/index.js");
  const { outgoingFrame, sendTestCopy: sendCopy } = await import("../../deliver/index.js");
  const unsubscribeUrl = joinUrl(ctx.config.newsletter.baseUrl, "unsubscribe/test-copy");
  const body = rendered.compiled.fill({
    email: to,
    unsubscribeUrl,
    preferencesUrl: joinUrl(ctx.config.newsletter.baseUrl, "preferences/test-copy"),
  });
  const result = await sendCopy(transport, outgoingFrame(ctx.config, list), {
    to,
    body,
    unsubscribeUrl,
    now: ctx.clock.now(),
  });
  console.log(`Test copy of issue #${issue.number} sent to ${to}: ${result.response}`);
}
