import { type Browser, chromium } from "playwright-core";

/** Debian's Chromium, headless, with the flags every browser test runs it with. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
  });
}
