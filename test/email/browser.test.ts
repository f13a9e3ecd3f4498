import { mkdir } from "node:fs/promises";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { renderIssue } from "../../src/render/index.js";
import { launchChromium } from "../helpers/chromium.js";
import { buildRecipient, SUBJECT, TEMPLATES_DIR } from "../render/build-issue-model.js";
import { buildDigest } from "./build-digest.js";

const ARTIFACTS = "test-artifacts/email";
/** Defines `measureContrast()` in the page (plain browser JavaScript; see the file). */
const CONTRAST_SCRIPT = path.join(import.meta.dirname, "measure-contrast.browser.js");

interface ContrastReport {
  checked: number;
  failures: string[];
  background: string;
}
// A 1×1 PNG for the logos: the browser gets no network.
const PIXEL = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkaPhfDwAFgwJ/lK3Q6wAAAABJRU5ErkJggg==",
  "base64",
);
const model = buildDigest(20, {});
model.issue.intro = "Twenty posts this week, from queues to mobile image caches.";
// "Also published" as compose hands it over (feeds in turns), with a long unbroken title.
model.alsoPublished = [
  {
    source: "Hugo Releases",
    title: "v0.96.0",
    url: "https://github.com/gohugoio/hugo/releases/tag/v0.96.0",
  },
  {
    source: "Lumen Labs",
    title: "Notes_from_the_incident_review_of_the_payments_outage_in_November",
    url: "https://blog.example.com/notes",
  },
  { source: "Hugo Releases", title: "v0.95.0", url: "" },
];
let browser: Browser;
let html: string;
let groupedHtml: string;

beforeAll(async () => {
  const compiled = await renderIssue(model, {
    templatesDir: TEMPLATES_DIR,
    subjectTemplate: SUBJECT,
  });
  html = compiled.fill(buildRecipient(1)).html;
  const grouped = { ...model, list: { ...model.list, groupByCategory: true } };
  groupedHtml = (
    await renderIssue(grouped, { templatesDir: TEMPLATES_DIR, subjectTemplate: SUBJECT })
  ).fill(buildRecipient(1)).html;
  await mkdir(ARTIFACTS, { recursive: true });
  browser = await launchChromium();
});
afterAll(() => browser?.close());

async function open(width: number, document: string, colorScheme: "light" | "dark"): Promise<Page> {
  const page = await browser.newPage({ viewport: { width, height: 800 }, colorScheme });
  await page.route("**/*", (route) =>
    route.request().url().startsWith("https://logos.example/")
      ? route.fulfill({ body: PIXEL, contentType: "image/png" })
      : route.abort(),
  );
  await page.setContent(document, { waitUntil: "load" });
  return page;
}

/** Each card's title box, for the cards in the document (cards have an anchor id). */
async function titleBoxes(page: Page) {
  const titles = page.locator(".gz-article[id] h2, .gz-article[id] h3");
  const boxes = [];
  for (let i = 0; i < (await titles.count()); i++) boxes.push(await titles.nth(i).boundingBox());
  return boxes;
}

describe.each([320, 375, 600])("the email at %i px wide", (width) => {
  it.each([
    { variant: "plain", grouped: false },
    { variant: "grouped", grouped: true },
  ])(
    "$variant: no horizontal scroll, every article title on screen",
    async ({ variant, grouped }) => {
      const page = await open(width, grouped ? groupedHtml : html, "light");
      const { scrollWidth, innerWidth } = await page.evaluate<{
        scrollWidth: number;
        innerWidth: number;
      }>("({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth })");
      expect(scrollWidth).toBeLessThanOrEqual(innerWidth);
      const boxes = await titleBoxes(page);
      expect(boxes).toHaveLength(model.articles.length);
      // "Also published": its heading, each feed's name and each line on screen too.
      const also = page.locator(
        ".gz-article:not([id]) h2, .gz-article:not([id]) h3, .gz-article:not([id]) li",
      );
      expect(await also.count()).toBe(6);
      for (let i = 0; i < (await also.count()); i++) boxes.push(await also.nth(i).boundingBox());
      for (const box of boxes) {
        expect(box).not.toBeNull();
        expect(box?.height).toBeGreaterThan(0);
        expect(box?.x).toBeGreaterThanOrEqual(0);
        expect((box?.x ?? 0) + (box?.width ?? 0)).toBeLessThanOrEqual(width);
      }
      await page.screenshot({ path: `${ARTIFACTS}/${variant}-${width}.png`, fullPage: true });
      await page.close();
    },
  );
});

describe.each(["light", "dark"] as const)("the %s colour scheme", (scheme) => {
  it("keeps every piece of text at a contrast of at least 4.5:1 with its background", async () => {
    const page = await open(600, groupedHtml, scheme);
    await page.addScriptTag({ path: CONTRAST_SCRIPT });
    const report = await page.evaluate<ContrastReport>("measureContrast()");
    await page.screenshot({ path: `${ARTIFACTS}/${scheme}-600.png`, fullPage: true });
    await page.close();
    expect(report.checked).toBeGreaterThan(100);
    expect(report.background).toBe(scheme === "dark" ? "rgb(17, 20, 24)" : "rgb(244, 245, 247)");
    expect(report.failures).toEqual([]);
  });
});
