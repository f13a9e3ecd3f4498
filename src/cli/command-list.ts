import type { Command, HelpContext } from "commander";

// Issue 17 §6: `gazette --help` lists every command without loading one. A command's module —
// its options, subcommands and action, and what those import — is loaded when the command is
// dispatched (to run it or to print its own help): commander's preSubcommand hook registers it
// on the command declared here, before the command parses its arguments.

/** Adds a command's options, subcommands and action to the command the list declared. */
type Register = (command: Command, setExit: (code: number) => void) => void;

interface CommandEntry {
  name: string;
  alias?: string;
  description: string;
  /** Whether its module adds options: `gazette --help` shows "[options]" after the name. */
  hasOptions: boolean;
  load: () => Promise<Register>;
}

/** Every top-level command, in the order `gazette --help` lists them. */
export const COMMANDS: readonly CommandEntry[] = [
  {
    name: "collect",
    description: "fetch every feed that is due and store new and changed articles",
    hasOptions: true,
    load: async () => (await import("./commands/stages.js")).registerCollect,
  },
  {
    name: "enrich",
    description: "write the summary, why-it-matters, tags and read time of articles that lack them",
    hasOptions: true,
    load: async () => (await import("./commands/stages.js")).registerEnrich,
  },
  {
    name: "compose",
    alias: "draft",
    description: "compose the next issue of a list from the articles since its last issue",
    hasOptions: true,
    load: async () => (await import("./commands/stages.js")).registerCompose,
  },
  {
    name: "render",
    description: "render an issue to HTML and plain-text files and print their paths",
    hasOptions: true,
    load: async () => (await import("./commands/render.js")).registerRender,
  },
  {
    name: "send",
    description: "deliver an issue to every subscriber who has not received it yet",
    hasOptions: true,
    load: async () => (await import("./commands/send.js")).registerSend,
  },
  {
    name: "run",
    description: "run every stage once: collect, enrich, then compose, render and send per list",
    hasOptions: true,
    load: async () => (await import("./commands/run.js")).registerRun,
  },
  {
    name: "schedule",
    description:
      "keep running: one cron job per list (its schedule and time zone) that runs the whole cycle",
    hasOptions: true,
    load: async () => (await import("./commands/schedule.js")).registerSchedule,
  },
  {
    name: "status",
    description: "show the last runs, each list's last issue and next run, and feed health",
    hasOptions: true,
    load: async () => (await import("./commands/status.js")).registerStatus,
  },
  {
    name: "deliveries",
    description: "show an issue's deliveries: counts by status and every failure with its reason",
    hasOptions: true,
    load: async () => (await import("./commands/deliveries.js")).registerDeliveries,
  },
  {
    name: "subscribers",
    description: "list, add, remove, import and export subscribers",
    hasOptions: false,
    load: async () => (await import("./commands/subscribers.js")).registerSubscribers,
  },
  {
    name: "lists",
    description: "show each list with subscriber counts by status, its last issue and next run",
    hasOptions: true,
    load: async () => (await import("./commands/lists.js")).registerLists,
  },
  {
    name: "feeds",
    description: "list feeds with their fetch health; import, export and reset them",
    hasOptions: false,
    load: async () => (await import("./commands/feeds.js")).registerFeeds,
  },
  {
    name: "serve",
    description: "serve the unsubscribe, preferences and signup pages and the archive",
    hasOptions: true,
    load: async () => (await import("./commands/serve.js")).registerServe,
  },
  {
    name: "preview",
    description:
      "preview the next issue in the browser (localhost), live reloaded; or --screenshot",
    hasOptions: true,
    load: async () => (await import("./commands/preview.js")).registerPreview,
  },
  {
    name: "summarize",
    description:
      "summarize articles from a JSON Lines file: rows {id, title, text, url?, source?, author?, personal?} → {id, summary, why, tags, category, readMinutes}",
    hasOptions: true,
    load: async () => (await import("./commands/summarize.js")).registerSummarize,
  },
  {
    name: "article",
    description: "list, show, correct or drop articles; corrections survive re-runs of enrich",
    hasOptions: false,
    load: async () => (await import("./commands/article.js")).registerArticle,
  },
  {
    name: "issue",
    description:
      "review an issue before it goes out: show, approve, discard, intro, reorder; or cancel it",
    hasOptions: false,
    load: async () => (await import("./commands/issue.js")).registerIssue,
  },
  {
    name: "worker",
    description:
      "claim and collect feeds, enrich articles and send deliveries until SIGTERM; run any number, on any machine",
    hasOptions: true,
    load: async () => (await import("./commands/worker.js")).registerWorker,
  },
  {
    name: "webhooks",
    description: "the events posted to webhooks: the log, newest first, and refused service events",
    hasOptions: true,
    load: async () => (await import("./commands/webhooks.js")).registerWebhooks,
  },
  {
    name: "inbox",
    description: "read the bounce and unsubscribe mailbox (IMAP); classify saved messages",
    hasOptions: false,
    load: async () => (await import("./commands/inbox.js")).registerInbox,
  },
  {
    name: "suppressions",
    description:
      "the addresses no list sends to (bounces, complaints, operator): list, add, remove, import, export",
    hasOptions: false,
    load: async () => (await import("./commands/suppressions.js")).registerSuppressions,
  },
];

/**
 * Declares every command on `program` (name, alias, description: what `gazette --help` shows) and
 * registers the rest of a command from its module when it is dispatched.
 */
export function declareCommands(program: Command, setExit: (code: number) => void): void {
  const notLoaded = new Map<Command, CommandEntry>();
  for (const entry of COMMANDS) {
    const command = program.command(entry.name).description(entry.description);
    if (entry.alias) command.alias(entry.alias);
    notLoaded.set(command, entry);
    // `gazette help X` calls X's help() without dispatching to X. Until X's module is loaded that
    // help would lack its options, so it does nothing: commander then dispatches X with --help.
    const help = command.help.bind(command);
    command.help = ((context?: HelpContext) => {
      if (!notLoaded.has(command)) help(context);
    }) as Command["help"];
  }
  const load = async (command: Command) => {
    const entry = notLoaded.get(command);
    if (!entry) return;
    notLoaded.delete(command);
    (await entry.load())(command, setExit);
  };
  program.hook("preSubcommand", (_program, command) => load(command));
  // A command's options come with its module: until then, the list says whether it has any.
  const defaultTerm = program.createHelp().subcommandTerm;
  program.configureHelp({
    subcommandTerm(command) {
      const entry = notLoaded.get(command);
      if (!entry?.hasOptions) return defaultTerm.call(this, command);
      return `${defaultTerm.call(this, command)} [options]`;
    },
  });
}
