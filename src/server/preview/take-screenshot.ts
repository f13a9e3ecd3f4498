import type { Route } from "playwright-core";
import { GazetteError } from "../../shared/errors.js";
import { openRemoteFetch, type RemoteOptions } from "./open-remote-fetch.js";

/** Debian's Chromium; GAZETTE_CHROMIUM points elsewhere. */
export const DEFAULT_CHROMIUM = "/usr/bin/chromium";

/** A remote image or font, fetched for the screenshot past the private-address guard. */
export interface RemoteFile {
  bytes: Uint8Array;
  contentType?: string;
}

/** Fetches a remote http(s) file for the page; undefined (or a rejection) leaves it out. */
export type FetchRemote = (url: string) => Promise<RemoteFile | undefined>;

// What an email may load from elsewhere (frameCsp allows images and fonts): nothing else leaves.
const REMOTE_TYPES = new Set(["image", "font"]);

/**
 * A full-page PNG of `url` at `width` CSS pixels, in the light or dark scheme, through headless
 * Chromium. Loads playwright-core only here: no other command pays for it.
 *
 * Chromium itself reaches only `url`'s origin. Feed content names images anywhere, also on
 * loopback, private and cloud-metadata addresses, so every other request is either an image or
 * a font fetched through ingest's private-address guard (with `remote`) and handed to the page,
 * or aborted.
 */
export async function takeScreenshot(input: {
  url: string;
  width: number;
  isDark: boolean;
  executablePath?: string;
  remote?: RemoteOptions;
}): Promise<Buffer> {
  const { chromium } = await import("playwright-core");
  const browser = await chromium
    .launch({
      executablePath: input.executablePath ?? DEFAULT_CHROMIUM,
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
    })
    .catch((cause: unknown) => {
      throw new GazetteError(
        "USAGE",
        `--screenshot needs Chromium at ${input.executablePath ?? DEFAULT_CHROMIUM} (apt-get install chromium, or set GAZETTE_CHROMIUM)`,
        { cause },
      );
    });
  let remote: Awaited<ReturnType<typeof openRemoteFetch>> | undefined;
  try {
    remote = input.remote ? await openRemoteFetch(input.remote) : undefined;
    const { fetchRemote } = remote ?? {};
    const context = await browser.newContext({
      viewport: { width: input.width, height: 800 },
      serviceWorkers: "block",
    });
    const origin = new URL(input.url).origin;
    await context.route("**/*", (route) => routeRequest(route, origin, fetchRemote));
    const page = await context.newPage();
    await page.emulateMedia({ colorScheme: input.isDark ? "dark" : "light" });
    // Remote images (logos) may be slow or absent offline; the layout is what matters.
    await page.goto(input.url, { waitUntil: "domcontentloaded" });
    await page.waitForLoadState("load", { timeout: 5000 }).catch(() => {});
    return await page.screenshot({ fullPage: true, type: "png" });
  } finally {
    await browser.close();
    await remote?.close();
  }
}

/** The preview's own requests go through; a remote image or font is fetched by us, or aborted. */
async function routeRequest(route: Route, origin: string, fetchRemote?: FetchRemote) {
  const request = route.request();
  const url = new URL(request.url());
  if (url.origin === origin) return route.continue();
  // fetchRemote answers http(s) URLs alone: anything else is blocked below.
  const file =
    fetchRemote && REMOTE_TYPES.has(request.resourceType())
      ? await fetchRemote(url.href).catch(() => undefined)
      : undefined;
  // The page may have closed meanwhile (the screenshot is taken): then there is nothing to answer.
  const answer = file
    ? route.fulfill({ status: 200, body: Buffer.from(file.bytes), contentType: file.contentType })
    : route.abort("blockedbyclient");
  await answer.catch(() => {});
}
