import { Command } from "commander";
import { describe, expect, it } from "vitest";
import { COMMANDS } from "../../src/cli/command-list.js";

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
