import type { Command } from "commander";
import {
  checkEmail,
  normalizeEmail,
  printableEmail,
  subscriberName,
} from "../../audience/index.js";
import { findList, listNumber } from "../../pipeline/find-list.js";
import { GazetteError } from "../../shared/errors.js";
import { openOutputFile } from "../../shared/operator-files.js";
import { plural } from "../../shared/plural.js";
import { terminalLine } from "../terminal-text.js";
import { type GlobalOptions, withContext } from "../with-context.js";

export function registerSubscribers(subscribers: Command): void {
  subscribers
    .command("list")
    .description("print subscribers with their list and status")
    .option("--list <id>", "only this list")
    .action(async (options: { list?: string }, command: Command) => {
      await withContext(command.optsWithGlobals<GlobalOptions>(), async (ctx) => {
        const id = options.list ? listNumber(ctx, findList(ctx, options.list)) : undefined;
        const members = await ctx.store.subscribers.members(id);
        // A name stored before names were one line of text may still hold an ESC.
        for (const m of members)
          console.log(terminalLine`${m.email}\t${m.name ?? ""}\t${m.list_slug}\t${m.status}`);
        console.error(`${members.length} memberships`);
      });
    });

  subscribers
    .command("add <email>")
    .description("add a subscriber to a list (active at once: for addresses you have consent for)")
    .option("--list <id>", "the list (needed when several are configured)")
    .option("--name <name>", "the subscriber's name")
    .action(async (email: string, options: { list?: string; name?: string }, command: Command) => {
      await withContext(command.optsWithGlobals<GlobalOptions>(), async (ctx) => {
        const check = checkEmail(email);
        if (!check.ok)
          throw new GazetteError(
            "USAGE",
            `"${printableEmail(email)}" is not a valid email address: it ${check.reason}`,
          );
        const address = check.address;
        const named = subscriberName(options.name ?? "");
        if ("problem" in named) throw new GazetteError("USAGE", `--name: ${named.problem}`);
        const list = findList(ctx, options.list);
        const now = ctx.clock.now();
        const { id } = await ctx.store.subscribers.upsert(address, named.name || undefined, now);
        const outcome = await ctx.store.subscribers.join(listNumber(ctx, list), id, {
          status: "active",
          source: "cli",
          now,
        });
        console.log(
          outcome === "added"
            ? `Added ${address} to ${list.id}.`
            : `${address} is already on ${list.id}; status kept.`,
        );
      });
    });

  subscribers
    .command("remove <email>")
    .description("take a subscriber off one list, or off every list")
    .option("--list <id>", "only this list")
    .action(async (email: string, options: { list?: string }, command: Command) => {
      await withContext(command.optsWithGlobals<GlobalOptions>(), async (ctx) => {
        const address = normalizeEmail(email) ?? email.trim();
        const id = options.list ? listNumber(ctx, findList(ctx, options.list)) : undefined;
        const removed = await ctx.store.subscribers.leave(address, id);
        if (removed === 0)
          throw new GazetteError("NOT_FOUND", `${address} is not on ${options.list ?? "any list"}`);
        console.log(`Removed ${address} from ${removed} list${removed === 1 ? "" : "s"}.`);
      });
    });

  subscribers
    .command("import <file>")
    .description(
      "import a CSV (header with email, optional name, lists, status; or headerless email,name,lists)",
    )
    .option(
      "--list <id>",
      "put rows without a lists cell on this list (needed only when several lists are configured)",
    )
    .option("--skip-invalid", "import the good rows and report the bad ones")
    .option("--dry-run", "check and count everything, write nothing")
    .action(
      async (
        file: string,
        options: { list?: string; skipInvalid?: boolean; dryRun?: boolean },
        command: Command,
      ) => {
        await withContext(command.optsWithGlobals<GlobalOptions>(), async (ctx) => {
          const { importSubscribers } = await import("../../audience/index.js");
          // Without --list, rows name their lists; with one list configured, it is the default.
          const lists = ctx.config.lists;
          const defaultList = options.list
            ? findList(ctx, options.list)
            : lists.length === 1
              ? lists[0]
              : undefined;
          const report = await importSubscribers(ctx.store.subscribers, file, {
            listIds: new Map(ctx.listNumbers),
            defaultLists: defaultList ? [defaultList.id] : [],
            noListHint: ` or pass --list (${lists.map((l) => l.id).join(", ")})`,
            source: "import",
            now: ctx.clock.now(),
            skipInvalid: options.skipInvalid,
            dryRun: options.dryRun,
          });
          const verb = options.dryRun ? "Would import" : "Imported";
          console.log(
            `${verb} ${file}: ${plural(report.rows, "row")} · ${report.added} added, ${report.updated} updated, ${report.unchanged} unchanged, ${report.invalid} skipped`,
          );
          if (report.rows === 0)
            console.log(`  ! ${file} has no subscriber rows: check that it is the file you meant`);
          for (const p of [...report.warnings, ...report.problems])
            console.log(`  ! ${file}:${p.line}: ${p.message}`);
          if (report.invalid > report.problems.length)
            console.log(`  ! … and ${report.invalid - report.problems.length} more`);
        });
      },
    );

  subscribers
    .command("export")
    .description("write subscribers as CSV (email,name,lists,status) to stdout or a file")
    .option("--list <id>", "only this list")
    .option("--output <file>", "write here instead of stdout")
    .action(async (options: { list?: string; output?: string }, command: Command) => {
      await withContext(command.optsWithGlobals<GlobalOptions>(), async (ctx) => {
        const id = options.list ? listNumber(ctx, findList(ctx, options.list)) : undefined;
        const { exportSubscribers } = await import("../../audience/index.js");
        const out = options.output ? await openOutputFile(options.output) : process.stdout;
        await exportSubscribers(ctx.store, out, { listId: id, keepOpen: out === process.stdout });
      });
    });
}
