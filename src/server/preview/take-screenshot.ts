import { GazetteError } from "../../shared/errors.js";

/** Debian's Chromium; GAZETTE_CHROMIUM points elsewhere. */
export const DEFAULT_CHROMIUM = "/usr/bin/chromium";

/**
 * A full-page PNG of `url` at `width` CSS pixels, in the light or dark scheme, through headless
 * Chromium. Loads playwright-core only here: no other command pays for it.
 */
export async function takeScreenshot(input: {
  url: string;
  width: number;
  isDark: boolean;
  executablePath?: string;
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
  try {
    const page = await browser.newPage({ viewport: { width: input.width, height: 800 } });
    await page.emulateMedia({ colorScheme: input.isDark ? "dark" : "light" });
    // Remote images (logos) may be slow or absent offline; the layout is what matters.
    await page.goto(input.url, { waitUntil: "domcontentloaded" });
    await page.waitForLoadState("load", { timeout: 5000 }).catch(() => {});
    return await page.screenshot({ fullPage: true, type: "png" });
  } finally {
    await browser.close();
  }
}
