import { afterEach, describe, expect, it, vi } from "vitest";
import { compileInMjmlThread } from "../../src/render/mjml-thread.js";

// Not under test/render: that folder shares one module graph per worker and takes no fake timers.
const MJML =
  "<mjml><mj-body><mj-section><mj-column><mj-text>Hello</mj-text></mj-column></mj-section></mj-body></mjml>";

describe("the MJML thread", () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it("answers a request made while the idle thread before it is ending", async () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    const first = await compileInMjmlThread(MJML);
    expect("html" in first && first.html).toContain("Hello");
    // The idle thread is ended; a request comes before it has exited, and starts a new thread.
    vi.advanceTimersByTime(2_000);
    const second = await compileInMjmlThread(MJML);
    // Before: the ended thread's exit (code 1) failed the new thread's request too.
    expect(second).not.toHaveProperty("error");
    expect("html" in second && second.html).toContain("Hello");
    vi.advanceTimersByTime(2_000);
  });
});
