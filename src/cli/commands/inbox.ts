import { readFileSync, statSync } from "node:fs";
import type { Command } from "commander";
import { GazetteError } from "../../shared/errors.js";
import { EXIT_USAGE } from "../exit-codes.js";
import { type GlobalOptions, withContext } from "../with-context.js";

/** inbox: read the bounce mailbox once or watch it; classify saved messages. */
export function registerInbox(inbox: Command, setExit: (code: number) => void): void {
  inbox
    .command("read", { isDefault: true })
    .description("apply every unseen message of the mailbox once, or keep watching it")
    .option("--watch", "keep the connection open and apply new messages as they arrive")
    .action(async (options: { watch?: boolean }, command: Command) => {
      await withContext(command.optsWithGlobals<GlobalOptions>(), async (ctx) => {
        const { readInbox, watchInbox } = await import("../../pipeline/read-inbox.js");
        const print = (line: string) => console.log(line);
        if (options.watch) {
          // Watching nothing would print "nothing read" every interval until stopped.
          if (!ctx.config.inbox)
            throw new GazetteError(
              "USAGE",
              'inbox --watch: no mailbox to watch: add `inbox:` to the config (README "Configuration")',
            );
          const controller = new AbortController();
          const stop = () => controller.abort();
          process.once("SIGINT", stop);
          process.once("SIGTERM", stop);
          await watchInbox(ctx, { signal: controller.signal, print });
          return;
        }
        const report = await readInbox(ctx, { print });
        if (report.failed > 0) setExit(1);
      });
    });

  inbox
    .command("classify <files...>")
    .description(
      "print what the inbox would make of saved messages (.eml): kind, recipient, status",
    )
    .option("--json", "one JSON object per line: file, kind, recipient, status, messageId")
    .action(async (files: string[], options: { json?: boolean }) => {
      const { classifyMessage, isMailMessage } = await import("../../inbox/index.js");
      for (const file of files) {
        // A file that is missing or no message at all is named; the files after it still count.
        const raw = readMessage(file);
        if (typeof raw === "string" || !isMailMessage(raw)) {
          const why =
            typeof raw === "string"
              ? `cannot read the message (${raw})`
              : `not a mail message: ${raw.length === 0 ? "the file is empty" : "it does not begin with header fields (From:, Date:, Received:…)"}; give a message saved as it came (.eml)`;
          console.error(printable(`gazette: ${file}: ${why}`));
          setExit(EXIT_USAGE);
          continue;
        }
        // One message the MIME parser refuses (10,000 parts) never stops the files after it.
        const found = await classifyMessage(raw).catch((error: Error) => {
          console.error(printable(`gazette: ${file}: not a readable email (${error.message})`));
          setExit(1);
          return undefined;
        });
        if (!found) continue;
        const row = {
          file,
          kind: found.kind,
          recipient: found.recipient ?? null,
          status: found.status ?? null,
          messageId: found.messageId ?? null,
        };
        if (options.json) console.log(JSON.stringify(row));
        else
          console.log(
            [
              file,
              row.kind,
              row.recipient ?? "-",
              row.status ?? "-",
              row.messageId ?? "-",
              found.reason ?? "",
            ]
              .map(printable)
              .join("\t"),
          );
      }
    });
}

/** The file's bytes, or why they cannot be read. */
function readMessage(file: string): Buffer | string {
  try {
    if (!statSync(file).isFile()) return "not a file";
    return readFileSync(file);
  } catch (error) {
    return String((error as Error).message);
  }
}

/** Text from a message never reaches the terminal with control characters in it. */
function printable(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing them is the point
  return text.replace(/[\u0000-\u001f\u007f-\u009f]/g, "?");
}
