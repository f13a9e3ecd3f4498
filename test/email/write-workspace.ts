import { cpSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { ROOT } from "../helpers/cli.js";

export interface Post {
  slug: string;
  title: string;
  /** Days before now. */
  age: number;
}

/** An RSS file of `posts`, dated relative to now so that they fall inside the look-back. */
export function writeFeed(file: string, posts: Post[]): void {
  const items = posts.map(
    (post) => `<item><title>${post.title}</title>
<link>https://acme.example/posts/${post.slug}</link><guid isPermaLink="false">${post.slug}</guid>
<pubDate>${new Date(Date.now() - post.age * 86_400_000).toUTCString()}</pubDate><category>Backend</category>
<description>We moved the ${post.slug} service onto PostgreSQL. The migration cut lost jobs to zero and reduced pages by 80% in the first month.</description></item>`,
  );
  writeFileSync(
    file,
    `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Acme Engineering</title>
<link>https://acme.example/</link><description>Acme</description>${items.join("\n")}</channel></rss>`,
  );
}

/**
 * A config, a feed file, two subscribers and a copy of the theme in a temp directory.
 * `extra` is YAML added under `newsletter:`.
 */
export function writeWorkspace(options: { postalAddress?: string } = {}): string {
  const dir = mkdtempSync(path.join(tmpdir(), "gazette-email-"));
  cpSync(path.join(ROOT, "templates"), path.join(dir, "theme"), { recursive: true });
  writeFeed(path.join(dir, "acme.xml"), [
    { slug: "queue", title: "Moving our job queue onto PostgreSQL", age: 2 },
    { slug: "flaky", title: "Quarantining flaky tests", age: 3 },
  ]);
  writeFileSync(
    path.join(dir, "subscribers.csv"),
    "email,name\nada@example.com,Ada\ngrace@example.com,Grace\n",
  );
  writeFileSync(
    path.join(dir, "gazette.yaml"),
    `newsletter:
  name: Email Test
  baseUrl: https://news.example.com
  postalAddress: ${JSON.stringify(options.postalAddress ?? "1 Test Street, Springfield")}
sender:
  from: Email Test <digest@news.example.com>
templates: theme
subscribersFile: subscribers.csv
feeds:
  - url: acme.xml
    name: Acme Engineering
lists:
  - id: weekly
    name: Weekly
`,
  );
  return dir;
}

/** Rows in the send ledger of the workspace's database. */
export function countDeliveries(dir: string): number {
  const db = new Database(path.join(dir, "data", "gazette.db"), { readonly: true });
  try {
    return (db.prepare("SELECT count(*) AS n FROM deliveries").get() as { n: number }).n;
  } finally {
    db.close();
  }
}
