import { writeFileSync } from "node:fs";
import path from "node:path";
import { ROOT } from "./cli.js";

/**
 * A project folder for CLI end-to-end tests: `subscribers.csv` with these addresses and a
 * `gazette.yaml` with one list (`weekly`) over one feed served locally. `feedName` names the feed;
 * without it the feed's own title is shown.
 */
export function writeCliProject(
  dir: string,
  options: { feedUrl: string; feedName?: string; subscribers: string[] },
): void {
  writeFileSync(path.join(dir, "subscribers.csv"), `email\n${options.subscribers.join("\n")}\n`);
  writeFileSync(
    path.join(dir, "gazette.yaml"),
    `newsletter:
  name: Test Weekly
  baseUrl: https://news.example.com
  postalAddress: 1 Test Street, Testville
sender:
  from: Test Weekly <digest@news.example.com>
subscribersFile: subscribers.csv
templates: ${path.join(ROOT, "templates")}
collect:
  allowPrivate: ["127.0.0.1"]
feeds:
  - url: ${options.feedUrl}
${options.feedName ? `    name: ${options.feedName}\n` : ""}lists:
  - id: weekly
    name: Test Weekly
`,
  );
}
