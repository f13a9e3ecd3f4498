import { readFileSync, statSync } from "node:fs";
import type { Command } from "commander";
import { GazetteError } from "../../shared/errors.js";
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
      const { classifyMessage } = await import("../../inbox/index.js");
      for (const file of files) {
        const raw = readMessage(file);
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

function readMessage(file: string): Buffer {
  try {
    if (!statSync(file).isFile()) throw new Error("not a file");
    return readFileSync(file);
  } catch (error) {
    throw new GazetteError(
      "USAGE",
      `${file}: cannot read the message (${String((error as Error).message)})`,
    );
  }
}

/** Text from a message never reaches the terminal with control characters in it. */
function printable(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing them is the point
  return text.replace(/[\u0000-\u001f\u007f-\u009f]/g, "?");
}
