import { readFile } from "node:fs/promises";
import path from "node:path";
import type { Context, Hono } from "hono";
import { html } from "hono/html";
import type { AppDeps } from "../app-deps.js";
import { renderPage } from "../messages.js";
import { ARCHIVE_CSP } from "../security-headers.js";

// Only these names are ever read: a list id and a file name that match them cannot hold "..",
// a slash or a NUL, so no request reaches outside <dataDir>/archive.
const LIST = /^[a-z0-9][a-z0-9-]*$/;
const FILE = /^(?:index\.html|feed\.xml|\d{1,9}\.html)$/;

/** The archive of sent issues, read-only from the files written after each send. */
export function registerArchive(app: Hono, deps: AppDeps): void {
  // The emails link `/archive/`, a proxy may strip the slash: both are the index.
  app.get("/archive", (c) => archiveIndex(c, deps));
  app.get("/archive/", (c) => archiveIndex(c, deps));
  app.get("/archive/:list", (c) =>
    c.redirect(`/archive/${encodeURIComponent(c.req.param("list"))}/`, 301),
  );
  app.get("/archive/:list/", (c) => serveFile(c, deps, c.req.param("list"), "index.html"));
  app.get("/archive/:list/:file", (c) =>
    serveFile(c, deps, c.req.param("list"), c.req.param("file")),
  );
}

function archiveIndex(c: Context, deps: AppDeps) {
  return renderPage(
    c,
    deps,
    "Archive",
    html`<ul>${deps.config.lists.map(
      (list) => html`<li><a href="/archive/${list.id}/">${list.name}</a></li>`,
    )}</ul>`,
  );
}

async function serveFile(c: Context, deps: AppDeps, list: string, file: string) {
  if (!LIST.test(list) || !FILE.test(file) || !deps.config.lists.some((l) => l.id === list))
    return c.notFound();
  let body: Buffer;
  try {
    body = await readFile(path.join(deps.archiveDir, list, file));
  } catch {
    return c.notFound();
  }
  const isFeed = file === "feed.xml";
  c.header(
    "Content-Type",
    isFeed ? "application/atom+xml; charset=utf-8" : "text/html; charset=utf-8",
  );
  c.header("Content-Security-Policy", ARCHIVE_CSP);
  c.header("Cache-Control", "public, max-age=300");
  return c.body(new Uint8Array(body));
}
