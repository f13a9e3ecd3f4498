import { writeFileSync } from "node:fs";
import path from "node:path";
import { ROOT } from "./cli.js";

/**
 * Writes `dir`/gazette.yaml: two of the demo feeds (files in the repo), the repo's templates and
 * one list, "weekly", looking back ten years. `list` adds keys to the list, `extra` top-level
 * sections; `name` names the newsletter and its sender.
 */
export function writeDemoConfig(
  dir: string,
  options: { name: string; list?: string[]; extra?: string },
): void {
  const feeds = ["northwind-engineering", "quarry-data"]
    .map(
      (name) => `  - url: ${path.join(ROOT, "examples/feeds", `${name}.xml`)}\n    name: ${name}`,
    )
    .join("\n");
  const list = (options.list ?? []).map((line) => `    ${line}\n`).join("");
  writeFileSync(
    path.join(dir, "gazette.yaml"),
    `newsletter:
  name: ${options.name}
  baseUrl: https://news.example.com
  postalAddress: 1 Test Street
sender:
  from: ${options.name} <digest@news.example.com>
templates: ${path.join(ROOT, "templates")}
feeds:
${feeds}
lists:
  - id: weekly
    name: Weekly
    lookback: 3650d
${list}${options.extra ?? ""}
`,
  );
}
