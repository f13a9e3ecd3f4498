/**
 * Libraries that only some commands need, each from 0.05 to 1.5 s to load (issue 17 §6): a
 * command loads them only when it uses them, and a stage's face (its index.ts) only behind a
 * dynamic import. Read by test/cli/startup.test.ts and test/architecture/stage-faces.test.ts.
 */
export const HEAVY_LIBRARIES = [
  "mjml",
  "linkedom",
  "@mozilla/readability",
  "html-to-text",
  "sanitize-html",
  "rss-parser",
  "fast-xml-parser",
  "nodemailer",
  "pg",
  "playwright-core",
  "hono",
  "@hono/node-server",
  "undici",
  "handlebars",
  "pino",
  "csv-parse",
  "csv-stringify",
  "imapflow",
  "mailparser",
];

/**
 * Single files of a heavy library that load nothing else of it (nodemailer's address parser),
 * as an import names them and as the file a process loads.
 */
export const LIGHT_ENTRIES = [
  {
    specifier: "nodemailer/lib/addressparser",
    file: /\/node_modules\/nodemailer\/[^?]*\/addressparser\//,
  },
];
