import { Command, CommanderError } from "commander";
import { describeError } from "../shared/errors.js";
import { declareCommands } from "./command-list.js";
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
  declareCommands(program, setExit);
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
