import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { type RunningServer, startServer } from "../../src/server/index.js";
import { refuseWrites } from "../helpers/refuse-writes.js";
import { type AppFixture, createAppFixture, csrfOf, form, parsePage } from "./app-fixture.js";

const heading = async (response: Response) =>
  parsePage(await response.text()).querySelector("h1")?.textContent;

// The double opt-in over real HTTP: the app served on a free port, a browser's requests.
describe("the confirmation link, served", () => {
  let f: AppFixture;
  let server: RunningServer;
  beforeEach(async () => {
    f = await createAppFixture();
    server = await startServer(f.app, { port: 0, host: "127.0.0.1" });
  });
  afterEach(async () => {
    await server.close();
    await f.close();
  });

  /** Signs up through the form; returns the subscriber's id and the emailed link's URL. */
  async function signUp(email: string): Promise<{ id: number; link: string }> {
    const page = await fetch(`${server.url}/subscribe`);
    const cookie = (page.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
    const csrf = csrfOf(await page.text());
    const sent = await fetch(`${server.url}/subscribe`, {
      method: "POST",
      body: form({ csrf, email, list: "weekly", website: "" }),
      headers: { cookie },
    });
    expect(await heading(sent)).toBe("Check your inbox");
    const mail = await (await f.sink.waitFor(1))[0]?.parse();
    const path = /https:\/\/news\.example\.com(\/confirm\/\S+)/.exec(mail?.text ?? "")?.[1];
    const id = (await f.store.subscribers.byEmail(email))?.id;
    if (!path || id === undefined) throw new Error("no confirmation link was sent");
    return { id, link: `${server.url}${path}` };
  }

  const confirm = async (link: string) =>
    fetch(link, { method: "POST", body: form({ csrf: csrfOf(await (await fetch(link)).text()) }) });

  const statusOf = async (id: number) => (await f.store.subscribers.membershipsOf(id))[0]?.status;

  it("GET asks, POST confirms once and welcomes", async () => {
    const { id, link } = await signUp("dee@example.com");
    const confirmed = await confirm(link);
    expect(confirmed.status).toBe(200);
    expect(await heading(confirmed)).toBe("You are subscribed");
    expect(await statusOf(id)).toBe("active");
    const [, welcome] = await f.sink.waitFor(2);
    expect((await welcome?.parse())?.subject).toBe("Welcome to Weekly");

    const again = await fetch(link);
    expect(again.status).toBe(410);
    expect(await heading(again)).toBe("This link was already used");
  });

  it("a confirm that fails in the store leaves the link unused, and it confirms next time", async () => {
    const { id, link } = await signUp("eve@example.com");
    const lift = await refuseWrites(f.store, "sqlite", { table: "memberships", op: "update" });
    const logged = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const failed = await confirm(link);
    expect(failed.status).toBe(500);
    expect(logged.mock.calls.map(([line]) => String(line))).toEqual([
      expect.stringMatching(/^gazette serve: POST \/confirm\/\S+: memberships update refused$/),
    ]);
    logged.mockRestore();
    expect(await statusOf(id)).toBe("pending");
    // Not "already used": the page still offers to confirm.
    const page = await fetch(link);
    expect(page.status).toBe(200);
    expect(await heading(page)).toBe("Confirm your subscription to Weekly");

    await lift();
    const confirmed = await confirm(link);
    expect(await heading(confirmed)).toBe("You are subscribed");
    expect(await statusOf(id)).toBe("active");
    expect((await f.sink.waitFor(2)).length).toBe(2);
  });
});
