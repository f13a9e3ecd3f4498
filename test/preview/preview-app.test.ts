import { parseHTML } from "linkedom";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { IssueModel } from "../../src/render/index.js";
import { createPreviewApp } from "../../src/server/preview/create-preview-app.js";
import { createPreviewServer } from "../../src/server/preview/create-preview-server.js";
import { PREVIEW_CSP } from "../../src/server/preview/preview-headers.js";
import { FRAME_SANDBOX } from "../../src/server/preview/preview-page.js";
import { createPreviewFixture, type PreviewFixture } from "./preview-fixture.js";

let fx: PreviewFixture;
let app: ReturnType<typeof createPreviewServer>;

beforeAll(async () => {
  fx = await createPreviewFixture("    mode: review\n");
  app = createPreviewServer({ ctx: fx.ctx, transport: fx.mailer });
});
afterAll(() => fx.close());

const listId = async () =>
  (await fx.ctx.store.subscribers.syncLists(fx.ctx.config.lists, fx.ctx.clock.now())).get(
    "weekly",
  ) as number;

// The editor's browser session: the cookie the first page set, sent with every later request.
let session = "";

async function getPage(query = "") {
  const response = await app.request(`/preview${query}`, { headers: { cookie: session } });
  session = (response.headers.get("set-cookie") ?? session).split(";")[0] ?? "";
  const text = await response.text();
  return { response, text, document: parseHTML(text).document };
}

type ParsedDocument = ReturnType<typeof parseHTML>["document"];

/** The form fields of the page's first form posting to `action`, as a POST body. */
function formBody(document: ParsedDocument, action: string, fields: Record<string, string> = {}) {
  const form = document.querySelector(`form[action="${action}"]`);
  if (!form) throw new Error(`no form posting to ${action}`);
  const body = new URLSearchParams();
  for (const input of form.querySelectorAll("input[name], textarea[name]"))
    body.set(
      input.getAttribute("name") ?? "",
      input.getAttribute("value") ?? input.textContent ?? "",
    );
  for (const [key, value] of Object.entries(fields)) body.set(key, value);
  return body;
}

const post = (path: string, body: URLSearchParams) =>
  app.request(path, {
    method: "POST",
    body,
    headers: {
      "Content-Type": "application/x-www-form-urlencoded",
      cookie: session,
      origin: "http://localhost",
    },
  });

