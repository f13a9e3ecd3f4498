import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type AppFixture, createAppFixture, csrfOf, form, parsePage } from "./app-fixture.js";

// Issue 14, point 12: the web version's (and a forwarded copy's) Unsubscribe and Manage
// preferences links are /unsubscribe and /preferences without a token.

describe("unsubscribe and preferences without a personal link", () => {
  let f: AppFixture;
  /** The outcome of the next link request, which runs after the page was answered. */
  const nextOutcome = () => f.linkRequests.next();

  beforeEach(async () => {
    f = await createAppFixture();
  });
  afterEach(() => f.close());

  async function ask(path: string, email: string, ip = "198.51.100.7") {
    const page = await f.app.request(path, { headers: { "x-test-ip": ip } });
    const cookie = (page.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
    const csrf = csrfOf(await page.text());
    return f.app.request(path, {
      method: "POST",
      body: form({ csrf, email }),
      headers: { cookie, "x-test-ip": ip },
    });
  }

  it.each([
    ["/unsubscribe", "Unsubscribe"],
    ["/preferences", "Manage your preferences"],
  ])("GET %s asks for the address and changes nothing", async (path, title) => {
    const before = await f.snapshot();
    const response = await f.app.request(path);
    expect(response.status).toBe(200);
    expect(response.headers.get("set-cookie")).toMatch(
      /HttpOnly.*SameSite=Strict|SameSite=Strict.*HttpOnly/,
    );
    const doc = parsePage(await response.text());
    expect(doc.querySelector("h1")?.textContent).toBe(title);
    expect(doc.querySelector("form")?.getAttribute("action")).toBe(path);
    expect(doc.querySelector('label[for="email"] input#email[type="email"]')).not.toBeNull();
    expect(await f.snapshot()).toBe(before);
  });

  it("emails a subscriber their own links, and they work", async () => {
    await f.addMember("Ann@example.com", "weekly");
    await f.addMember("Ann@example.com", "ai");
    const response = await ask("/unsubscribe", " ann@EXAMPLE.com ");
    expect(response.status).toBe(200);
    expect(parsePage(await response.text()).querySelector("h1")?.textContent).toBe(
      "Check your inbox",
    );
    expect(await nextOutcome()).toBe("sent");
    const [message] = await f.sink.waitFor(1);
    expect(message?.to).toEqual(["Ann@example.com"]);
    const mail = await message?.parse();
    expect(mail?.subject).toBe("Your links for Fixture Weekly");
    const links = [...(mail?.text ?? "").matchAll(/https:\/\/news\.example\.com(\/\S+)/g)].map(
      (match) => match[1] as string,
    );
    expect(links.filter((link) => link.startsWith("/unsubscribe/"))).toHaveLength(2);
    expect(links.filter((link) => link.startsWith("/preferences/"))).toHaveLength(2);
    const unsubscribe = await f.app.request(links[0] as string);
    expect(parsePage(await unsubscribe.text()).querySelector("h1")?.textContent).toBe(
      "Unsubscribe from Weekly?",
    );
    const preferences = await f.app.request(links[1] as string);
    expect(parsePage(await preferences.text()).querySelector("h1")?.textContent).toBe(
      "Your email preferences",
    );
  });

  it("answers an unknown, unsubscribed or suppressed address exactly alike, and emails nobody", async () => {
    await f.addMember("ann@example.com", "weekly");
    await f.addMember("gone@example.com", "weekly", "unsubscribed");
    await f.addMember("held@example.com", "weekly");
    await f.store.suppressions.add("held@example.com", "operator", f.clock.now());
    const known = await (await ask("/preferences", "ann@example.com")).text();
    expect(await nextOutcome()).toBe("sent");
    for (const [email, ip] of [
      ["nobody@example.com", "198.51.100.8"],
      ["gone@example.com", "198.51.100.9"],
      ["held@example.com", "198.51.100.10"],
    ] as const) {
      const response = await ask("/preferences", email, ip);
      expect(response.status).toBe(200);
      expect(await response.text()).toBe(known);
      expect(await nextOutcome()).toBe("not-subscribed");
    }
    expect(f.sink.messages).toHaveLength(1);
  });

  it("sends one address at most one email per 10 minutes, and limits each client", async () => {
    await f.addMember("ann@example.com", "weekly");
    await ask("/unsubscribe", "ann@example.com", "198.51.100.1");
    expect(await nextOutcome()).toBe("sent");
    // From another client: the same answer, no second email.
    const again = await ask("/unsubscribe", "ann@example.com", "203.0.113.5");
    expect(again.status).toBe(200);
    expect(await nextOutcome()).toBe("throttled");
    expect(f.sink.messages).toHaveLength(1);

    // One client, many addresses: stopped after 5 an hour (IPv6 counted per /64).
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++)
      statuses.push((await ask("/unsubscribe", `x${i}@example.com`, `2001:db8::${i + 1}`)).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
  });

  it("refuses a POST without the form's CSRF token, and a bad address with the reason", async () => {
    const forged = await f.app.request("/unsubscribe", {
      method: "POST",
      body: form({ csrf: "forged", email: "ann@example.com" }),
    });
    expect(forged.status).toBe(403);
    const bad = await ask("/unsubscribe", "not-an-address");
    expect(bad.status).toBe(400);
    expect(parsePage(await bad.text()).querySelector('[role="alert"]')?.textContent).toMatch(
      /Enter a valid email address/,
    );
  });

  it("serves the archive index at /archive/ as at /archive", async () => {
    for (const path of ["/archive/", "/archive"]) {
      const response = await f.app.request(path);
      expect(response.status).toBe(200);
      const doc = parsePage(await response.text());
      expect(doc.querySelector("h1")?.textContent).toBe("Archive");
      expect([...doc.querySelectorAll("li a")].map((a) => a.getAttribute("href"))).toEqual([
        "/archive/weekly/",
        "/archive/ai/",
      ]);
    }
  });
});
