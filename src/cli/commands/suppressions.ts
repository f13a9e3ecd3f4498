import type { Command } from "commander";
import { GazetteError } from "../../shared/errors.js";
import { openOutputFile } from "../../shared/operator-files.js";
import { type GlobalOptions, withContext } from "../with-context.js";

/** suppressions: the addresses no list sends to, with what put them there. */
export function registerSuppressions(suppressions: Command, setExit: (code: number) => void): void {
  suppressions
    .command("list", { isDefault: true })
    .description("every suppressed address: email, source, reason, since (tab-separated)")
    .action(async (_options: object, command: Command) => {
      await withContext(command.optsWithGlobals<GlobalOptions>(), async (ctx) => {
        const rows = await ctx.store.suppressions.all();
        if (rows.length === 0) console.log("No suppressed addresses.");
        for (const row of rows)
          console.log([row.email, row.source ?? "-", row.reason, row.created_at].join("\t"));
      });
    });

  suppressions
    .command("add <email>")
    .description("suppress an address on every list (source: operator)")
    .option("--reason <text>", "why", "operator")
    .action(async (email: string, options: { reason: string }, command: Command) => {
      await withContext(command.optsWithGlobals<GlobalOptions>(), async (ctx) => {
        const { checkEmail, printableEmail } = await import("../../audience/index.js");
        const check = checkEmail(email);
        if (!check.ok)
          throw new GazetteError("USAGE", `"${printableEmail(email)}" ${check.reason}`);
        const isNew = await ctx.store.suppressions.add(
          check.address,
          options.reason,
          ctx.clock.now(),
        );
        console.log(
          isNew ? `Suppressed ${check.address}.` : `${check.address} was already suppressed.`,
        );
      });
    });

  suppressions
    .command("remove <email>")
    .description("lift a suppression (the address's memberships keep their status)")
    .action(async (email: string, _options: object, command: Command) => {
      await withContext(command.optsWithGlobals<GlobalOptions>(), async (ctx) => {
        const removed = await ctx.store.suppressions.remove(email);
        if (!removed) {
          console.log(`${email} is not suppressed.`);
          setExit(1);
          return;
        }
        console.log(`${email} is no longer suppressed.`);
      });
    });

  suppressions
    .command("import <file>")
    .description(
      "suppress every address of a CSV (email[,reason]); bad rows stop it unless --skip-invalid",
    )
    .option("--skip-invalid", "import the valid rows and report the others")
    .action(async (file: string, options: { skipInvalid?: boolean }, command: Command) => {
      await withContext(command.optsWithGlobals<GlobalOptions>(), async (ctx) => {
        const { importSuppressions } = await import("../../audience/index.js");
        const report = await importSuppressions(ctx.store, file, {
          now: ctx.clock.now(),
          ...(options.skipInvalid ? { skipInvalid: true } : {}),
        });
        for (const p of report.problems) console.log(`  ! ${file}:${p.line}: ${p.message}`);
        if (report.problems.length > 0 && !options.skipInvalid) {
          throw new GazetteError(
            "CSV_INVALID",
            `${file}: ${report.problems.length} invalid row(s); nothing imported (fix them or pass --skip-invalid)`,
          );
        }
        console.log(`Suppressions: ${report.added} added, ${report.kept} already suppressed`);
      });
    });

  suppressions
    .command("export")
    .description("write the suppressions as CSV (email,reason,source,created_at)")
    .option("--output <file>", "write here instead of stdout")
    .action(async (options: { output?: string }, command: Command) => {
      await withContext(command.optsWithGlobals<GlobalOptions>(), async (ctx) => {
        const { exportSuppressions } = await import("../../audience/index.js");
        const out = options.output ? await openOutputFile(options.output) : process.stdout;
        await exportSuppressions(ctx.store, out, { keepOpen: out === process.stdout });
      });
    });
}
