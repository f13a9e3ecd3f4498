import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { preferencesUrl, unsubscribeUrl } from "../../src/audience/links.js";
import { signToken } from "../../src/audience/tokens.js";
import { type AppFixture, createAppFixture, parsePage } from "./app-fixture.js";

describe("every page", () => {
  let f: AppFixture;
  let tokenPaths: string[];

  beforeAll(async () => {
    f = await createAppFixture();
    const id = await f.addMember("fay@example.com", "weekly");
    const base = f.config.newsletter.baseUrl;
    const key = f.signingKeys.current;
    const confirm = signToken(
      {
        purpose: "confirm",
        listId: f.listId("weekly"),
        subscriberId: id,
        expiresAt: 4_102_444_800,
        nonce: "nonce-00000001",
      },
      key,
    );
    await f.store.consents.record({
      subscriberId: id,
      mailboxKey: "fay@example.com",
      listId: f.listId("weekly"),
      form: "signup",
      ip: "x",
      userAgent: "y",
      nonce: "nonce-00000001",
      now: f.clock.now(),
      expiresAt: new Date(4_102_444_800_000),
    });
    tokenPaths = [
      new URL(unsubscribeUrl(base, key, f.listId("weekly"), id)).pathname,
      new URL(preferencesUrl(base, key, f.listId("weekly"), id)).pathname,
      `/confirm/${confirm}`,
    ];
    const archive = path.join(f.dir, "archive", "weekly");
    mkdirSync(archive, { recursive: true });
    writeFileSync(
      path.join(archive, "1.html"),
      '<html><body style="color:red">Issue 1</body></html>',
    );
    writeFileSync(path.join(archive, "index.html"), "<html><body>Index</body></html>");
    writeFileSync(path.join(archive, "feed.xml"), '<feed xmlns="http://www.w3.org/2005/Atom"/>');
    writeFileSync(path.join(f.dir, "secret.txt"), "do not serve");
  });
  afterAll(() => f.close());

  it("no GET or HEAD on any route changes the store", async () => {
    const before = await f.snapshot();
    for (const route of [
      ...tokenPaths,
      "/",
      "/subscribe",
      "/archive",
      "/archive/weekly/",
      "/assets/style.css",
    ]) {
      for (const method of ["GET", "HEAD"]) {
        const response = await f.app.request(route, { method });
        expect(response.status, `${method} ${route}`).toBeLessThan(400);
      }
    }
    expect(await f.snapshot()).toBe(before);
  });

  it("sends the security headers and the strict CSP on its pages", async () => {
    for (const route of [...tokenPaths, "/", "/subscribe", "/no-such-page"]) {
      const response = await f.app.request(route);
      expect(response.headers.get("content-security-policy")).toBe(
        "default-src 'none'; style-src 'self'; img-src 'self' https:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
      );
      expect(response.headers.get("x-content-type-options")).toBe("nosniff");
      expect(response.headers.get("referrer-policy")).toBe("no-referrer");
      const doc = parsePage(await response.text());
      expect(doc.querySelectorAll("h1")).toHaveLength(1);
      expect(doc.querySelector('meta[name="viewport"]')).not.toBeNull();
      expect(doc.querySelectorAll("script, [style]")).toHaveLength(0);
    }
    const css = await f.app.request("/assets/style.css");
    expect(css.headers.get("content-type")).toMatch(/^text\/css/);
    expect(await css.text()).toMatch(/@media \(max-width/);
  });

  it("serves the archive read-only, and nothing outside it", async () => {
    const issue = await f.app.request("/archive/weekly/1.html");
    expect(issue.status).toBe(200);
    expect(await issue.text()).toContain("Issue 1");
    expect(issue.headers.get("content-security-policy")).toMatch(
      /style-src 'unsafe-inline'.*form-action 'none'/,
    );
    expect((await f.app.request("/archive/weekly/feed.xml")).headers.get("content-type")).toMatch(
      /atom\+xml/,
    );
    expect(await (await f.app.request("/archive/weekly/")).text()).toContain("Index");
    expect((await f.app.request("/archive/weekly")).status).toBe(301);
    for (const attempt of [
      "/archive/weekly/../../secret.txt",
      "/archive/weekly/..%2F..%2Fsecret.txt",
      "/archive/..%2Fsecret.txt/1.html",
      "/archive/weekly/%2e%2e/%2e%2e/secret.txt",
      "/archive/other/1.html",
      "/archive/weekly/2.html",
      "/archive/weekly/1.html%00",
    ]) {
      const response = await f.app.request(attempt);
      expect(response.status, attempt).toBe(404);
      expect(await response.text()).not.toContain("do not serve");
    }
    const post = await f.app.request("/archive/weekly/1.html", { method: "POST" });
    expect(post.status).toBe(404);
  });

  it("answers a form body it cannot read with 400 and a page, never 500", async () => {
    const before = await f.snapshot();
    for (const route of [...tokenPaths, "/subscribe", "/unsubscribe", "/preferences"]) {
      for (const type of ["multipart/form-data", "multipart/form-data; boundary=x"]) {
        const response = await f.app.request(route, {
          method: "POST",
          body: "csrf=x&email=a%40example.com",
          headers: { "content-type": type },
        });
        expect(response.status, `${route} ${type}`).toBe(400);
        expect(response.headers.get("content-security-policy")).toMatch(/default-src 'none'/);
        expect(parsePage(await response.text()).querySelector("h1")?.textContent).toBe(
          "This form could not be read",
        );
      }
    }
    expect(await f.snapshot()).toBe(before);
  });

  it("escapes what it shows", async () => {
    const opened = await f.app.request("/subscribe");
    const cookie = (opened.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
    const csrf =
      parsePage(await opened.text())
        .querySelector('input[name="csrf"]')
        ?.getAttribute("value") ?? "";
    const hostile = '"><script>alert(1)</script>';
    const response = await f.app.request("/subscribe", {
      method: "POST",
      body: new URLSearchParams({ csrf, email: hostile, list: "weekly" }),
      headers: { cookie },
    });
    expect(response.status).toBe(400);
    const doc = parsePage(await response.text());
    expect(doc.querySelectorAll("script")).toHaveLength(0);
    expect(doc.querySelector("input#email")?.getAttribute("value")).toBe(hostile);
  });
});
