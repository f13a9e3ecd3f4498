import type { AddressInfo } from "node:net";
import { createServer, type Server } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { takeScreenshot } from "../../src/server/preview/take-screenshot.js";
import { type FeedServer, startFeedServer } from "../helpers/feed-server.js";

// A 1×1 PNG.
const PIXEL = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=",
  "base64",
);

// An internal service: counts every connection, HTTP or TLS, and answers none.
let internal: Server;
let internalHits = 0;
let internalPort: number;
// Images on a host that collect.allowPrivate lets through.
let images: FeedServer;
// The preview: a page whose images point at the internal service, its own origin and data:.
let preview: FeedServer;

beforeAll(async () => {
  internal = createServer((socket) => {
    internalHits++;
    socket.destroy();
  });
  await new Promise<void>((resolve) => internal.listen(0, "127.0.0.1", resolve));
  internalPort = (internal.address() as AddressInfo).port;
  images = await startFeedServer({
    "/logo.png": { body: PIXEL, headers: { "content-type": "image/png" } },
  });
  const page = `<!doctype html><html><body style="background:url(http://localhost:${internalPort}/bg.png)">
<img src="http://127.0.0.1:${internalPort}/metadata.png" alt="">
<img src="https://127.0.0.1:${internalPort}/tls.png" alt="">
<img src="http://[::ffff:127.0.0.1]:${internalPort}/mapped.png" alt="">
<img src="/own.png" alt="">
<img src="data:image/png;base64,${PIXEL.toString("base64")}" alt="">
<img src="${images.url("/logo.png")}" alt="">
</body></html>`;
  preview = await startFeedServer({
    "/frame": { body: page, headers: { "content-type": "text/html; charset=utf-8" } },
    "/own.png": { body: PIXEL, headers: { "content-type": "image/png" } },
  });
});
afterAll(async () => {
  await new Promise((resolve) => internal?.close(resolve));
  await images?.close();
  await preview?.close();
});

const shoot = (remote?: { allowPrivate?: string[]; userAgent: string }) =>
  takeScreenshot({ url: preview.url("/frame"), width: 375, isDark: false, remote });

// Chromium loaded every image an email named, so a feed's logo URL made the operator's machine
// request its loopback, private or cloud-metadata addresses (SSRF from `preview --screenshot`).
describe("the preview's screenshot", () => {
  it.each([
    { name: "with the guarded fetcher", remote: { userAgent: "Gazette-test" } },
    { name: "without it", remote: undefined },
  ])("requests no private address $name, and still loads its own images", async ({ remote }) => {
    internalHits = 0;
    const before = preview.requests.length;
    const imagesBefore = images.requests.length;
    const png = await shoot(remote);
    expect(png.subarray(1, 4).toString("latin1")).toBe("PNG");
    expect(internalHits).toBe(0);
    expect(images.requests.length).toBe(imagesBefore);
    const paths = preview.requests.slice(before).map((request) => request.path);
    expect(paths).toEqual(expect.arrayContaining(["/frame", "/own.png"]));
  });

  it("fetches a remote image through ingest's guard, which collect.allowPrivate opens", async () => {
    const before = images.requests.length;
    await shoot({ allowPrivate: ["127.0.0.1"], userAgent: "Gazette-test" });
    const fetched = images.requests.slice(before);
    expect(fetched.map((request) => request.path)).toEqual(["/logo.png"]);
    // Our fetcher asked, not Chromium.
    expect(fetched[0]?.headers["user-agent"]).toBe("Gazette-test");
  });
});
