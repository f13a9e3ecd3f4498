import { describe, expect, it } from "vitest";
import { createRateLimiter, type RateLimit } from "../../src/deliver/engine/rate-limiter.js";
import { sendIssue, type Transport } from "../../src/deliver/index.js";
import { fixedClock } from "../../src/shared/clock.js";
import { startSmtpSink } from "../helpers/smtp-sink.js";
import { smtpTransport } from "../helpers/transports.js";
import { seedIssue, sendInput, T0 } from "./seed-issue.js";

/** The most timestamps any half-open window [t, t + width) holds. */
function busiestWindow(times: number[], width: number): number {
  let most = 0;
  for (let start = 0, end = 0; start < times.length; start++) {
    while (end < times.length && (times[end] as number) < (times[start] as number) + width) end++;
    most = Math.max(most, end - start);
  }
  return most;
}

/** Grants `count` slots to `workers` concurrent callers on a fake clock; returns the grant times. */
async function grantTimes(rate: RateLimit, count: number, workers: number): Promise<number[]> {
  const clock = fixedClock(T0);
  const limiter = createRateLimiter(rate, clock, async (ms) => clock.advance(ms));
  const times: number[] = [];
  let left = count;
  await Promise.all(
    Array.from({ length: workers }, async () => {
      while (left-- > 0) {
        const turn = await limiter.acquire();
        times.push(clock.now().getTime());
        turn.release(true);
      }
    }),
  );
  return times.sort((a, b) => a - b);
}

describe("createRateLimiter", () => {
  it.each([
    [{ perSecond: 10 }, 10_000, 100],
    [{ perSecond: 3 }, 10_000, 30],
    [{ perSecond: 7.5 }, 10_000, 75],
    [{ perMinute: 90 }, 10_000, 15],
    [{ perMinute: 90 }, 60_000, 90],
    [{ perSecond: 50, perMinute: 600 }, 10_000, 100],
    [{ perHour: 720 }, 3_600_000, 720],
  ])("keeps %o to at most %i ms → %i sends, in every window", async (rate, width, limit) => {
    const times = await grantTimes(rate, limit * 3, 8);
    expect(busiestWindow(times, width)).toBe(limit);
  });

  it("allows no burst at the start: the second send waits a whole interval", async () => {
    const times = await grantTimes({ perSecond: 4 }, 3, 3);
    expect(times.map((t) => t - T0.getTime())).toEqual([0, 250, 500]);
  });

  it("paces sendIssue's hand-overs to the transport", async () => {
    const sink = await startSmtpSink();
    const smtp = smtpTransport({ url: sink.url, pool: true, maxConnections: 4 });
    const seeded = await seedIssue(45);
    const clock = fixedClock(T0);
    const handedOver: number[] = [];
    // The real SMTP mailer, with the fake clock read at each hand-over.
    const timed: Transport = {
      ...smtp,
      send: (message) => {
        handedOver.push(clock.now().getTime());
        return smtp.send(message);
      },
    };
    try {
      const report = await sendIssue(
        sendInput(seeded, timed, {
          now: () => clock.now(),
          sleep: async (ms) => clock.advance(ms),
          options: { concurrency: 8, rateLimit: { perSecond: 2 }, leaseMs: 600_000 },
        }),
      );
      expect(report).toMatchObject({ sent: 45, isFinished: true });
      handedOver.sort((a, b) => a - b);
      expect(busiestWindow(handedOver, 10_000)).toBe(20);
      expect((handedOver.at(-1) as number) - (handedOver[0] as number)).toBe(44 * 500);
    } finally {
      await smtp.close();
      await sink.close();
      await seeded.store.close();
    }
  });
});
