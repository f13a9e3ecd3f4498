import { mkdtempSync } from "node:fs";
import { createServer, type Server } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROOT, runCli, withoutCreatedNotice } from "../helpers/cli.js";
import { writeCliProject } from "../helpers/cli-project.js";

describe("serve and preview that cannot listen", () => {
  let dir: string;
  let taken: Server;
  let port: number;
  const cli = (...args: string[]) => runCli(["-c", "gazette.yaml", ...args], { cwd: dir });
  const oneLine = (stderr: string) => withoutCreatedNotice(stderr).trim().split("\n");

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), "gazette-listen-"));
    writeCliProject(dir, {
      feedUrl: path.join(ROOT, "examples/feeds/orbit-mobile.xml"),
      subscribers: [],
    });
    // Another program holds a port: the one the operator asks for.
    taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, "127.0.0.1", resolve));
    port = (taken.address() as { port: number }).port;
  });
  afterAll(() => new Promise<void>((resolve) => taken.close(() => resolve())));

  it.each([["serve"], ["preview"]])("%s on a port in use says so and what to do", async (name) => {
    const result = await cli(name, "--port", String(port));
    expect(result.code).toBe(2);
    expect(oneLine(result.stderr)).toEqual([
      `gazette: cannot listen on 127.0.0.1:${port}: the port is in use (another gazette serve or preview?): stop that program, or pass --port N (0 picks a free port)`,
    ]);
  });

  it("serve on an address that is not this machine's names it", async () => {
    const result = await cli("serve", "--port", "0", "--host", "192.0.2.1");
    expect(result.code).toBe(2);
    expect(oneLine(result.stderr)).toEqual([
      "gazette: cannot listen on 192.0.2.1:0: 192.0.2.1 is not an address of this machine: pass --host 127.0.0.1, or 0.0.0.0 for every address",
    ]);
  });
});
