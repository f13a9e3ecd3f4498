import { mkdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { ROOT, runCli, withoutCreatedNotice } from "../helpers/cli.js";
import { writePreviewConfig } from "./preview-fixture.js";

const ARTIFACTS = path.join(ROOT, "test-artifacts/preview");
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** The width and height in a PNG's IHDR chunk (right after the signature and the chunk header). */
function pngSize(png: Buffer): { width: number; height: number } {
  expect(png.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
  expect(png.subarray(12, 16).toString("latin1")).toBe("IHDR");
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

describe("gazette preview --screenshot", () => {
  let dir: string;
  const cli = (...args: string[]) => runCli(["-c", "gazette.yaml", ...args], { cwd: dir });
  beforeAll(async () => {
    ({ dir } = writePreviewConfig());
    mkdirSync(ARTIFACTS, { recursive: true });
    expect((await cli("collect")).code).toBe(0);
    expect((await cli("enrich")).code).toBe(0);
  });

  it.each([
    { width: 375, dark: true, file: "cli-375-dark.png" },
    { width: 600, dark: false, file: "cli-600-light.png" },
  ])("writes a full-page PNG $width px wide (dark: $dark)", async ({ width, dark, file }) => {
    const out = path.join(ARTIFACTS, file);
    const result = await cli(
      "preview",
      "--screenshot",
      out,
      "--width",
      String(width),
      ...(dark ? ["--dark"] : []),
    );
    expect(withoutCreatedNotice(result.stderr)).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`(${width} px, ${dark ? "dark" : "light"})`);
    const size = pngSize(readFileSync(out));
    expect(size.width).toBe(width);
    // Six articles make a long email: the whole page, not just the first screen.
    expect(size.height).toBeGreaterThan(1600);
  });

  it("saves nothing: the next issue is still uncomposed", async () => {
    expect((await cli("issue", "show", "1")).stderr).toMatch(/no issue #1/);
  });

  it("refuses a width it has no device for", async () => {
    const result = await cli("preview", "--screenshot", "x.png", "--width", "800");
    expect(result.code).not.toBe(0);
    expect(result.stderr).toMatch(/--width: "800" must be 600 or 375/);
  });
});
