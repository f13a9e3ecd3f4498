import { Command, CommanderError } from "commander";
import { describeError } from "../shared/errors.js";
import { registerArticle } from "./commands/article.js";
import { registerDeliveries } from "./commands/deliveries.js";
import { registerFeeds } from "./commands/feeds.js";
import { registerInbox } from "./commands/inbox.js";
import { registerIssue } from "./commands/issue.js";
import { registerLists } from "./commands/lists.js";
import { registerPreview } from "./commands/preview.js";
import { registerRender } from "./commands/render.js";
import { registerRun } from "./commands/run.js";
import { registerSchedule } from "./commands/schedule.js";
import { registerSend } from "./commands/send.js";
import { registerServe } from "./commands/serve.js";
import { registerStages } from "./commands/stages.js";
import { registerStatus } from "./commands/status.js";
import { registerSubscribers } from "./commands/subscribers.js";
import { registerSummarize } from "./commands/summarize.js";
import { registerSuppressions } from "./commands/suppressions.js";
import { registerWebhooks } from "./commands/webhooks.js";
import { registerWorker } from "./commands/worker.js";
import { EXIT_OK, EXIT_USAGE, exitCodeFor } from "./exit-codes.js";

/** Runs the CLI and returns the exit code; the only place that prints errors. */
export async function main(argv: string[]): Promise<number> {
  let exitCode = EXIT_OK;
  const setExit = (code: number) => {
    exitCode = Math.max(exitCode, code);
  };
  const program = new Command("gazette")
    .description("Turns RSS, Atom and JSON feeds into a weekly email newsletter.")
    .version("0.1.0")
    .option("-c, --config <path>", "config file (default: $GAZETTE_CONFIG or config/gazette.yaml)")
    .showHelpAfterError()
    .exitOverride();
  registerStages(program);
  registerRender(program);
  registerSend(program, setExit);
  registerRun(program, setExit);
  registerSchedule(program);
  registerStatus(program);
  registerDeliveries(program);
  registerSubscribers(program);
  registerLists(program);
  registerFeeds(program);
  registerServe(program);
  registerPreview(program);
  registerSummarize(program);
  registerArticle(program);
  registerIssue(program);
  registerWorker(program);
  registerWebhooks(program);
  registerInbox(program, setExit);
  registerSuppressions(program, setExit);
  for (const command of program.commands) command.exitOverride();

  try {
    await program.parseAsync(argv, { from: "user" });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version end here too, with exit code 0.
      return error.exitCode === 0 ? EXIT_OK : EXIT_USAGE;
    }
    console.error(`gazette: ${describeError(error)}`);
    return exitCodeFor(error);
  }
}
