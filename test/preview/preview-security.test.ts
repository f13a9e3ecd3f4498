import { request } from "node:http";
import { parseHTML } from "linkedom";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { unsubscribeUrl } from "../../src/audience/links.js";
import { startServer } from "../../src/server/index.js";
import { createPreviewServer } from "../../src/server/preview/create-preview-server.js";
import type { RunningServer } from "../../src/server/start-server.js";
import { createPreviewFixture, type PreviewFixture } from "./preview-fixture.js";

// A web page the editor visits can rebind its own name to 127.0.0.1: the browser then sends the
// page's requests to the preview with the attacker's name in Host, and lets the page read them.

interface Answer {
  status: number;
  body: string;
  headers: Record<string, string | string[] | undefined>;
}

let fx: PreviewFixture;
let server: RunningServer;
let port: number;
let subscriberId: number;

/** A request over a real socket with any Host, Origin and cookie, as a browser could send it. */
function send(
  path: string,
  options: {
    host?: string;
    origin?: string;
    cookie?: string;
    body?: URLSearchParams;
    contentType?: string;
  } = {},
): Promise<Answer> {
  const headers: Record<string, string> = { host: options.host ?? `127.0.0.1:${port}` };
  if (options.origin) headers.origin = options.origin;
  if (options.cookie) headers.cookie = options.cookie;
  if (options.body)
    headers["content-type"] = options.contentType ?? "application/x-www-form-urlencoded";
  return new Promise((resolve, reject) => {
    const req = request(
      { host: "127.0.0.1", port, path, method: options.body ? "POST" : "GET", headers },
      (res) => {
        let body = "";
        res.setEncoding("utf8");
        res.on("data", (chunk: string) => {
          body += chunk;
        });
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
      },
    );
    req.on("error", reject);
    req.end(options.body?.toString());
  });
}

/** The preview page as one browser session sees it: its cookie and the intro form's fields. */
async function openSession(cookie?: string, path = "/preview?list=weekly&issue=1") {
  const page = await send(path, cookie ? { cookie } : {});
  expect(page.status).toBe(200);
  const setCookie = [page.headers["set-cookie"] ?? []].flat()[0]?.split(";")[0];
  const document = parseHTML(page.body).document;
  const form = document.querySelector(
    'form[action="/preview/intro"], form[action="/preview/compose"]',
  );
  const fields = new URLSearchParams();
  for (const input of form?.querySelectorAll("input[name]") ?? [])
    fields.set(input.getAttribute("name") ?? "", input.getAttribute("value") ?? "");
  return { cookie: setCookie ?? cookie ?? "", fields, body: page.body };
}

const introOf = async () => (await fx.ctx.store.issues.byNumber(await listId(), 1))?.intro ?? null;
const listId = async () => (await fx.ctx.store.subscribers.listIds()).get("weekly") as number;

beforeAll(async () => {
  fx = await createPreviewFixture("    mode: review\n");
  const lists = await fx.ctx.store.subscribers.syncLists(fx.ctx.config.lists, fx.ctx.clock.now());
  ({ id: subscriberId } = await fx.ctx.store.subscribers.upsert(
    "reader@example.com",
    undefined,
    fx.ctx.clock.now(),
  ));
  await fx.ctx.store.subscribers.join(lists.get("weekly") as number, subscriberId, {
    status: "active",
    source: "test",
    now: fx.ctx.clock.now(),
  });
  const app = createPreviewServer({
    ctx: fx.ctx,
    transport: fx.mailer,
    allowedHosts: ["preview.internal", "tunnel.example:8443"],
  });
  server = await startServer(app, { port: 0, host: "127.0.0.1" });
  port = Number(new URL(server.url).port);
  // A draft to act on.
  const { fields, cookie } = await openSession(undefined, "/preview");
  const composed = await send("/preview/compose", {
    cookie,
    origin: `http://127.0.0.1:${port}`,
    body: fields,
  });
  expect(composed.status).toBe(303);
});
afterAll(async () => {
  await server?.close();
  await fx?.close();
});

