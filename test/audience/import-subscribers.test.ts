import { once } from "node:events";
import { createWriteStream, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import v8 from "node:v8";
import vm from "node:vm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { importSubscribers } from "../../src/audience/import-subscribers.js";
import { syncSubscribers } from "../../src/audience/sync-subscribers.js";
import { openStore, type Store } from "../../src/store/index.js";

const NOW = new Date("2026-05-01T10:00:00Z");

describe("importSubscribers", () => {
  let dir: string;
  let store: Store;
  let listIds: Map<string, number>;
  const write = (name: string, text: string) => {
    const file = path.join(dir, name);
    writeFileSync(file, text);
    return file;
  };
  const options = (extra = {}) => ({
    listIds,
    defaultLists: ["weekly"],
    source: "import",
    now: NOW,
    ...extra,
  });
  const members = async () =>
    (await store.subscribers.members()).map(
      (m) => `${m.email} ${m.name ?? "-"} ${m.list_slug} ${m.status}`,
    );

  /** bo@example.com, who left the weekly list. */
  const addUnsubscribedBo = async () => {
    const bo = await store.subscribers.upsert("bo@example.com", "Bo", NOW);
    await store.subscribers.join(listIds.get("weekly") as number, bo.id, {
      status: "unsubscribed",
      source: "x",
      now: NOW,
    });
  };

  beforeEach(async () => {
    dir = mkdtempSync(path.join(tmpdir(), "gazette-import-"));
    store = await openStore(dir);
    listIds = await store.subscribers.syncLists(
      [
        { id: "weekly", name: "Weekly" },
        { id: "ai", name: "AI" },
      ],
      NOW,
    );
  });
  afterEach(() => store.close());

  it.each([
    ["a header row in any case and order", "Name,E-Mail\nAnn,ann@example.com\n"],
    ["an 'email address' header", "email address\nann@example.com\n"],
    ["no header: the first cell is an address", "ann@example.com,Ann\n"],
  ])("detects %s", async (_name, text) => {
    const report = await importSubscribers(store.subscribers, write("a.csv", text), options());
    expect(report).toMatchObject({ rows: 1, added: 1, invalid: 0 });
    expect((await members())[0]).toMatch(/^ann@example\.com (Ann|-) weekly active$/);
  });

  it("reads a Mailchimp export's names, and names every column it ignores", async () => {
    const file = write(
      "mailchimp.csv",
      '"Email Address","First Name","Last Name",MEMBER_RATING,OPTIN_TIME,TAGS\n' +
        'ann@example.com,Ann,Lovelace,2,2026-01-01,"a,b"\n' +
        "bo@example.com,,Byron,1,2026-01-02,\n" +
        "cy@example.com,Cy,,1,2026-01-03,\n",
    );
    const report = await importSubscribers(store.subscribers, file, options());
    expect(report.added).toBe(3);
    expect(await members()).toEqual([
      "ann@example.com Ann Lovelace weekly active",
      "bo@example.com Byron weekly active",
      "cy@example.com Cy weekly active",
    ]);
    expect(report.warnings).toEqual([
      {
        line: 1,
        message:
          'columns "MEMBER_RATING", "OPTIN_TIME", "TAGS" ignored (Gazette reads email, name or first and last name, lists, status)',
      },
    ]);
  });

  it("needs no default list when every row names its lists, and names a row that has none", async () => {
    const file = write(
      "lists.csv",
      "email,lists\nann@example.com,weekly\nbo@example.com,ai;weekly\n",
    );
    const report = await importSubscribers(store.subscribers, file, options({ defaultLists: [] }));
    expect(report.added).toBe(2);
    const bad = write("nolist.csv", "email,lists\ncy@example.com,ai\ndee@example.com,\n");
    await expect(
      importSubscribers(
        store.subscribers,
        bad,
        options({ defaultLists: [], noListHint: " or pass --list" }),
      ),
    ).rejects.toThrow(/nolist\.csv:3: no list: give the row a lists cell or pass --list/);
  });

  it("refuses a file without an email column", async () => {
    await expect(
      importSubscribers(store.subscribers, write("a.csv", "name,phone\nAnn,123\n"), options()),
    ).rejects.toThrow(/a\.csv:1: no "email" column/);
  });

  it("normalizes, merges duplicates, and keeps the status of existing memberships", async () => {
    await addUnsubscribedBo();
    const file = write(
      "a.csv",
      "email,name,lists,status\n  Ann@Example.COM ,Ann,weekly,\nAnn@example.com,,ai,\nbo@example.com,Bo,weekly,active\ncy@example.com,Cy,ai,unsubscribed\n",
    );
    const report = await importSubscribers(store.subscribers, file, options());
    expect(report).toMatchObject({ rows: 4, added: 2, updated: 0, unchanged: 1, invalid: 0 });
    expect(await members()).toEqual([
      "Ann@example.com Ann ai active",
      "cy@example.com Cy ai unsubscribed",
      "Ann@example.com Ann weekly active",
      "bo@example.com Bo weekly unsubscribed",
    ]);
  });

  it("takes an address in another case for the same subscriber, first spelling kept", async () => {
    await addUnsubscribedBo();
    const file = write(
      "a.csv",
      "email,lists\nBO@EXAMPLE.COM,weekly\nCy@example.com,ai\nCY@example.com,weekly\n",
    );
    const report = await importSubscribers(store.subscribers, file, options());
    expect(report).toMatchObject({ rows: 3, added: 1, unchanged: 1 });
    expect(await members()).toEqual([
      "Cy@example.com - ai active",
      "Cy@example.com - weekly active",
      "bo@example.com Bo weekly unsubscribed",
    ]);
  });

  it("refuses addresses that display as others, naming the line and the character", async () => {
    const file = write(
      "a.csv",
      "email\nok@example.com\nus\u200ber@example.com\n\uff55ser@example.com\nuser\u202e@example.com\n",
    );
    const report = await importSubscribers(store.subscribers, file, options({ skipInvalid: true }));
    expect(report).toMatchObject({ rows: 4, added: 1, invalid: 3 });
    expect(report.problems.map((p) => [p.line, p.message])).toEqual([
      [3, expect.stringMatching(/invisible character U\+200B/)],
      [4, expect.stringMatching(/fullwidth character U\+FF55/)],
      [5, expect.stringMatching(/bidirectional control U\+202E/)],
    ]);
    expect(await members()).toEqual(["ok@example.com - weekly active"]);
  });

  it("keeps a name to one line of text: control characters gone, line breaks as spaces", async () => {
    // A name is printed by `subscribers list` and put in every email to its subscriber: an ESC
    // would reach the operator's terminal, a line break would start a new line of the greeting.
    const file = write(
      "a.csv",
      'email,name\nann@example.com,"Ann\r\nBcc: x@example.com"\nbo@example.com,"\u001b]0;pwned\u0007Bo \u001b[2JBa"\n',
    );
    await importSubscribers(store.subscribers, file, options());
    expect(await members()).toEqual([
      "ann@example.com Ann Bcc: x@example.com weekly active",
      "bo@example.com ]0;pwnedBo [2JBa weekly active",
    ]);
  });

  it("refuses a name past 200 characters, and a row past 64 KiB without reading it whole", async () => {
    const long = write(
      "long.csv",
      `email,name\nok@example.com,Ok\nann@example.com,${"N".repeat(201)}\n`,
    );
    const report = await importSubscribers(store.subscribers, long, options({ skipInvalid: true }));
    expect(report).toMatchObject({ rows: 2, added: 1, invalid: 1 });
    expect(report.problems).toEqual([
      { line: 3, message: "the name is longer than 200 characters" },
    ]);
    const huge = write("huge.csv", `email,name\nann@example.com,"${"N".repeat(1024 * 1024)}"\n`);
    await expect(importSubscribers(store.subscribers, huge, options())).rejects.toThrow(
      /huge\.csv:2: a row of more than 65536 characters \(no CSV that Gazette reads has one\)/,
    );
  });

  // Excel's plain "CSV" is Windows-1252: "José" came in as "Jos\uFFFD", and an address with
  // such a byte was stored with the U+FFFD in it.
  it("refuses a file that is not UTF-8, naming its first such line, and imports nothing", async () => {
    const file = path.join(dir, "latin1.csv");
    writeFileSync(
      file,
      Buffer.concat([
        Buffer.from("email,name\nann@example.com,Ann\njose@example.com,Jos"),
        Buffer.from([0xe9]),
        Buffer.from(" Mu"),
        Buffer.from([0xf1]),
        Buffer.from("oz\n"),
      ]),
    );
    await expect(
      importSubscribers(store.subscribers, file, options({ skipInvalid: true })),
    ).rejects.toThrow(
      /latin1\.csv:3: not UTF-8 text \(a byte no UTF-8 character has, or U\+FFFD\); save the file as UTF-8 \("CSV UTF-8" in Excel\) and import it again/,
    );
    expect(await members()).toEqual([]);
    // The same names in UTF-8 come in as written.
    const utf8 = write("utf8.csv", "email,name\njose@example.com,José Muñoz\n");
    await importSubscribers(store.subscribers, utf8, options());
    expect(await members()).toEqual(["jose@example.com José Muñoz weekly active"]);
  });

  it("imports nothing when a row is bad, naming every bad line", async () => {
    const file = write(
      "a.csv",
      'email,lists,status\nok@example.com,,\n"""a@b""@example.com",,\nnot-an-address,,\nx@example.com,nope,\ny@example.com,,gone\n',
    );
    await expect(importSubscribers(store.subscribers, file, options())).rejects.toThrow(
      /nothing imported: 4 bad rows[\s\S]*a\.csv:3: ""a@b"@example\.com" is not a valid email address[\s\S]*a\.csv:4: "not-an-address"[\s\S]*a\.csv:5: unknown list "nope"[\s\S]*a\.csv:6: status "gone"/,
    );
    expect(await members()).toEqual([]);
  });

  it("imports the good rows with skipInvalid, and writes nothing on a dry run", async () => {
    const file = write("a.csv", "email\nok@example.com\nbad\nfine@example.com\n");
    const dry = await importSubscribers(
      store.subscribers,
      file,
      options({ skipInvalid: true, dryRun: true }),
    );
    expect(dry).toMatchObject({ rows: 3, added: 2, invalid: 1, problems: [{ line: 3 }] });
    expect(await members()).toEqual([]);
    const real = await importSubscribers(store.subscribers, file, options({ skipInvalid: true }));
    expect(real).toMatchObject({ added: 2, invalid: 1 });
    expect(await members()).toHaveLength(2);
  });

  it("streams: 100,000 rows import with a flat heap", { timeout: 180_000 }, async () => {
    v8.setFlagsFromString("--expose-gc");
    const gc = vm.runInNewContext("gc") as () => void;
    const file = path.join(dir, "big.csv");
    const out = createWriteStream(file);
    out.write("email,name\n");
    for (let i = 0; i < 100_000; i++)
      if (!out.write(`reader${i}@example.com,Reader number ${i}\n`)) await once(out, "drain");
    out.end();
    await once(out, "finish");
    gc();
    const baseline = process.memoryUsage().heapUsed;
    let peak = baseline;
    let seen = 0;
    const report = await importSubscribers(store.subscribers, file, {
      ...options(),
      onRow: () => {
        if (++seen % 20_000 === 0) {
          gc();
          peak = Math.max(peak, process.memoryUsage().heapUsed);
        }
      },
    });
    expect(report.added).toBe(100_000);
    // Holding the rows would retain ~25 MiB; streaming keeps well under 10.
    expect((peak - baseline) / 2 ** 20).toBeLessThan(10);
  });
});

describe("syncSubscribers (the subscribers file)", () => {
  it("never removes silently: stale memberships are reported, pruned only when asked", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "gazette-sync-"));
    const store = await openStore(dir);
    const listIds = await store.subscribers.syncLists([{ id: "weekly", name: "Weekly" }], NOW);
    const file = path.join(dir, "subscribers.csv");
    const sync = (prune?: boolean) =>
      syncSubscribers(store, file, { listIds, defaultLists: ["weekly"], now: NOW, prune });
    writeFileSync(file, "email,name\na@example.com,A\nb@example.com,B\n");
    expect(await sync()).toMatchObject({ added: 2, problems: [] });
    const signup = await store.subscribers.upsert("s@example.com", undefined, NOW);
    await store.subscribers.join(listIds.get("weekly") as number, signup.id, {
      status: "active",
      source: "signup",
      now: NOW,
    });

    // The file may spell a known address in another case: it is still the same subscriber.
    writeFileSync(file, "email,name\nA@Example.com,Ann\n");
    const kept = await sync();
    expect(kept).toMatchObject({
      updated: 1,
      problems: [expect.stringMatching(/1 membership is no longer in .*--prune-subscribers/)],
    });
    expect((await store.subscribers.members()).map((m) => m.email)).toEqual([
      "a@example.com",
      "b@example.com",
      "s@example.com",
    ]);

    expect(await sync(true)).toMatchObject({ removed: 1 });
    expect((await store.subscribers.members()).map((m) => m.email)).toEqual([
      "a@example.com",
      "s@example.com",
    ]);

    // An emptied file (or one whose every row is bad) prunes nobody: that is a mistake.
    for (const text of ["email,name\n", "email,name\nnot-an-address,X\n"]) {
      writeFileSync(file, text);
      const refused = await sync(true);
      expect(refused.removed).toBeUndefined();
      expect(refused.problems.at(-1)).toMatch(/lists no subscriber: nothing pruned/);
      expect((await store.subscribers.members()).map((m) => m.email)).toEqual([
        "a@example.com",
        "s@example.com",
      ]);
    }
    await store.close();
  });
});
