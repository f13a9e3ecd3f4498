import { createWriteStream } from "node:fs";
import type { Command } from "commander";
import { stringify } from "csv-stringify";
import { normalizeEmail } from "../../audience/email-address.js";
import { readSubscribersCsv } from "../../audience/read-subscribers-csv.js";
import { syncSubscribers } from "../../audience/sync-subscribers.js";
import { findList, listId } from "../../pipeline/stages.js";
import { GazetteError } from "../../shared/errors.js";
import { type GlobalOptions, withContext } from "../with-context.js";

export function registerSubscribers(program: Command): void {
  const subscribers = program
    .command("subscribers")
    .description("list, add, remove, import and export subscribers");

  subscribers
    .command("list")
    .description("print subscribers with their list and status")
    .option("--list <id>", "only this list")
    .action(async (options: { list?: string }, command: Command) => {
      await withContext(command.optsWithGlobals<GlobalOptions>(), async (ctx) => {
        const id = options.list ? await listId(ctx, findList(ctx, options.list)) : undefined;
        const members = await ctx.store.subscribers.members(id);
        for (const m of members)
          console.log(`${m.email}\t${m.name ?? ""}\t${m.list_slug}\t${m.status}`);
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
        const address = normalizeEmail(email);
        if (!address) throw new GazetteError("USAGE", `"${email}" is not a valid email address`);
        const list = findList(ctx, options.list);
        const now = ctx.clock.now();
        const { id } = await ctx.store.subscribers.upsert(address, options.name, now);
        const outcome = await ctx.store.subscribers.join(await listId(ctx, list), id, {
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
        const id = options.list ? await listId(ctx, findList(ctx, options.list)) : undefined;
        const removed = await ctx.store.subscribers.leave(address, id);
        if (removed === 0)
          throw new GazetteError("NOT_FOUND", `${address} is not on ${options.list ?? "any list"}`);
        console.log(`Removed ${address} from ${removed} list${removed === 1 ? "" : "s"}.`);
      });
    });

  subscribers
    .command("import <file>")
    .description("import subscribers from a CSV with an email column (and optional name, lists)")
    .option("--list <id>", "put rows without a lists column on this list")
    .action(async (file: string, options: { list?: string }, command: Command) => {
      await withContext(command.optsWithGlobals<GlobalOptions>(), async (ctx) => {
        const { records, problems } = await readSubscribersCsv(file);
        if (problems.length > 0) {
          const lines = problems.map((p) => `  ${file}:${p.line}: ${p.message}`).join("\n");
          throw new GazetteError(
            "CSV_INVALID",
            `nothing imported; fix these rows first:\n${lines}`,
          );
        }
        const listIds = await ctx.store.subscribers.syncLists(ctx.config.lists, ctx.clock.now());
        const defaultLists = [findList(ctx, options.list).id];
        const report = await syncSubscribers(ctx.store, records, {
          listIds,
          defaultLists,
          source: "import",
          now: ctx.clock.now(),
          file,
        });
        console.log(
          `Imported ${file}: ${report.added} added, ${report.updated} updated, ${report.unchanged} unchanged`,
        );
        for (const problem of report.problems) console.log(`  ! ${problem}`);
      });
    });

  subscribers
    .command("export")
    .description("write subscribers as CSV (email,name,lists,status) to stdout or a file")
    .option("--list <id>", "only this list")
    .option("--output <file>", "write here instead of stdout")
    .action(async (options: { list?: string; output?: string }, command: Command) => {
      await withContext(command.optsWithGlobals<GlobalOptions>(), async (ctx) => {
        const id = options.list ? await listId(ctx, findList(ctx, options.list)) : undefined;
        const csv = stringify({ header: true, columns: ["email", "name", "lists", "status"] });
        const done = new Promise<void>((resolve, reject) => {
          const out = options.output ? createWriteStream(options.output) : process.stdout;
          csv.pipe(out);
          csv.on("end", resolve).on("error", reject);
        });
        for (const m of await ctx.store.subscribers.members(id))
          csv.write([m.email, m.name ?? "", m.list_slug, m.status]);
        csv.end();
        await done;
      });
    });
}
