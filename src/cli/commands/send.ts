import { randomBytes } from "node:crypto";
import type { Command } from "commander";
import { normalizeEmail } from "../../audience/email-address.js";
import { joinUrl } from "../../audience/links.js";
import { domainOf } from "../../deliver/index.js";
import { formatAddress } from "../../pipeline/format-address.js";
import { findList, openMailer, renderStage, sendStage } from "../../pipeline/stages.js";
import { GazetteError } from "../../shared/errors.js";
import { EXIT_FAILURE } from "../exit-codes.js";
import { formatSend } from "../format-report.js";
import { pickIssue } from "../pick-issue.js";
import { type GlobalOptions, withContext } from "../with-context.js";

export function registerSend(program: Command, setExit: (code: number) => void): void {
  program
    .command("send")
    .description("deliver an issue to every subscriber who has not received it yet")
    .option("--list <id>", "the list (needed when several are configured)")
    .option("--issue <n>", "issue number (default: the unsent issue, else the latest)")
    .option("--to <address>", "send one test copy to this address only; records nothing")
    .option("--dry-run", "build every message but send none")
    .action(
      async (
        options: { list?: string; issue?: string; to?: string; dryRun?: boolean },
        command: Command,
      ) => {
        await withContext(command.optsWithGlobals<GlobalOptions>(), async (ctx) => {
          const list = findList(ctx, options.list);
          const issue = await pickIssue(ctx, list, options.issue);
          if (!options.to && issue.status === "sent") {
            console.log(
              `Issue #${issue.number} of ${list.id} is already sent to every subscriber; nothing to send.`,
            );
            return;
          }
          const rendered = await renderStage(ctx, list, issue);
          const mailer = openMailer(ctx, { dryRun: options.dryRun });
          try {
            if (options.to) {
              const to = normalizeEmail(options.to);
              if (!to)
                throw new GazetteError(
                  "USAGE",
                  `--to: "${options.to}" is not a valid email address`,
                );
              const from = formatAddress(ctx.config.sender.from);
              const unsubscribe = joinUrl(ctx.config.newsletter.baseUrl, "unsubscribe/test-copy");
              const body = rendered.compiled.fill({ email: to, unsubscribeUrl: unsubscribe });
              const result = await mailer.send({
                ...body,
                subject: `[Test] ${body.subject}`,
                from,
                to,
                messageId: `<gz.test.${randomBytes(8).toString("hex")}@${domainOf(from)}>`,
                listId: `${list.name} <${list.id}.${new URL(ctx.config.newsletter.baseUrl).hostname}>`,
                unsubscribe: { url: unsubscribe },
              });
              console.log(`Test copy of issue #${issue.number} sent to ${to}: ${result.response}`);
              return;
            }
            const report = await sendStage(ctx, list, issue, rendered.compiled, mailer);
            console.log(`Issue #${issue.number} of ${list.id}: ${formatSend(report)}`);
            if (!report.isFinished || report.failed > 0) setExit(EXIT_FAILURE);
          } finally {
            await mailer.close();
          }
        });
      },
    );
}
