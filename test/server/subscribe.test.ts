import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { Transport } from "../../src/deliver/index.js";
import { createAfterAnswer } from "../../src/server/index.js";
import { type AppFixture, createAppFixture, csrfOf, form, parsePage } from "./app-fixture.js";

/** The fixture's server, or another one on its store (`anotherServer`). */
type Server = Pick<AppFixture, "app" | "signups">;

/** Opens the form like a browser: the cookie it sets and the CSRF field that goes with it. */
async function openForm(f: Server, ip = "198.51.100.7") {
  const response = await f.app.request("/subscribe", { headers: { "x-test-ip": ip } });
  const cookie = (response.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
  return { cookie, csrf: csrfOf(await response.text()), ip };
}

/** Posts the form and returns the answer, without waiting for the signup it starts. */
async function post(f: Server, fields: Record<string, string>, ip = "198.51.100.7") {
  const { cookie, csrf } = await openForm(f, ip);
  return f.app.request("/subscribe", {
    method: "POST",
    body: form({ csrf, ...fields }),
    headers: { cookie, "x-test-ip": ip, "user-agent": "Browser/1.0" },
  });
}

/**
 * Posts the form; a valid request (answered 200, honeypot empty) starts a signup that runs after
 * the answer, and this waits for it to end, so that the store and the sink are settled.
 */
async function submit(f: Server, fields: Record<string, string>, ip = "198.51.100.7") {
  const response = await post(f, fields, ip);
  if (response.status === 200 && !fields.website) await f.signups.next();
  return response;
}

const heading = async (response: Response) =>
  parsePage(await response.text()).querySelector("h1")?.textContent;

describe("signup with double opt-in", () => {
  let f: AppFixture;
  beforeEach(async () => {
    f = await createAppFixture({ signupLimit: { max: 3, windowMs: 3_600_000 } });
  });
  afterEach(() => f.close());

  it("shows an accessible form whose honeypot is hidden from people", async () => {
    const response = await f.app.request("/subscribe");
    const cookie = response.headers.get("set-cookie") ?? "";
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    const doc = parsePage(await response.text());
    expect(doc.querySelector('label[for="email"] input#email[type="email"]')).not.toBeNull();
    expect(doc.querySelector("select#list")?.closest("label")).not.toBeNull();
    const trap = doc.querySelector('input[name="website"]');
    expect(trap?.getAttribute("tabindex")).toBe("-1");
    expect(trap?.closest('[aria-hidden="true"]')?.getAttribute("class")).toBe("trap");
  });

  it("records pending + consent, emails a link that confirms once, and expires", async () => {
    const response = await submit(f, { email: " Dee@Example.COM ", list: "ai", website: "" });
    expect(response.status).toBe(200);
    expect(parsePage(await response.text()).querySelector("h1")?.textContent).toBe(
      "Check your inbox",
    );
    const subscriber = await f.store.subscribers.byEmail("Dee@example.com");
    expect(subscriber).toBeDefined();
    const id = subscriber?.id as number;
    expect(await f.store.subscribers.membershipsOf(id)).toMatchObject([
      { list_slug: "ai", status: "pending" },
    ]);
    expect(await f.store.consents.ofSubscriber(id)).toMatchObject([
      { form: "signup", ip: "198.51.100.7", user_agent: "Browser/1.0", confirmed_at: null },
    ]);

    const [message] = await f.sink.waitFor(1);
    const mail = await message?.parse();
    expect(message?.to).toEqual(["Dee@example.com"]);
    expect(mail?.subject).toBe("Confirm your subscription to AI Digest");
    const link = /https:\/\/news\.example\.com(\/confirm\/\S+)/.exec(
      mail?.text ?? "",
    )?.[1] as string;
    expect(link).toBeDefined();
    expect(link).not.toContain("example.com/");

    const before = await f.snapshot();
    const page = await f.app.request(link);
    expect(page.status).toBe(200);
    expect(await f.snapshot()).toBe(before);
    const csrf = csrfOf(await page.text());
    const confirmed = await f.app.request(link, { method: "POST", body: form({ csrf }) });
    expect(parsePage(await confirmed.text()).querySelector("h1")?.textContent).toBe(
      "You are subscribed",
    );
    expect((await f.store.subscribers.membershipsOf(id))[0]?.status).toBe("active");
    // Issue 18 #5: a welcome email from the theme's template, once.
    const [, welcome] = await f.sink.waitFor(2);
    const welcomeMail = await welcome?.parse();
    expect(welcomeMail?.subject).toBe("Welcome to AI Digest");
    expect(welcomeMail?.text).toMatch(/^Welcome to AI Digest from Fixture Weekly!/);
    expect(welcomeMail?.text).toMatch(
      /To stop at any time: https:\/\/news\.example\.com\/unsubscribe\//,
    );

    // Single use: the second POST changes nothing and says so.
    await f.store.subscribers.setStatus(f.listId("ai"), id, "unsubscribed", f.clock.now());
    const again = await f.app.request(link, { method: "POST", body: form({ csrf }) });
    expect(again.status).toBe(410);
    expect((await f.store.subscribers.membershipsOf(id))[0]?.status).toBe("unsubscribed");
    expect(f.sink.messages).toHaveLength(2);
  });

  it("refuses an expired confirmation link", async () => {
    await submit(f, { email: "eve@example.com", list: "weekly" });
    const mail = await (await f.sink.waitFor(1))[0]?.parse();
    const link = /https:\/\/news\.example\.com(\/confirm\/\S+)/.exec(
      mail?.text ?? "",
    )?.[1] as string;
    const csrf = csrfOf(await (await f.app.request(link)).text());
    f.clock.advance(48 * 3_600_000 + 1_000);
    expect((await f.app.request(link)).status).toBe(404);
    const late = await f.app.request(link, { method: "POST", body: form({ csrf }) });
    expect(late.status).toBe(404);
    const id = (await f.store.subscribers.byEmail("eve@example.com"))?.id as number;
    expect((await f.store.subscribers.membershipsOf(id))[0]?.status).toBe("pending");
  });

  it("a filled honeypot, a missing CSRF cookie and a bad address send nothing", async () => {
    const trapped = await submit(f, {
      email: "bot@example.com",
      list: "weekly",
      website: "http://spam",
    });
    expect(trapped.status).toBe(200);
    const { csrf } = await openForm(f);
    const noCookie = await f.app.request("/subscribe", {
      method: "POST",
      body: form({ csrf, email: "x@example.com", list: "weekly" }),
    });
    expect(noCookie.status).toBe(403);
    const bad = await submit(f, { email: '"a@b"@example.com', list: "weekly" });
    expect(bad.status).toBe(400);
    expect(parsePage(await bad.text()).querySelector('[role="alert"]')?.textContent).toMatch(
      /valid email/,
    );
    expect(await f.store.subscribers.byEmail("bot@example.com")).toBeUndefined();
    expect(await f.store.subscribers.byEmail("x@example.com")).toBeUndefined();
    expect(f.sink.messages).toHaveLength(0);
    // None of them started a signup.
    expect(f.signups.untaken).toEqual([]);
  });

  it("rate-limits signups per address, and the window slides with the clock", async () => {
    for (let i = 0; i < 3; i++)
      expect((await submit(f, { email: `p${i}@example.com`, list: "weekly" })).status).toBe(200);
    expect((await submit(f, { email: "p3@example.com", list: "weekly" })).status).toBe(429);
    expect(
      (await submit(f, { email: "q@example.com", list: "weekly" }, "203.0.113.9")).status,
    ).toBe(200);
    f.clock.advance(3_600_000);
    expect((await submit(f, { email: "p4@example.com", list: "weekly" })).status).toBe(200);
    expect(await f.store.subscribers.byEmail("p3@example.com")).toBeUndefined();
  });

  it("sends one address at most one confirmation per 10 minutes and 3 a day, from any client", async () => {
    // 30 requests from 30 clients each round, none over its own limit.
    let round = 0;
    const bomb = async () => {
      round++;
      for (let i = 1; i <= 30; i++) {
        const response = await submit(
          f,
          { email: "victim@example.com", list: "weekly" },
          `10.${round}.0.${i}`,
        );
        expect(parsePage(await response.text()).querySelector("h1")?.textContent).toBe(
          "Check your inbox",
        );
      }
    };
    await bomb();
    expect(f.sink.messages).toHaveLength(1);
    f.clock.advance(9 * 60_000);
    await submit(f, { email: "VICTIM@Example.com", list: "ai" }, "203.0.113.50");
    expect(f.sink.messages).toHaveLength(1);
    for (const expected of [2, 3, 3]) {
      f.clock.advance(10 * 60_000);
      await bomb();
      expect(f.sink.messages).toHaveLength(expected);
    }
    f.clock.advance(24 * 3_600_000);
    await submit(f, { email: "victim@example.com", list: "weekly" }, "203.0.113.51");
    expect(f.sink.messages).toHaveLength(4);
    expect(f.sink.messages.every((m) => m.to[0] === "victim@example.com")).toBe(true);
    // Only the confirmations sent are consent records; every link in them still confirms.
    const id = (await f.store.subscribers.byEmail("victim@example.com"))?.id as number;
    expect(await f.store.consents.ofSubscriber(id)).toHaveLength(4);
  });

  it("counts an address's +tag and Gmail dot spellings as one mailbox against those limits", async () => {
    const variants = [
      "victim+1@example.com",
      "victim+news@example.com",
      "Victim+x@Example.com",
      "victim@example.com",
      "first.last@gmail.com",
      "firstlast+a@gmail.com",
      "f.i.r.s.t.l.a.s.t@googlemail.com",
    ];
    for (const [i, email] of variants.entries())
      await submit(f, { email, list: "weekly" }, `10.77.0.${i + 1}`);
    expect(f.sink.messages.map((m) => m.to[0])).toEqual([
      "victim+1@example.com",
      "first.last@gmail.com",
    ]);
    // Other people at the same domain are other mailboxes.
    await submit(f, { email: "victim2@example.com", list: "weekly" }, "10.77.1.1");
    expect(f.sink.messages).toHaveLength(3);
  });

  it("holds one mailbox's limits across two servers on one store and after a restart", async () => {
    // Two `gazette serve` processes sharing the store, each with its own memory; then a third,
    // as the first after a restart. One client per request: no client limit gets in the way.
    const servers = [f, await f.anotherServer()];
    const spellings = ["victim+1@example.com", "victim+2@example.com", "Victim@example.com"];
    for (const [i, email] of spellings.entries())
      await submit(servers[i % 2] as Server, { email, list: "weekly" }, `10.78.0.${i + 1}`);
    await submit(f, { email: "victim@gmail.com", list: "weekly" }, "10.78.1.1");
    await submit(servers[1] as Server, { email: "v.ictim@gmail.com", list: "ai" }, "10.78.1.2");
    const restarted = await f.anotherServer();
    await submit(restarted, { email: "vic.tim+x@gmail.com", list: "weekly" }, "10.78.1.3");
    await submit(restarted, { email: "victim+3@example.com", list: "weekly" }, "10.78.1.4");
    expect(f.sink.messages.map((m) => m.to[0])).toEqual([
      "victim+1@example.com",
      "victim@gmail.com",
    ]);
    // Ten minutes on, each mailbox may have its next confirmation, from whichever server.
    f.clock.advance(10 * 60_000);
    await submit(restarted, { email: "victim+2@example.com", list: "weekly" }, "10.78.2.1");
    await submit(servers[1] as Server, { email: "victim+4@example.com", list: "ai" }, "10.78.2.2");
    expect(f.sink.messages.map((m) => m.to[0])).toHaveLength(3);
    expect(f.sink.messages[2]?.to[0]).toBe("victim+2@example.com");
  });

  it("of concurrent requests for one address, one at most sends a confirmation", async () => {
    const race = () =>
      Promise.all(
        [1, 2, 3, 4, 5].map((i) =>
          submit(
            f,
            { email: "race@example.com", list: "weekly" },
            `10.9.${f.sink.messages.length}.${i}`,
          ),
        ),
      );
    await race();
    expect(f.sink.messages.length).toBeLessThanOrEqual(1);
    f.clock.advance(10 * 60_000 + 1);
    const before = f.sink.messages.length;
    await submit(f, { email: "race@example.com", list: "weekly" }, "10.9.9.9");
    expect(f.sink.messages.length).toBe(before + 1);
  });

  it("counts IPv6 clients by their /64, and an IPv4-mapped client as its IPv4 address", async () => {
    const ask = (email: string, ip: string) => submit(f, { email, list: "weekly" }, ip);
    for (const [i, ip] of ["2001:db8:1:2::1", "2001:db8:1:2::2", "2001:db8:1:2:ffff::3"].entries())
      expect((await ask(`v6-${i}@example.com`, ip)).status).toBe(200);
    expect((await ask("v6-3@example.com", "2001:db8:1:2:abcd::4")).status).toBe(429);
    expect((await ask("v6-4@example.com", "2001:db8:1:3::1")).status).toBe(200);
    for (let i = 0; i < 3; i++)
      expect((await ask(`v4-${i}@example.com`, "198.51.100.9")).status).toBe(200);
    expect((await ask("v4-3@example.com", "::ffff:198.51.100.9")).status).toBe(429);
  });

  it("refuses an address that displays as another, saying why, and stores nothing", async () => {
    const response = await submit(f, { email: "us\u200ber@example.com", list: "weekly" });
    expect(response.status).toBe(400);
    const alert = parsePage(await response.text()).querySelector('[role="alert"]');
    expect(alert?.textContent).toMatch(/invisible character U\+200B/);
    expect(await f.snapshot()).not.toMatch(/example\.com/);
    expect(f.sink.messages).toHaveLength(0);
  });

  it("sends no email to a suppressed or an active address, and answers the same", async () => {
    await f.store.suppressions.add("sup@example.com", "complaint", f.clock.now());
    await f.addMember("act@example.com", "weekly");
    // The same addresses in any case are the same people.
    const emails = ["sup@example.com", "act@example.com", "SUP@Example.com", "Act@example.com"];
    for (const [i, email] of emails.entries()) {
      const response = await submit(f, { email, list: "weekly" }, `198.51.100.${i + 20}`);
      expect(parsePage(await response.text()).querySelector("h1")?.textContent).toBe(
        "Check your inbox",
      );
    }
    expect(f.sink.messages).toHaveLength(0);
  });
});

// Security review: the POST awaited the confirmation email, so a new address was answered after
// the store write and the mail transport, an active one at once; and with the mail down only a
// new address got the 503 "Please try again later" page. Both told who is subscribed.
/** The fixture's SMTP transport, whose sends wait until the test lets them go. */
function heldSends() {
  let release = () => {};
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  let sendStarted = () => {};
  const started = new Promise<void>((resolve) => {
    sendStarted = resolve;
  });
  const transport = (smtp: Transport): Transport => ({
    async send(message) {
      sendStarted();
      await held;
      return smtp.send(message);
    },
    check: (message) => smtp.check(message),
    close: () => smtp.close(),
  });
  return { transport, started, release: () => release() };
}

describe("the signup answer tells nobody who is subscribed", () => {
  let f: AppFixture | undefined;
  afterEach(() => f?.close());

  it("answers a new address before its confirmation is sent, and the email follows", async () => {
    const { transport, started, release } = heldSends();
    f = await createAppFixture({ transport });
    // Before the fix this POST waited on the held send, and the test timed out here.
    const response = await post(f, { email: "new@example.com", list: "weekly" });
    expect(response.status).toBe(200);
    expect(await heading(response)).toBe("Check your inbox");
    await started;
    // Answered while the send is in flight: nothing arrived, the signup has not ended.
    expect(f.sink.messages).toHaveLength(0);
    expect(f.signups.untaken).toEqual([]);
    release();
    expect(await f.signups.next()).toBe("sent");
    expect(f.sink.messages.map((message) => message.to)).toEqual([["new@example.com"]]);
  }, 20_000);

  // `gazette serve` waits for this before it closes the transport on SIGTERM.
  it("lets a stopping server wait for a confirmation still being sent", async () => {
    const { transport, started, release } = heldSends();
    const afterAnswer = createAfterAnswer();
    f = await createAppFixture({ app: { afterAnswer }, transport });
    expect((await post(f, { email: "new@example.com", list: "weekly" })).status).toBe(200);
    await started;
    let settled = false;
    const stopping = afterAnswer.settled().then(() => {
      settled = true;
    });
    await new Promise((resolve) => setImmediate(resolve));
    expect(settled).toBe(false);
    release();
    await stopping;
    // Settled only once the email was handed over.
    expect(f.sink.messages.map((message) => message.to)).toEqual([["new@example.com"]]);
  }, 20_000);

  it("answers a new address whose confirmation fails as an active one, and logs the failure", async () => {
    f = await createAppFixture();
    await f.addMember("act@example.com", "weekly");
    const logged = vi.spyOn(console, "error").mockImplementation(() => undefined);
    try {
      // The SMTP server refuses the next message: the mail is down for the new address's.
      f.sink.failNext(1, 421, "Service not available");
      const active = await post(f, { email: "act@example.com", list: "weekly" }, "198.51.100.20");
      const fresh = await post(f, { email: "new@example.com", list: "weekly" }, "198.51.100.21");
      // Before the fix: 503 "Please try again later" for the new address only.
      expect([active.status, fresh.status]).toEqual([200, 200]);
      expect(await fresh.text()).toBe(await active.text());
      const outcomes = [await f.signups.next(), await f.signups.next()];
      expect(outcomes).toContain("already-active");
      expect(outcomes.find((outcome) => outcome instanceof Error)).toBeDefined();
      expect(logged.mock.calls.map((call) => call.map(String).join(" "))).toEqual([
        expect.stringMatching(
          /^gazette serve: confirmation email not sent: .*Service not available/,
        ),
      ]);
    } finally {
      logged.mockRestore();
    }
    expect(f.sink.messages).toHaveLength(0);
  });
});