describe("the preview page", () => {
  it("shows the next issue without saving it, in a sandboxed frame, under a strict CSP", async () => {
    const { response, document } = await getPage();
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Security-Policy")).toBe(PREVIEW_CSP);
    expect(response.headers.get("X-Frame-Options")).toBe("DENY");
    const frame = document.querySelector("iframe#frame");
    expect(frame?.getAttribute("sandbox")).toBe(FRAME_SANDBOX);
    expect(frame?.getAttribute("sandbox")).not.toMatch(/allow-scripts|allow-same-origin/);
    expect(frame?.getAttribute("src")).toMatch(/^\/preview\/frame\?list=weekly&issue=next/);
    // No inline script: each script is a same-origin file.
    const scripts = [...document.querySelectorAll("script")];
    expect(scripts.map((s) => s.getAttribute("src"))).toEqual(["/preview/assets/preview.js"]);
    expect(scripts.every((s) => (s.textContent ?? "").trim() === "")).toBe(true);
    expect(document.querySelector("#report")?.textContent).toMatch(
      /next issue, as it would be composed now/,
    );
    expect(await fx.ctx.store.issues.latest(await listId())).toBeUndefined();
  });

  it("changes nothing in the store on a GET, not even the lists (synced when the context opened)", async () => {
    const lists = () =>
      fx.ctx.store.db.selectFrom("lists").select(["slug", "name"]).orderBy("slug").execute();
    await fx.ctx.store.db
      .updateTable("lists")
      .set({ name: "Renamed by hand" })
      .where("slug", "=", "weekly")
      .execute();
    try {
      const before = await lists();
      for (const query of ["", "?list=weekly&issue=next", "?list=weekly&issue=next&view=text"])
        expect((await getPage(query)).response.status).toBe(200);
      expect((await app.request("/preview/frame?list=weekly&issue=next")).status).toBe(200);
      expect(await lists()).toEqual(before);
    } finally {
      await fx.ctx.store.db
        .updateTable("lists")
        .set({ name: "Weekly" })
        .where("slug", "=", "weekly")
        .execute();
    }
  });

  it("the frame carries the email with its own CSP, and may be framed by the preview only", async () => {
    const response = await app.request("/preview/frame?list=weekly&issue=next");
    const body = await response.text();
    expect(response.headers.get("Content-Security-Policy")).toBe(
      "default-src 'none'; img-src data:; style-src 'unsafe-inline'; font-src data:; form-action 'none'; base-uri 'none'; frame-ancestors 'self'",
    );
    expect(response.headers.get("X-Frame-Options")).toBe("SAMEORIGIN");
    const titles = [...parseHTML(body).document.querySelectorAll(".gz-article h2, .gz-article h3")];
    expect(titles.length).toBe(6);
  });

  it.each([
    ["dark", /<meta name="color-scheme" content="dark">/, /@media \(min-width: 0px\)/],
    ["light", /<meta name="color-scheme" content="light">/, /@media \(max-width: -1px\)/],
  ])("scheme=%s forces the theme's color-scheme queries", async (scheme, meta, query) => {
    const body = await (await app.request(`/preview/frame?scheme=${scheme}`)).text();
    expect(body).toMatch(meta);
    expect(body).toMatch(query);
    expect(body).not.toMatch(/prefers-color-scheme/);
  });

  it("shows the plain-text part and the escaped source", async () => {
    const text = await (await app.request("/preview/frame?view=text")).text();
    const pre = parseHTML(text).document.querySelector("pre")?.textContent ?? "";
    expect(pre).toMatch(/Unsubscribe/i);
    expect(pre).not.toMatch(/<mj-|<table/);
    const source = await (await app.request("/preview/frame?view=source")).text();
    const code = parseHTML(source).document.querySelector("pre")?.textContent ?? "";
    expect(code).toMatch(/^<!doctype html>/i);
    expect(parseHTML(source).document.querySelectorAll("table")).toHaveLength(0);
  });

  it("renders for a real subscriber with their own signed links", async () => {
    const { id } = await fx.ctx.store.subscribers.upsert(
      "ada@example.com",
      "Ada",
      fx.ctx.clock.now(),
    );
    await fx.ctx.store.subscribers.join(await listId(), id, {
      status: "active",
      source: "test",
      now: fx.ctx.clock.now(),
      force: true,
    });
    const { document } = await getPage();
    const option = document.querySelector(`select[name=reader] option[value="s${id}"]`);
    expect(option?.textContent).toBe("ada@example.com");
    const text = await (await app.request(`/preview/frame?view=text&reader=s${id}`)).text();
    expect(text).toMatch(/https:\/\/news\.example\.com\/unsubscribe\/[\w.-]{20,}/);
    const sample = await (await app.request("/preview/frame?view=text")).text();
    expect(sample).not.toMatch(/unsubscribe\/[\w.-]{20,}/);
  });

  it("the size meter reads the compiled size against Gmail's clip", async () => {
    const { document } = await getPage();
    const size = document.querySelector("#size");
    const bytes = Number(size?.getAttribute("data-bytes"));
    expect(bytes).toBeGreaterThan(10_000);
    expect(size?.getAttribute("class")).toBe("size-ok");
    expect(document.querySelector("#size meter")?.getAttribute("max")).toBe(String(102 * 1024));
    expect(document.querySelector("#links")?.getAttribute("data-problems")).toBe("0");
  });

  it("the public app answers beside it: archive and unsubscribe pages", async () => {
    const archive = await app.request("/archive");
    expect(archive.status).toBe(200);
    expect(archive.headers.get("X-Frame-Options")).toBe("DENY");
    expect((await app.request("/unsubscribe/forged")).status).toBe(404);
  });
});

