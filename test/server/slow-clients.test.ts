import net from "node:net";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type RunningServer, startServer } from "../../src/server/index.js";
import { type AppFixture, createAppFixture } from "./app-fixture.js";

/**
 * Opens a connection that sends `head` and then one more line every 100 ms, forever; resolves
 * with the seconds until the server closed it and what it answered.
 */
function drip(
  url: string,
  head: string,
  line: string,
): Promise<{ seconds: number; answer: string }> {
  const { hostname, port } = new URL(url);
  const started = performance.now();
  return new Promise((resolve) => {
    let answer = "";
    const socket = net.connect(Number(port), hostname, () => socket.write(head));
    const timer = setInterval(() => socket.writable && socket.write(line), 100);
    socket.on("data", (chunk) => {
      answer += chunk.toString("latin1");
    });
    socket.on("error", () => {});
    socket.on("close", () => {
      clearInterval(timer);
      resolve({ seconds: (performance.now() - started) / 1000, answer });
    });
  });
}

// Slow-loris: a client that sends its request a line at a time holds a connection for as long as
// the server waits. The deadlines are short here; `gazette serve` gives 10 s and 30 s.
describe("a client that never finishes its request", () => {
  let f: AppFixture;
  let server: RunningServer;
  beforeEach(async () => {
    f = await createAppFixture();
    server = await startServer(f.app, {
      port: 0,
      host: "127.0.0.1",
      headersTimeoutMs: 500,
      requestTimeoutMs: 1_000,
    });
  });
  afterEach(async () => {
    await server.close();
    await f.close();
  });

  it("is closed at the headers' deadline while it sends header lines", async () => {
    const closed = drip(server.url, "GET / HTTP/1.1\r\nHost: x\r\n", "X-Filler: a\r\n");
    // Others are served meanwhile.
    expect((await fetch(`${server.url}/`)).status).toBe(200);
    const { seconds, answer } = await closed;
    expect(seconds).toBeLessThan(3);
    expect(answer).toMatch(/^HTTP\/1\.1 408 /);
  }, 10_000);

  it("is closed at the request's deadline while it sends its body", async () => {
    const head =
      "POST /subscribe HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 60000\r\n\r\n";
    const { seconds } = await drip(server.url, head, "a");
    expect(seconds).toBeLessThan(4);
  }, 10_000);
});
