import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "../helpers/cli.js";

// Issue 14, point 16: `npm install` on Node 20 printed EBADENGINE for nopt and abbrev (pulled in
// by js-beautify through mjml), which want Node 22.22+. package.json's `overrides` pins versions
// that run on every Node Gazette supports; this keeps it so for every package in the lock file.

const OLDEST_SUPPORTED = [20, 19, 0] as const;

type Version = readonly [number, number, number];

function parse(text: string): Version {
  const [major = 0, minor = 0, patch = 0] = text
    .split(".")
    .map((part) => Number.parseInt(part, 10));
  return [major, minor, patch];
}

function compare(a: Version, b: Version): number {
  for (let i = 0; i < 3; i++) if (a[i] !== b[i]) return (a[i] ?? 0) - (b[i] ?? 0);
  return 0;
}

/** True when `version` satisfies one comparator of an npm range (the forms the lock file holds). */
function satisfiesComparator(version: Version, comparator: string): boolean {
  const match =
    /^(\^|~|>=|<=|>|<|=)?v?(\d+|[x*])(?:\.(\d+|[x*]))?(?:\.(\d+|[x*]))?(?:-[\w.]+)?$/.exec(
      comparator,
    );
  if (!match) throw new Error(`cannot read the engines comparator "${comparator}"`);
  const [, op = "", major = "*", minor, patch] = match;
  if (major === "*" || major === "x") return true;
  const wanted = parse(`${major}.${minor ?? "0"}.${patch ?? "0"}`.replace(/[x*]/g, "0"));
  const isPartial = minor === undefined || minor === "x" || minor === "*";
  const c = compare(version, wanted);
  switch (op) {
    case ">=":
      return c >= 0;
    case ">":
      return c > 0;
    case "<=":
      return c <= 0;
    case "<":
      return c < 0;
    case "^":
      return c >= 0 && version[0] === wanted[0];
    case "~":
      return c >= 0 && version[0] === wanted[0] && (isPartial || version[1] === wanted[1]);
    default:
      return isPartial ? version[0] === wanted[0] : c === 0;
  }
}

function satisfies(version: Version, range: string): boolean {
  return range.split("||").some((alternative) =>
    alternative
      .trim()
      .replace(/(>=|<=|>|<|=)\s+/g, "$1")
      .split(/\s+/)
      .filter(Boolean)
      .every((comparator) => satisfiesComparator(version, comparator)),
  );
}

describe("the packages npm installs", () => {
  it("all accept the oldest Node Gazette supports (no EBADENGINE on Node 20.19)", () => {
    const lock = JSON.parse(readFileSync(path.join(ROOT, "package-lock.json"), "utf8")) as {
      packages: Record<string, { version?: string; engines?: { node?: string } | string[] }>;
    };
    const refusing = Object.entries(lock.packages)
      .filter(([name, entry]) => {
        const range = Array.isArray(entry.engines) ? undefined : entry.engines?.node;
        return name !== "" && range !== undefined && !satisfies(OLDEST_SUPPORTED, range);
      })
      .map(([name, entry]) => `${name}@${entry.version}`);
    expect(refusing).toEqual([]);
  });

  it("reads engines ranges as npm does", () => {
    const v = OLDEST_SUPPORTED;
    expect(satisfies(v, "^22.22.2 || ^24.15.0 || >=26.0.0")).toBe(false);
    expect(satisfies(v, "^20.17.0 || >=22.9.0")).toBe(true);
    expect(satisfies(v, ">= 18")).toBe(true);
    expect(satisfies(v, ">=20.19.1")).toBe(false);
    expect(satisfies(v, "14 || 16 || >=18")).toBe(true);
    expect(satisfies(v, "^18.17.0 || >=20.5.0")).toBe(true);
    expect(satisfies(v, "20.x")).toBe(true);
  });
});