describe("the editor's forms", () => {
  it("refuse a POST without the CSRF token and change nothing", async () => {
    const { document } = await getPage();
    const section = document.querySelector(".pv-article");
    const id = Number(section?.getAttribute("id")?.replace("article-", ""));
    const body = formBody(document, `/preview/articles/${id}`, { summary: "Forged." });
    body.set("csrf", "forged");
    expect((await post(`/preview/articles/${id}`, body)).status).toBe(403);
    body.delete("csrf");
    expect((await post(`/preview/articles/${id}/drop`, body)).status).toBe(403);
    expect(await fx.ctx.store.overrides.of(id)).toBeUndefined();
  });

  it("edit the summary of the next issue's article through an override, changing only that field", async () => {
    const { document } = await getPage();
    const id = Number(
      document.querySelector(".pv-article")?.getAttribute("id")?.replace("article-", ""),
    );
    const response = await post(
      `/preview/articles/${id}`,
      formBody(document, `/preview/articles/${id}`, { summary: "An editor's sharper summary." }),
    );
    expect(response.status).toBe(303);
    expect(response.headers.get("Location")).toMatch(
      /^\/preview\?list=weekly&issue=next.*done=saved/,
    );
    const override = await fx.ctx.store.overrides.of(id);
    expect(override?.summary).toBe("An editor's sharper summary.");
    expect(override?.why).toBeNull();
    const frame = await (await app.request("/preview/frame")).text();
    expect(frame).toMatch(/An editor(&#39;|&#x27;|')s sharper summary\./);
  });

  it("compose a draft, then write its intro, reorder, drop and approve it", async () => {
    let { document } = await getPage();
    expect(document.querySelector("#draft h2")?.textContent).toMatch(/not composed/);
    const composed = await post("/preview/compose", formBody(document, "/preview/compose"));
    expect(composed.headers.get("Location")).toMatch(/issue=1.*done=composed/);
    const issue = await fx.ctx.store.issues.latest(await listId());
    expect(issue?.status).toBe("draft");
    const before = (await fx.ctx.store.issues.articles(issue?.id as number)).map(
      (a) => a.article_id,
    );
    expect(before).toHaveLength(6);

    ({ document } = await getPage("?issue=1"));
    await post(
      "/preview/intro",
      formBody(document, "/preview/intro", { intro: "Six posts this week." }),
    );
    const moveDown = [...document.querySelectorAll('form[action="/preview/reorder"]')][0];
    const order = moveDown?.querySelector('input[name="order"]')?.getAttribute("value");
    expect(order).toBe([before[1], before[0], ...before.slice(2)].join(","));
    await post("/preview/reorder", formBody(document, "/preview/reorder"));
    await post(
      `/preview/articles/${before[5]}/drop`,
      formBody(document, `/preview/articles/${before[5]}/drop`),
    );
    await post("/preview/approve", formBody(document, "/preview/approve"));

    const after = await fx.ctx.store.issues.byNumber(await listId(), 1);
    expect(after?.intro).toBe("Six posts this week.");
    expect(after?.approvedAt).toBeInstanceOf(Date);
    const rows = await fx.ctx.store.issues.articles(after?.id as number);
    expect(rows.map((a) => a.article_id)).toEqual([before[1], before[0], ...before.slice(2, 5)]);
    const frame = await (await app.request("/preview/frame?issue=1&view=text")).text();
    expect(frame).toContain("Six posts this week.");
  });

  it("a bad reorder comes back as an error on the page, not a crash", async () => {
    const { document } = await getPage("?issue=1");
    const response = await post(
      "/preview/reorder",
      formBody(document, "/preview/reorder", { order: "1,2" }),
    );
    expect(response.status).toBe(303);
    const { document: page } = await getPage(
      new URL(response.headers.get("Location") as string, "http://x").search,
    );
    expect(page.querySelector(".error")?.textContent).toMatch(/each of the issue's articles once/);
  });

  // The page showed any `error` or `sent` a link gave it, in its alert: a link made elsewhere
  // made the editor's own preview say "Session expired: open https://evil.example".
  it.each([
    ["error", "?issue=1&error=Session+expired%3A+open+https%3A%2F%2Fevil.example"],
    ["test-sent notice", "?issue=1&sent=you.+Session+expired%3A+open+https%3A%2F%2Fevil.example"],
    ["error under a note signed for other words", "?issue=1&error=Other+words&note=AAAA"],
  ])("shows no %s that a link brings", async (_name, query) => {
    const { document } = await getPage(query);
    expect(document.querySelector(".error")).toBeNull();
    expect(document.querySelector(".notice")).toBeNull();
    expect(document.body.textContent).not.toMatch(/evil\.example|Other words/);
  });

  it("send a test copy to one address: [Test] subject, nothing recorded", async () => {
    const { document } = await getPage("?issue=1");
    const response = await post(
      "/preview/send",
      formBody(document, "/preview/send", { to: "editor@example.org" }),
    );
    expect(response.headers.get("Location")).toMatch(/sent=editor%40example\.org/);
    const [message] = await fx.sink.waitFor(1);
    const parsed = await message?.parse();
    expect(message?.to).toEqual(["editor@example.org"]);
    expect(parsed?.subject).toMatch(/^\[Test\] Preview Weekly #1/);
    expect(parsed?.text).toContain("Six posts this week.");
    const issue = await fx.ctx.store.issues.byNumber(await listId(), 1);
    expect(issue?.status).toBe("draft");
    expect(await fx.ctx.store.deliveries.counts(issue?.id as number)).toEqual({});
    const back = new URL(response.headers.get("Location") as string, "http://x");
    const { document: page } = await getPage(back.search);
    expect(page.querySelector(".notice")?.textContent).toBe("Test sent to editor@example.org.");
  });
});

describe("a fixture", () => {
  it("shows a saved model and lists the links that would not work (a relative web-version URL)", async () => {
    const model: IssueModel = {
      newsletter: {
        name: "Fixture",
        baseUrl: "https://news.example.com",
        language: "en",
        postalAddress: "1 Street",
      },
      list: { id: "weekly", name: "Weekly" },
      issue: {
        number: 7,
        periodStart: new Date("2026-01-01"),
        periodEnd: new Date("2026-01-08"),
        webUrl: "archive/weekly/7.html",
      },
      articles: [
        {
          id: 1,
          title: "Good link",
          url: "https://blog.example.com/a",
          source: "Blog",
          category: "Backend",
          readMinutes: 3,
          summary: "S.",
          why: "W.",
          tags: [],
        },
        {
          id: 2,
          title: "Relative link",
          url: "/posts/relative",
          source: "Blog",
          category: "Backend",
          readMinutes: 3,
          summary: "S.",
          why: "W.",
          tags: [],
        },
      ],
    };
    const fixtureApp = createPreviewApp({ ctx: fx.ctx, transport: fx.mailer, fixture: model });
    const response = await fixtureApp.request("/?list=weekly");
    const { document } = parseHTML(await response.text());
    expect(document.querySelector("#links")?.getAttribute("data-problems")).not.toBe("0");
    const problems = [...document.querySelectorAll("#links li")].map((li) => li.textContent ?? "");
    expect(
      problems.some((p) => p.includes("archive/weekly/7.html") && /not an absolute URL/.test(p)),
    ).toBe(true);
    expect(document.querySelector("#subject")?.textContent).toBe("Fixture #7: Good link + 1 more");
    expect(document.querySelector(".pv-editor")?.textContent).toMatch(/fixture/);
  });
});
