import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { unsubscribeUrl } from "../../src/audience/links.js";
import { signToken } from "../../src/audience/tokens.js";
import { type AppFixture, createAppFixture, csrfOf, form, parsePage } from "./app-fixture.js";

describe("unsubscribe pages", () => {
  let f: AppFixture;
  let subscriberId: number;
  let path: string;

  beforeEach(async () => {
    f = await createAppFixture();
    subscriberId = await f.addMember("ann@example.com", "weekly");
    await f.addMember("ann@example.com", "ai");
    path = new URL(
      unsubscribeUrl(
        f.config.newsletter.baseUrl,
        f.signingKeys.current,
        f.listId("weekly"),
        subscriberId,
      ),
    ).pathname;
  });
  afterEach(() => f.close());

  const statusOn = async (slug: string) =>
    (await f.store.subscribers.membershipsOf(subscriberId)).find((m) => m.list_slug === slug)
      ?.status;

  it("GET shows a confirmation form and changes nothing", async () => {
    const before = await f.snapshot();
    const response = await f.app.request(path);
    expect(response.status).toBe(200);
    const body = await response.text();
    const doc = parsePage(body);
    expect(doc.querySelector("html")?.getAttribute("lang")).toBe("en");
    expect(doc.querySelector("h1")?.textContent).toBe("Unsubscribe from Weekly?");
    expect(doc.querySelector("form")?.getAttribute("method")).toBe("post");
    expect(body).not.toContain("ann@example.com");
    // A scanner fetching the link twice, with HEAD too, still changes nothing.
    await f.app.request(path);
    await f.app.request(path, { method: "HEAD" });
    expect(await f.snapshot()).toBe(before);
  });

  it("POST from the form unsubscribes from that list only", async () => {
    const csrf = csrfOf(await (await f.app.request(path)).text());
    const response = await f.app.request(path, { method: "POST", body: form({ csrf }) });
    expect(response.status).toBe(200);
    expect(parsePage(await response.text()).querySelector("h1")?.textContent).toBe(
      "You are unsubscribed",
    );
    expect(await statusOn("weekly")).toBe("unsubscribed");
    expect(await statusOn("ai")).toBe("active");
  });

  it("refuses a form POST without a valid CSRF token", async () => {
    const before = await f.snapshot();
    for (const body of [form({}), form({ csrf: "forged" })]) {
      const response = await f.app.request(path, { method: "POST", body });
      expect(response.status).toBe(403);
    }
    expect(await f.snapshot()).toBe(before);
  });

  it.each([
    ["urlencoded", () => form({ "List-Unsubscribe": "One-Click" })],
    [
      "multipart",
      () => {
        const data = new FormData();
        data.append("List-Unsubscribe", "One-Click");
        return data;
      },
    ],
  ])(
    "RFC 8058 one-click POST (%s): 200, no redirect, no cookie, idempotent",
    async (_kind, body) => {
      for (let i = 0; i < 2; i++) {
        const response = await f.app.request(path, { method: "POST", body: body() });
        expect(response.status).toBe(200);
        expect(response.headers.get("location")).toBeNull();
        expect(response.headers.get("set-cookie")).toBeNull();
        expect(await statusOn("weekly")).toBe("unsubscribed");
      }
      expect(await statusOn("ai")).toBe("active");
    },
  );

  it.each([
    // fetch() and most HTTP libraries label a string body text/plain; some clients send no type.
    ["text/plain", () => "List-Unsubscribe=One-Click"],
    ["no Content-Type", () => new TextEncoder().encode("List-Unsubscribe=One-Click")],
  ])("RFC 8058 one-click POST with a body typed %s still unsubscribes", async (_kind, body) => {
    const response = await f.app.request(path, { method: "POST", body: body() });
    expect(response.status).toBe(200);
    expect(await statusOn("weekly")).toBe("unsubscribed");
    expect(await statusOn("ai")).toBe("active");
  });

  it("answers a one-click POST whose form cannot be read with 400, changing nothing", async () => {
    const before = await f.snapshot();
    const response = await f.app.request(path, {
      method: "POST",
      body: "List-Unsubscribe=One-Click",
      headers: { "content-type": "multipart/form-data" },
    });
    expect(response.status).toBe(400);
    expect(await f.snapshot()).toBe(before);
  });

  it("keeps a bounced status, and refuses tokens for other purposes or forged lists", async () => {
    await f.store.subscribers.setStatus(f.listId("weekly"), subscriberId, "bounced", f.clock.now());
    await f.app.request(path, { method: "POST", body: form({ "List-Unsubscribe": "One-Click" }) });
    expect(await statusOn("weekly")).toBe("bounced");

    const preferences = signToken(
      { purpose: "preferences", listId: f.listId("ai"), subscriberId },
      f.signingKeys.current,
    );
    const [keyId, , signature] = path.split("/")[2]?.split(".") ?? [];
    const otherList = `${keyId}.${Buffer.from(`unsubscribe:${f.listId("ai")}:${subscriberId}`).toString("base64url")}.${signature}`;
    for (const token of [preferences, otherList, "garbage", "k1.x.y"]) {
      const get = await f.app.request(`/unsubscribe/${token}`);
      expect(get.status).toBe(404);
      const post = await f.app.request(`/unsubscribe/${token}`, {
        method: "POST",
        body: form({ "List-Unsubscribe": "One-Click" }),
      });
      expect(post.status).toBe(404);
    }
    expect(await statusOn("ai")).toBe("active");
  });

  it("opened again, says you are already unsubscribed and offers a way back", async () => {
    const csrf = csrfOf(await (await f.app.request(path)).text());
    await f.app.request(path, { method: "POST", body: form({ csrf }) });
    expect(await statusOn("weekly")).toBe("unsubscribed");

    const before = await f.snapshot();
    const again = await f.app.request(path);
    expect(again.status).toBe(200);
    const doc = parsePage(await again.text());
    expect(doc.querySelector("h1")?.textContent).toBe("You are already unsubscribed");
    const button = doc.querySelector('form button[name="action"]');
    expect(button?.getAttribute("value")).toBe("resubscribe");
    expect(button?.textContent).toBe("Subscribe again");
    expect(await f.snapshot()).toBe(before);

    const back = await f.app.request(path, {
      method: "POST",
      body: form({ csrf: csrfOf(doc.toString()), action: "resubscribe" }),
      headers: { "user-agent": "Browser/2.0" },
    });
    expect(parsePage(await back.text()).querySelector("h1")?.textContent).toBe(
      "You are subscribed again",
    );
    expect(await statusOn("weekly")).toBe("active");
    expect(await f.store.consents.ofSubscriber(subscriberId)).toMatchObject([
      { form: "resubscribe", user_agent: "Browser/2.0", list_id: f.listId("weekly") },
    ]);
  });

  it("never resubscribes a bounced or suppressed address", async () => {
    const csrf = csrfOf(await (await f.app.request(path)).text());
    await f.store.subscribers.setStatus(f.listId("weekly"), subscriberId, "bounced", f.clock.now());
    const refused = await f.app.request(path, {
      method: "POST",
      body: form({ csrf, action: "resubscribe" }),
    });
    expect(refused.status).toBe(409);
    expect(await statusOn("weekly")).toBe("bounced");

    await f.store.subscribers.setStatus(
      f.listId("weekly"),
      subscriberId,
      "unsubscribed",
      f.clock.now(),
    );
    await f.store.suppressions.add("ann@example.com", "operator", f.clock.now());
    const suppressed = await f.app.request(path, {
      method: "POST",
      body: form({ csrf, action: "resubscribe" }),
    });
    expect(suppressed.status).toBe(409);
    expect(await statusOn("weekly")).toBe("unsubscribed");
  });
});
