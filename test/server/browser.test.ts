import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { serve } from "@hono/node-server";
import type { Hono } from "hono";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readSigningKeys } from "../../src/audience/signing-keys.js";
import { loadConfig } from "../../src/config/index.js";
import type { Transport } from "../../src/deliver/index.js";
import { createApp } from "../../src/server/index.js";
import { systemClock } from "../../src/shared/clock.js";
import { openStore, type Store } from "../../src/store/index.js";
import { launchChromium } from "../helpers/chromium.js";
import { ROOT, runCli } from "../helpers/cli.js";
import { type SmtpSink, startSmtpSink } from "../helpers/smtp-sink.js";
import { smtpTransport } from "../helpers/transports.js";

const ARTIFACTS = path.join(ROOT, "test-artifacts/server");
const SECRET = { GAZETTE_SECRET: "browser-test-secret", GAZETTE_SECRET_ID: "kb" };

// The real path end to end: `gazette run` sends an issue to the SMTP sink; a real Chromium opens
// the links in that email against the app served on a free port.
describe("the pages in a browser", () => {
  let dir: string;
  let smtp: SmtpSink;
  let server: ReturnType<typeof serve>;
  let baseUrl: string;
  let store: Store;
  let mailer: Transport;
  let browser: Browser;
  let page: Page;
  let app: Hono | undefined;

  const statusOf = async (email: string, slug: string) => {
    const subscriber = await store.subscribers.byEmail(email);
    const memberships = await store.subscribers.membershipsOf(subscriber?.id ?? -1);
    return memberships.find((m) => m.list_slug === slug);
  };
  const shot = (name: string) =>
    page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: true });

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    dir = mkdtempSync(path.join(tmpdir(), "gazette-browser-"));
    smtp = await startSmtpSink();
    // The port is known only once listening, and the config's baseUrl needs it: the server
    // answers through whatever app is set by then.
    server = serve({
      fetch: (request, env) => (app as Hono).fetch(request, env),
      port: 0,
      hostname: "127.0.0.1",
    });
    await new Promise<void>((resolve) => server.once("listening", () => resolve()));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    writeFileSync(
      path.join(dir, "gazette.yaml"),
      `newsletter:
  name: Browser Weekly
  baseUrl: ${baseUrl}
  postalAddress: 1 Test Street
sender:
  from: Browser Weekly <digest@news.example.com>
templates: ${path.join(ROOT, "templates")}
feeds:
  - url: ${path.join(ROOT, "examples/feeds/northwind-engineering.xml")}
    name: northwind
lists:
  - id: weekly
    name: Weekly
    lookback: 3650d
  - id: monthly
    name: Monthly Roundup
    lookback: 3650d
    maxArticles: 1000
    minArticles: 1000
topics: [Backend, Infrastructure, AI]
`,
    );
    const env = { ...SECRET, GAZETTE_TRANSPORT: smtp.url };
    const cli = (args: string[]) =>
      runCli(["--config", "gazette.yaml", ...args], { cwd: dir, env });
    expect((await cli(["subscribers", "add", "reader@example.com", "--list", "weekly"])).code).toBe(
      0,
    );
    const run = await cli(["run"]);
    expect(run.stdout).toMatch(/1 sent|Messages: 1/);

    const loaded = loadConfig({ path: path.join(dir, "gazette.yaml"), cwd: dir, env: {} });
    store = await openStore(loaded.dataDir);
    const stored = await store.runs.setting("signing_secret", () => "unused");
    mailer = smtpTransport({ url: smtp.url });
    app = createApp({
      store,
      config: loaded.config,
      signingKeys: readSigningKeys(SECRET, stored),
      clock: systemClock,
      transport: mailer,
      archiveDir: path.join(loaded.dataDir, "archive"),
    });
    browser = await launchChromium();
    page = await browser.newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await mailer?.close();
    await store?.close();
    await smtp.close();
  });

  it("unsubscribes from the link in the email, after a confirmation", async () => {
    const [issue] = await smtp.waitFor(1);
    const mail = await issue?.parse();
    const link = /Unsubscribe: (\S+)/.exec(mail?.text ?? "")?.[1] as string;
    expect(link.startsWith(`${baseUrl}/unsubscribe/`)).toBe(true);
    expect(link).not.toContain("reader");
    await page.goto(link);
    expect(await page.locator("h1").textContent()).toBe("Unsubscribe from Weekly?");
    expect((await statusOf("reader@example.com", "weekly"))?.status).toBe("active");
    await shot("unsubscribe-confirm");
    await page.getByRole("button", { name: "Unsubscribe" }).click();
    await page.waitForURL(link);
    expect(await page.locator("h1").textContent()).toBe("You are unsubscribed");
    await shot("unsubscribe-done");
    expect((await statusOf("reader@example.com", "weekly"))?.status).toBe("unsubscribed");
  });

  it("changes preferences from the link in the email", async () => {
    const mail = await smtp.messages[0]?.parse();
    const link = /Preferences: (\S+)/.exec(mail?.text ?? "")?.[1] as string;
    await page.goto(link);
    await page.getByLabel("AI").check();
    await page.getByLabel("Infrastructure").check();
    await page.getByLabel("Weekly").check();
    await page.getByLabel("Monthly Roundup").check();
    await page.getByRole("button", { name: "Save preferences" }).click();
    await page.locator('[role="status"]').waitFor();
    expect(await page.locator('[role="status"]').textContent()).toMatch(/saved/);
    expect(await page.getByLabel("AI").isChecked()).toBe(true);
    await shot("preferences-saved");
    expect(await statusOf("reader@example.com", "weekly")).toMatchObject({
      status: "active",
      topics: ["AI", "Infrastructure"],
    });
    expect((await statusOf("reader@example.com", "monthly"))?.status).toBe("active");
  });

  it("signs up, and confirms from the emailed link", async () => {
    await page.setViewportSize({ width: 375, height: 700 });
    await page.goto(`${baseUrl}/subscribe`);
    await page.getByLabel("Email address").fill("newcomer@example.com");
    await page.getByLabel("List").selectOption("monthly");
    await shot("signup-form-mobile");
    await page.getByRole("button", { name: "Subscribe" }).click();
    await page.locator("h1", { hasText: "Check your inbox" }).waitFor();
    // The signup runs after that answer: the membership is written before the email goes out.
    const messages = await smtp.waitFor(2);
    expect((await statusOf("newcomer@example.com", "monthly"))?.status).toBe("pending");
    const confirmation = await messages[1]?.parse();
    expect(messages[1]?.to).toEqual(["newcomer@example.com"]);
    const link = /(\S+\/confirm\/\S+)/.exec(confirmation?.text ?? "")?.[1] as string;
    await page.goto(link);
    expect((await statusOf("newcomer@example.com", "monthly"))?.status).toBe("pending");
    await page.getByRole("button", { name: "Confirm my subscription" }).click();
    await page.locator("h1", { hasText: "You are subscribed" }).waitFor();
    await shot("signup-confirmed");
    expect((await statusOf("newcomer@example.com", "monthly"))?.status).toBe("active");
    const [consent] = await store.consents.ofSubscriber(
      (await store.subscribers.byEmail("newcomer@example.com"))?.id ?? -1,
    );
    expect(consent).toMatchObject({ form: "signup", ip: "127.0.0.1" });
    expect(consent?.user_agent).toMatch(/Chrome/);
    expect(consent?.confirmed_at).not.toBeNull();
  });
});
