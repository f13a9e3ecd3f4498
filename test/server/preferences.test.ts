import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { preferencesUrl } from "../../src/audience/links.js";
import { type AppFixture, createAppFixture, csrfOf, form, parsePage } from "./app-fixture.js";

describe("preferences page", () => {
  let f: AppFixture;
  let subscriberId: number;
  let path: string;

  beforeEach(async () => {
    f = await createAppFixture();
    subscriberId = await f.addMember("bo@example.com", "weekly");
    path = new URL(
      preferencesUrl(
        f.config.newsletter.baseUrl,
        f.signingKeys.current,
        f.listId("weekly"),
        subscriberId,
      ),
    ).pathname;
  });
  afterEach(() => f.close());

  const memberships = () => f.store.subscribers.membershipsOf(subscriberId);

  it("GET lists the topics and lists with labels, and changes nothing", async () => {
    const before = await f.snapshot();
    const doc = parsePage(await (await f.app.request(path)).text());
    const topics = [...doc.querySelectorAll('input[name="topics"]')].map((i) =>
      i.getAttribute("value"),
    );
    expect(topics).toEqual(["Backend", "AI", "Security"]);
    const lists = [...doc.querySelectorAll('input[name="lists"]')].map((i) => [
      i.getAttribute("value"),
      i.hasAttribute("checked"),
    ]);
    expect(lists).toEqual([
      ["weekly", true],
      ["ai", false],
    ]);
    for (const input of doc.querySelectorAll('input[type="checkbox"]'))
      expect(input.closest("label")).not.toBeNull();
    expect(await f.snapshot()).toBe(before);
  });

  it.each([
    ["weekly", "none", /no article on your topics, you get no email for it/],
    ["ai", "full", /no article on your topics, you get the whole issue/],
  ])(
    "says what a %s reader with no matching article gets (topicFallback %s)",
    async (list, _fallback, said) => {
      const id = await f.addMember("bo@example.com", list);
      const url = preferencesUrl(
        f.config.newsletter.baseUrl,
        f.signingKeys.current,
        f.listId(list),
        id,
      );
      const doc = parsePage(await (await f.app.request(new URL(url).pathname)).text());
      expect(doc.querySelector(".topic-fallback")?.textContent).toMatch(said);
    },
  );

  it("saves topics, joins and leaves lists, and records the join as consent", async () => {
    const csrf = csrfOf(await (await f.app.request(path)).text());
    const response = await f.app.request(path, {
      method: "POST",
      body: form({
        csrf,
        action: "save",
        topics: ["AI", "Security", "Not-a-topic"],
        lists: ["ai"],
      }),
      headers: { "user-agent": "TestAgent/1" },
    });
    expect(response.status).toBe(200);
    expect(parsePage(await response.text()).querySelector('[role="status"]')?.textContent).toMatch(
      /saved/,
    );
    expect(await memberships()).toMatchObject([
      { list_slug: "ai", status: "active", topics: ["AI", "Security"] },
      { list_slug: "weekly", status: "unsubscribed" },
    ]);
    const [consent] = await f.store.consents.ofSubscriber(subscriberId);
    expect(consent).toMatchObject({
      form: "preferences",
      user_agent: "TestAgent/1",
      ip: "192.0.2.1",
    });
    expect(consent?.confirmed_at).not.toBeNull();
  });

  it("unsubscribes from everything", async () => {
    await f.addMember("bo@example.com", "ai");
    const csrf = csrfOf(await (await f.app.request(path)).text());
    const response = await f.app.request(path, {
      method: "POST",
      body: form({ csrf, action: "unsubscribe-all" }),
    });
    expect(parsePage(await response.text()).querySelector("h1")?.textContent).toBe(
      "You are unsubscribed from everything",
    );
    expect((await memberships()).map((m) => m.status)).toEqual(["unsubscribed", "unsubscribed"]);
  });

  it("refuses a POST without the CSRF token of this page", async () => {
    const other = await f.addMember("cy@example.com", "weekly");
    const otherPath = new URL(
      preferencesUrl(f.config.newsletter.baseUrl, f.signingKeys.current, f.listId("weekly"), other),
    ).pathname;
    const otherCsrf = csrfOf(await (await f.app.request(otherPath)).text());
    const before = await f.snapshot();
    const response = await f.app.request(path, {
      method: "POST",
      body: form({ csrf: otherCsrf, action: "unsubscribe-all" }),
    });
    expect(response.status).toBe(403);
    expect((await memberships())[0]?.status).toBe("active");
    expect(await f.snapshot()).toBe(before);
  });
});
