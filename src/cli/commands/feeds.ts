import { readFileSync, writeFileSync } from "node:fs";
import type { Command } from "commander";
import { systemClock } from "../../shared/clock.js";
import { GazetteError } from "../../shared/errors.js";
import { inputFileError } from "../../shared/operator-files.js";
import { plural } from "../../shared/plural.js";
import { formatFeeds } from "../format-feeds.js";
import { feedJson, printJson } from "../json-forms.js";
import { terminalLine } from "../terminal-text.js";
import { type GlobalOptions, withContext } from "../with-context.js";

/** feeds: the health of every feed; OPML import and export; reset a retired or failing feed. */
export function registerFeeds(feeds: Command): void {
  feeds
    .command("list", { isDefault: true })
    .description("one row per feed: status, last fetch, items, consecutive errors, next fetch")
    .option("--json", "print it as JSON (README: JSON output)")
    .action(async (options: { json?: boolean }, command: Command) => {
      await withContext(command.optsWithGlobals<GlobalOptions>(), async (ctx) => {
        const rows = await ctx.store.feeds.sync(ctx.config.feeds, ctx.clock.now());
        if (options.json) printJson({ feeds: rows.map((row) => feedJson(row, ctx.clock.now())) });
        else for (const line of formatFeeds(rows, ctx.clock.now())) console.log(line);
      });
    });

  feeds
    .command("import <file>")
    .description("append the feeds of an OPML file to the config file (comments kept)")
    .option("--dry-run", "only print the feeds that would be added")
    .action(async (file: string, options: { dryRun?: boolean }, command: Command) => {
      const { loadConfig, parseConfigText } = await import("../../config/index.js");
      const { addFeeds } = await import("../../config/index.js");
      const { parseOpml } = await import("../../ingest/index.js");
      const loaded = loadConfig({ path: command.optsWithGlobals<GlobalOptions>().config });
      const { feeds: found, skipped } = await parseOpml(readText(file)).catch((error: unknown) => {
        // Name the file: "not an OPML file" alone does not say which argument was wrong.
        if (error instanceof GazetteError)
          throw new GazetteError(error.code, `${file}: ${error.message}`, { cause: error });
        throw error;
      });
      const { text, added, refused } = addFeeds(readFileSync(loaded.file, "utf8"), found);
      for (const feed of added) {
        const tags = feed.tags.length > 0 ? `  [${feed.tags.join(", ")}]` : "";
        console.log(terminalLine`+ ${feed.name ?? "(untitled)"}  ${feed.url}${tags}`);
      }
      for (const { feed, reason } of refused)
        console.log(terminalLine`! ${feed.url}: refused: ${reason}`);
      // A file path or a relative URL is no feed another machine can fetch; said, never silent.
      for (const outline of skipped)
        console.error(
          terminalLine`! ${outline.name ?? "(untitled)"}  ${outline.url}: skipped: not an http(s) URL`,
        );
      const known = found.length - added.length - refused.length;
      const summary = `${plural(added.length, "feed")} ${options.dryRun ? "would be added" : "added"}${refused.length ? `, ${refused.length} refused` : ""}${known ? `, ${known} already configured` : ""}${skipped.length ? `, ${skipped.length} skipped (not http(s))` : ""}`;
      if (!options.dryRun && added.length > 0) {
        // Never leave a config file that no longer loads.
        parseConfigText(text, loaded.file, process.env);
        writeFileSync(loaded.file, text);
      }
      console.log(`${summary} (${loaded.file}).`);
    });

  feeds
    .command("export")
    .description("print the configured feeds as OPML 2.0")
    .action(async (_options: object, command: Command) => {
      const { loadConfig } = await import("../../config/index.js");
      const { isHttpUrl, toOpml } = await import("../../ingest/index.js");
      const { config } = loadConfig({ path: command.optsWithGlobals<GlobalOptions>().config });
      // An OPML file is for other readers, which cannot read a file on this machine (and
      // `feeds import` takes http(s) feeds only): local feeds are left out, and said so.
      const local = config.feeds.filter((feed) => !isHttpUrl(feed.url));
      const list = config.feeds
        .filter((feed) => isHttpUrl(feed.url))
        .map((feed) => ({ url: feed.url, name: feed.name, tags: feed.tags }));
      process.stdout.write(`${await toOpml(config.newsletter.name, list, systemClock.now())}\n`);
      if (local.length > 0)
        console.error(
          `! ${plural(local.length, "feed")} left out: local files, which another reader cannot fetch (${local.map((feed) => feed.name ?? feed.url).join(", ")})`,
        );
    });

  feeds
    .command("reset <feed>")
    .description("fetch a retired or failing feed again at the next collect (name or URL)")
    .action(async (ref: string, _options: object, command: Command) => {
      await withContext(command.optsWithGlobals<GlobalOptions>(), async (ctx) => {
        const rows = await ctx.store.feeds.sync(ctx.config.feeds, ctx.clock.now());
        const feed = rows.find((row) => row.url === ref || row.name === ref);
        if (!feed)
          throw new GazetteError(
            "USAGE",
            `no configured feed named or at "${ref}" (see gazette feeds)`,
          );
        await ctx.store.feeds.reset(feed.id);
        console.log(`${feed.name ?? feed.url}: will be fetched at the next collect.`);
      });
    });
}

function readText(file: string): string {
  try {
    return readFileSync(file, "utf8");
  } catch (error) {
    throw inputFileError(file, error);
  }
}
