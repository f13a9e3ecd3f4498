import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer } from "../../src/server/index.js";
import { createPreviewServer } from "../../src/server/preview/create-preview-server.js";
import type { RunningServer } from "../../src/server/start-server.js";
import { launchChromium } from "../helpers/chromium.js";
import { createPreviewFixture, type PreviewFixture } from "./preview-fixture.js";

// A 1×1 transparent PNG, answered for every remote image the browser asks for.
const PIXEL = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==",
  "base64",
);
const LOGO = "https://logos.example/gazette.png";
const TRACKER = "https://tracker.example/pixel.png?who=editor";

let fx: PreviewFixture;
let server: RunningServer;
let browser: Browser;
let page: Page;
/** The remote URLs the browser requested: a blocked image never becomes a request. */
const requested: string[] = [];

beforeAll(async () => {
  fx = await createPreviewFixture();
  // The configured logo, and an image the configuration does not name (as a feed's or a
  // template's could be): the header partial of the fixture's own copy of the templates.
  fx.ctx.config.newsletter.logoUrl = LOGO;
  const header = path.join(fx.dir, "templates/partials/header.mjml");
  writeFileSync(
    header,
    readFileSync(header, "utf8").replace(
      "{{#if newsletter.logoUrl}}",
      `<img src="${TRACKER}" alt="" width="1" height="1">{{#if newsletter.logoUrl}}`,
    ),
  );
  server = await startServer(createPreviewServer({ ctx: fx.ctx, transport: fx.mailer }), {
    port: 0,
    host: "127.0.0.1",
  });
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  // No internet in tests: the preview server answers, and the remote images are a pixel here.
  await page.route("**/*", (route) => {
    const url = route.request().url();
    if (url.startsWith(server.url)) return route.continue();
    requested.push(url);
    return route.fulfill({ status: 200, body: PIXEL, contentType: "image/png" });
  });
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  await fx?.close();
});

/** The `src` of each image of the email frame that the browser loaded. */
async function loadedImages(): Promise<string[]> {
  const frame = await (await page.waitForSelector("iframe#frame")).contentFrame();
  if (!frame) throw new Error("the iframe has no frame");
  await frame.waitForLoadState("load");
  return frame.evaluate<string[]>(
    "[...document.images].filter((img) => img.complete && img.naturalWidth > 0).map((img) => img.src)",
  );
}

// The preview let the email load every https image: a feed's or a template's image told its
// host that the editor previewed the issue, when, and from which address.
describe("remote images in the preview", () => {
  it("loads the configured logos only, until the editor shows the others", async () => {
    await page.goto(`${server.url}/preview`);
    expect(await loadedImages()).toEqual([LOGO]);
    expect(requested).toEqual([LOGO]);

    await page.check('input[name=images][value="shown"]');
    await page.waitForURL(/images=shown/);
    expect((await loadedImages()).sort()).toEqual([LOGO, TRACKER].sort());
    expect(requested).toContain(TRACKER);
  });
});