describe("the preview answers only on its own host names (DNS rebinding)", () => {
  it.each([["127.0.0.1"], ["localhost"], ["[::1]"], ["preview.internal"]])(
    "answers %s on its port",
    async (name) => {
      const answer = await send("/preview", { host: `${name}:${port}` });
      expect(answer.status).toBe(200);
      expect(answer.body).toContain("reader@example.com");
    },
  );

  it("answers a configured host:port exactly", async () => {
    expect((await send("/preview", { host: "tunnel.example:8443" })).status).toBe(200);
    expect((await send("/preview", { host: "tunnel.example:8444" })).status).toBe(403);
  });

  it.each([
    ["a rebound name", () => `attacker.example:${port}`],
    ["a loopback name on another port", () => `localhost:${port + 1}`],
    ["a name that only starts like localhost", () => `localhost.attacker.example:${port}`],
    ["no port", () => "127.0.0.1"],
  ])("refuses %s, on every route, and shows nothing", async (_name, host) => {
    for (const path of [
      "/preview",
      "/preview/frame?reader=s1",
      "/preview/events",
      "/archive",
      "/unsubscribe/x",
    ]) {
      const answer = await send(path, { host: host() });
      expect(answer.status, path).toBe(403);
      expect(answer.body).not.toContain("reader@example.com");
      expect(answer.body).not.toMatch(/csrf|unsubscribe\/k1\./);
    }
  });
});

describe("the editor's POSTs", () => {
  it("need this page's Origin", async () => {
    const { cookie, fields } = await openSession();
    fields.set("intro", "Forged intro.");
    for (const origin of [
      undefined,
      "http://attacker.example",
      "null",
      `http://localhost:${port + 1}`,
    ]) {
      const answer = await send("/preview/intro", {
        cookie,
        body: fields,
        ...(origin ? { origin } : {}),
      });
      expect(answer.status, String(origin)).toBe(403);
    }
    expect(await introOf()).toBeNull();
    fields.set("intro", "The editor's intro.");
    const answer = await send("/preview/intro", {
      cookie,
      origin: `http://localhost:${port}`,
      host: `localhost:${port}`,
      body: fields,
    });
    expect(answer.status).toBe(303);
    expect(await introOf()).toBe("The editor's intro.");
  });

  it("carry a CSRF token of their own session: another session's token is refused", async () => {
    const first = await openSession();
    const second = await openSession();
    expect(first.cookie).toMatch(/^gz_preview=[\w-]{22}$/);
    expect(second.cookie).not.toBe(first.cookie);
    expect(first.fields.get("csrf")).not.toBe(second.fields.get("csrf"));
    // The same session keeps its token from one page to the next.
    expect((await openSession(first.cookie)).fields.get("csrf")).toBe(first.fields.get("csrf"));

    const origin = `http://127.0.0.1:${port}`;
    first.fields.set("intro", "From a stolen token.");
    for (const cookie of [second.cookie, undefined]) {
      const answer = await send("/preview/intro", {
        origin,
        body: first.fields,
        ...(cookie ? { cookie } : {}),
      });
      expect(answer.status).toBe(403);
    }
    expect(await introOf()).toBe("The editor's intro.");
  });

  it("answer a form they cannot read with 400, not a server error", async () => {
    const { cookie, fields } = await openSession();
    fields.set("intro", "Never saved.");
    const answer = await send("/preview/intro", {
      cookie,
      origin: `http://127.0.0.1:${port}`,
      body: fields,
      contentType: "multipart/form-data",
    });
    expect(answer.status).toBe(400);
    expect(answer.body).toMatch(/^Bad request: the form could not be read/);
    expect(await introOf()).toBe("The editor's intro.");
  });

  it("the public pages in the preview need the Origin too", async () => {
    const link = unsubscribeUrl("https://x", fx.ctx.signingKey, await listId(), subscriberId);
    const answer = await send(new URL(link).pathname, {
      origin: "http://attacker.example",
      body: new URLSearchParams({ "List-Unsubscribe": "One-Click" }),
    });
    expect(answer.status).toBe(403);
    const memberships = await fx.ctx.store.subscribers.membershipsOf(subscriberId);
    expect(memberships.map((m) => m.status)).toEqual(["active"]);
  });
});
