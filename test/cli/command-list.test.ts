import { Command } from "commander";
import { describe, expect, it } from "vitest";
import { COMMANDS } from "../../src/cli/command-list.js";
import { runCli } from "../helpers/cli.js";

// `gazette --help` is printed from the command list alone (issue 17 §6); each command's module
// adds the rest when the command is dispatched. What the list says must be what the module adds.
describe("the command list", () => {
  it.each(COMMANDS.map((entry) => [entry.name, entry] as const))(
    "%s: the list says whether its module adds options",
    async (_name, entry) => {
      const command = new Command(entry.name);
      (await entry.load())(command, () => {});
      expect(command.options.length > 0).toBe(entry.hasOptions);
      expect(command.registeredArguments).toEqual([]);
    },
  );
});

// The built CLI, as a user types it: a command's own options and subcommands appear however its
// help is asked for, though `gazette --help` loaded none of them.
describe("help before a command's module is loaded", () => {
  it("lists [options] for the commands that have some, and not for the others", async () => {
    const help = await runCli(["--help"]);
    expect(help.stdout).toMatch(/^ {2}status \[options\] +show the last runs/m);
    expect(help.stdout).toMatch(/^ {2}compose\|draft \[options\] +compose the next issue/m);
    expect(help.stdout).toMatch(/^ {2}issue +review an issue/m);
  });

  it.each([
    [["help", "status"], "--json"],
    [["status", "--help"], "--json"],
    [["help", "draft"], "--list <id>"],
    [["help", "issue"], "approve [options] <n>"],
    [["issue", "help", "approve"], "--send"],
  ])("gazette %j prints the command's own help", async (args, expected) => {
    const result = await runCli(args);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(expected);
  });

  it("summarize --help names every input field the README lists", async () => {
    const help = await runCli(["summarize", "--help"]);
    expect(help.stdout.replace(/\s+/g, " ")).toContain(
      "rows {id, title, text, url?, source?, author?, personal?}",
    );
  });

  it("a usage error in a command names its options", async () => {
    const result = await runCli(["status", "--jsn"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/unknown option '--jsn'[\s\S]*--json/);
  });
});
