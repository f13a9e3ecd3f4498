import { describe, expect, it } from "vitest";
import { segmentDocument, segmentSentences } from "../../src/enrich/segment-sentences.js";

describe("segmentSentences", () => {
  it.each([
    [
      "plain sentences",
      "We shipped it. It worked! Did it scale?",
      ["We shipped it.", "It worked!", "Did it scale?"],
    ],
    [
      "Latin abbreviations",
      "Use a pooler, e.g. PgBouncer, for this. Other tools, i.e. proxies, also work.",
      ["Use a pooler, e.g. PgBouncer, for this.", "Other tools, i.e. proxies, also work."],
    ],
    [
      "vs.",
      "We compared Redis vs. Memcached. Redis won.",
      ["We compared Redis vs. Memcached.", "Redis won."],
    ],
    [
      "titles",
      "Dr. Smith reviewed the design. It passed.",
      ["Dr. Smith reviewed the design.", "It passed."],
    ],
    [
      "a unit that looks like a title",
      "Latency fell from 180 ms to 45 ms. CPU rose by 8%. Ms. Chen signed off.",
      ["Latency fell from 180 ms to 45 ms.", "CPU rose by 8%.", "Ms. Chen signed off."],
    ],
    [
      "Inc. inside a sentence",
      "Acme Inc. Platform Team owns it. We thank them.",
      ["Acme Inc. Platform Team owns it.", "We thank them."],
    ],
    [
      "Inc. ending a sentence",
      "We bought the tool from Acme Inc. The team loved it.",
      ["We bought the tool from Acme Inc.", "The team loved it."],
    ],
    [
      "dotted acronyms",
      "Most users are in the U.S. and Canada. The rest are in Europe.",
      ["Most users are in the U.S. and Canada.", "The rest are in Europe."],
    ],
    [
      "decimals and percentages",
      "Throughput rose 3.5x and availability hit 99.9%. Costs fell by 12.5 percent.",
      ["Throughput rose 3.5x and availability hit 99.9%.", "Costs fell by 12.5 percent."],
    ],
    [
      "version numbers",
      "We upgraded to PostgreSQL 16.2 and Node.js v20.11.1 last week. Nothing broke.",
      ["We upgraded to PostgreSQL 16.2 and Node.js v20.11.1 last week.", "Nothing broke."],
    ],
    [
      "a version at the end of a sentence",
      "The fix shipped in v2.1.0. Upgrade soon.",
      ["The fix shipped in v2.1.0.", "Upgrade soon."],
    ],
    [
      "code-ish tokens",
      "Calling client.close() twice throws. Use pool.end() instead.",
      ["Calling client.close() twice throws.", "Use pool.end() instead."],
    ],
    [
      "URLs",
      "The docs live at https://example.com/docs/v1.2/index.html. Read them first.",
      ["The docs live at https://example.com/docs/v1.2/index.html.", "Read them first."],
    ],
    [
      "ellipses",
      "We waited... and waited. Then it failed… Again.",
      ["We waited... and waited.", "Then it failed…", "Again."],
    ],
    [
      "quotes",
      'The log said "connection refused." We restarted it. "Why?" she asked.',
      ['The log said "connection refused."', "We restarted it.", '"Why?" she asked.'],
    ],
    [
      "identifiers that start in lowercase",
      "We rewrote the client. iOS users saw it first.",
      ["We rewrote the client.", "iOS users saw it first."],
    ],
    [
      "list items without punctuation",
      "We changed three things:\n- Alert on max lag\n- Add a canary\n* Benchmark in CI",
      ["We changed three things:", "Alert on max lag", "Add a canary", "Benchmark in CI"],
    ],
    [
      "numbered list items",
      "Steps:\n1. Drain the node.\n2. Upgrade it.",
      ["Steps:", "Drain the node.", "Upgrade it."],
    ],
    [
      "a heading line above prose",
      "Results\nLatency fell by half. Costs too.",
      ["Results", "Latency fell by half.", "Costs too."],
    ],
    [
      "hard-wrapped prose",
      "The consumer processed each partition sequentially, and a handful of partitions\ncarried most of the large payloads.",
      [
        "The consumer processed each partition sequentially, and a handful of partitions carried most of the large payloads.",
      ],
    ],
    [
      "a paragraph break without punctuation",
      "Why connection counts matter\n\nPostgres uses a process per connection",
      ["Why connection counts matter", "Postgres uses a process per connection"],
    ],
    ["empty text", "", []],
    ["only whitespace", " \n\n \n", []],
  ])("%s", (_name, text, expected) => {
    expect(segmentSentences(text)).toEqual(expected);
  });

  it("numbers paragraphs and marks list items", () => {
    const sentences = segmentDocument("Intro here.\n\n- first item\n- second item\n\nOutro. End.");
    expect(sentences.map(({ paragraph, isListItem }) => [paragraph, isListItem])).toEqual([
      [0, false],
      [1, true],
      [1, true],
      [2, false],
      [2, false],
    ]);
  });
});
