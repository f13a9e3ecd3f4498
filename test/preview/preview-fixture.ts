import { cpSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Transport } from "../../src/deliver/index.js";
import { collectStage } from "../../src/pipeline/collect-stage.js";
import { type Context, openContext } from "../../src/pipeline/context.js";
import { enrichStage } from "../../src/pipeline/enrich-stage.js";
import type { LiveReload } from "../../src/server/preview/live-reload.js";
import { ROOT } from "../helpers/cli.js";
import { type SmtpSink, startSmtpSink } from "../helpers/smtp-sink.js";
import { smtpTransport } from "../helpers/transports.js";

export const ENV = { GAZETTE_SECRET: "preview-secret", GAZETTE_SECRET_ID: "k1" };

/** Writes a config in a fresh temp dir: two demo feeds, one list, a copy of the templates. */
export function writePreviewConfig(listExtra = ""): { dir: string; configPath: string } {
  const dir = mkdtempSync(path.join(tmpdir(), "gazette-preview-"));
  cpSync(path.join(ROOT, "templates"), path.join(dir, "templates"), { recursive: true });
  const configPath = path.join(dir, "gazette.yaml");
  writeFileSync(
    configPath,
    `newsletter: { name: Preview Weekly, baseUrl: "https://news.example.com", postalAddress: 1 Test Street }
sender: { from: "Preview <digest@news.example.com>" }
dataDir: ${path.join(dir, "data")}
templates: ${path.join(dir, "templates")}
feeds:
  - url: ${path.join(ROOT, "examples/feeds/orbit-mobile.xml")}
    name: Orbit Mobile
  - url: ${path.join(ROOT, "examples/feeds/lumen-labs.xml")}
    name: Lumen Labs
lists:
  - id: weekly
    name: Weekly
    lookback: 3650d
    maxArticles: 6
${listExtra}`,
  );
  return { dir, configPath };
}

export interface PreviewFixture {
  dir: string;
  configPath: string;
  ctx: Context;
  sink: SmtpSink;
  mailer: Transport;
  close(live?: LiveReload): Promise<void>;
}

/** A real store with the demo feeds collected and summarized, and an SMTP sink behind the mailer. */
export async function createPreviewFixture(listExtra = ""): Promise<PreviewFixture> {
  const { dir, configPath } = writePreviewConfig(listExtra);
  const ctx = await openContext({ configPath, env: ENV, cwd: dir });
  await collectStage(ctx);
  await enrichStage(ctx);
  const sink = await startSmtpSink();
  const mailer = smtpTransport({ url: sink.url });
  return {
    dir,
    configPath,
    ctx,
    sink,
    mailer,
    async close(live) {
      live?.close();
      await mailer.close();
      await sink.close();
      await ctx.close();
    },
  };
}
