import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.js";
import { writeDemoConfig } from "../helpers/demo-config.js";

// Issue 14, point 16: every listing command has a stable, documented JSON form (README "JSON
// output"), and the next run is shown in the list's own time zone.

describe("JSON forms and local times", () => {
  let dir: string;
  const cli = (args: string[]) => runCli(["--config", "gazette.yaml", ...args], { cwd: dir });

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), "gazette-json-"));
    writeDemoConfig(dir, {
      name: "JSON Test",
      list: ['schedule: { cron: "0 9 * * MON", timezone: Europe/Berlin }'],
    });
    expect((await cli(["subscribers", "add", "ada@example.com", "--name", "Ada"])).code).toBe(0);
    expect((await cli(["run"])).code).toBe(0);
  }, 120_000);

  it("status --json: runs, lists with their last issue and next run, feeds", async () => {
    const result = await cli(["status", "--json"]);
    expect(result.code).toBe(0);
    const json = JSON.parse(result.stdout);
    expect(json.version).toBe(1);
    expect(json.runs[0]).toMatchObject({ command: "run", status: "ok", list: null });
    expect(json.lists).toHaveLength(1);
    const [list] = json.lists;
    expect(list).toMatchObject({
      id: "weekly",
      lastIssue: {
        number: 1,
        status: "sent",
        deliveries: { sent: 1, pending: 0, sending: 0, failed: 0, bounced: 0, skipped: 0 },
      },
      schedule: { cron: "0 9 * * MON", timezone: "Europe/Berlin" },
    });
    expect(list.schedule.nextRunAt).toMatch(/^\d{4}-\d\d-\d\dT0[78]:00:00\.000Z$/);
    expect(list.schedule.nextRunLocal).toMatch(/^\d{4}-\d\d-\d\d 09:00 GMT\+[12]$/);
    expect(json.feeds.map((feed: { name: string }) => feed.name).sort()).toEqual([
      "northwind-engineering",
      "quarry-data",
    ]);
    expect(json.feeds[0]).not.toHaveProperty("lease_owner");
    expect(json.feeds[0]).not.toHaveProperty("item_fingerprints");
  });

  it("lists --json: subscriber counts for every status, and the schedule", async () => {
    const json = JSON.parse((await cli(["lists", "--json"])).stdout);
    expect(json).toMatchObject({
      version: 1,
      lists: [
        {
          id: "weekly",
          name: "Weekly",
          mode: "auto",
          subscribers: { active: 1, pending: 0, unsubscribed: 0, bounced: 0, complained: 0 },
          feeds: "all",
          lastIssue: { number: 1, status: "sent" },
        },
      ],
    });
  });

  it("deliveries --json: the issue, counts and failures", async () => {
    const json = JSON.parse((await cli(["deliveries", "--json"])).stdout);
    expect(json).toMatchObject({
      version: 1,
      list: "weekly",
      issue: { number: 1, status: "sent", pausedAt: null },
      counts: { sent: 1, failed: 0 },
      failures: [],
    });
  });

  it("prints an issue's times as UTC ISO 8601, in its JSON and its text, the same instant", async () => {
    const ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;
    const { lastIssue } = JSON.parse((await cli(["status", "--json"])).stdout).lists[0];
    expect(lastIssue.createdAt).toMatch(ISO);
    expect(lastIssue.sentAt).toMatch(ISO);
    expect(lastIssue.pausedAt).toBeNull();
    expect((await cli(["lists"])).stdout).toContain(
      `last issue: #1 (sent, ${lastIssue.createdAt})`,
    );
    expect((await cli(["issue", "show", "1"])).stdout).toContain(
      `Issue #1 of weekly: sent · auto · composed ${lastIssue.createdAt}\n`,
    );
  });

  it("shows the next run in the list's time zone, with UTC beside it", async () => {
    const lists = await cli(["lists"]);
    expect(lists.stdout).toMatch(
      /schedule: 0 9 \* \* MON, next \d{4}-\d\d-\d\d 09:00 GMT\+[12] \(Europe\/Berlin, \d{4}-\d\d-\d\d 0[78]:00 UTC\)/,
    );
    const status = await cli(["status"]);
    expect(status.stdout).toMatch(
      /next run \d{4}-\d\d-\d\d 09:00 GMT\+[12] \(Europe\/Berlin, \d{4}-\d\d-\d\d 0[78]:00 UTC\) · 0 9 \* \* MON/,
    );
  });
});
