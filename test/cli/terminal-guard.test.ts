import { spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { guardTerminal } from "../../src/cli/terminal-text.js";
import { CLI_ENTRY, runCli } from "../helpers/cli.js";

const ESC = "\u001b";

/** A stream that keeps what is written to it, a terminal or not as `isTTY` says. */
function stream(isTTY: boolean): { out: NodeJS.WriteStream; written: () => string } {
  const chunks: Buffer[] = [];
  const out = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk);
      done();
    },
  }) as unknown as NodeJS.WriteStream;
  out.isTTY = isTTY;
  return { out, written: () => Buffer.concat(chunks).toString() };
}

describe("guardTerminal", () => {
  it("drops what a terminal would act on, in strings and in bytes, and keeps lines", () => {
    const { out, written } = stream(true);
    guardTerminal(out);
    out.write(`a${ESC}]0;pwned\u0007b\u009b2J\tc\r\n`);
    out.write(Buffer.from(`d${ESC}[31me\u0000f\n`));
    out.write("safe\rEVIL \u202eesrever\n");
    expect(written()).toBe("a]0;pwnedb2J\tc\r\nd[31mef\nsafeEVIL esrever\n");
  });

  it("writes output to a file or a pipe whole: it is data", () => {
    const { out, written } = stream(false);
    guardTerminal(out);
    out.write(`a${ESC}[2Jb\n`);
    expect(written()).toBe(`a${ESC}[2Jb\n`);
  });

  // Through a real pseudo-terminal (util-linux `script`, in Debian's essential packages): the
  // path the operator typed comes back in the error, and an ESC in it would clear the screen.
  it("reaches no terminal from gazette's own output, as the error that quotes a path", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "gazette-terminal-"));
    const config = `a${ESC}[2Jb.yaml`;
    const command = `'${process.execPath}' '${CLI_ENTRY}' --config '${config}' status`;
    const terminal = spawnSync("script", ["-qec", command, "/dev/null"], {
      cwd: dir,
      env: { ...process.env, GAZETTE_CONFIG: "" },
      encoding: "utf8",
    });
    expect(terminal.status).toBe(2);
    const onTerminal = terminal.stdout;
    expect(onTerminal).toMatch(/gazette: .*a\[2Jb\.yaml: config file not found/);
    expect(onTerminal).not.toContain(ESC);
    const piped = await runCli(["--config", config, "status"], { cwd: dir });
    expect(piped.stderr).toContain(config);
  });
});
