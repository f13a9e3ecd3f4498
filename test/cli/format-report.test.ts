import { describe, expect, it } from "vitest";
import { formatCollect, formatEnrich, formatList } from "../../src/cli/format-report.js";
import { noSends } from "../../src/deliver/engine/send-report.js";
import type { CollectReport } from "../../src/ingest/collect-feeds.js";

describe("formatCollect", () => {
  it("lists a feed's first five problems and counts the rest", () => {
    const problems = Array.from({ length: 12 }, (_, i) => `page ${i}: full text not fetched`);
    const report: CollectReport = {
      feeds: [
        {
          url: "u",
          name: "Blog",
          status: "fetched",
          newArticles: 12,
          updatedArticles: 0,
          problems,
        },
        {
          url: "v",
          name: "Down",
          status: "failed",
          newArticles: 0,
          updatedArticles: 0,
          error: "HTTP 500",
          problems: [],
        },
      ],
      fetched: 1,
      unchanged: 0,
      deferred: 0,
      retired: 0,
      failed: 1,
      newArticles: 12,
      updatedArticles: 0,
    };
    expect(formatCollect(report)).toEqual([
      "Feeds: 1 fetched, 0 unchanged, 1 failed · 12 new articles",
      ...problems.slice(0, 5).map((problem) => `  ! Blog: ${problem}`),
      "  ! Blog: … and 7 more",
      "  ✗ Down: HTTP 500",
    ]);
  });
});

describe("formatList", () => {
  const send = noSends(true);
  const list = { list: "weekly", issueNumber: 3, articleCount: 9, send };

  it("tells a list without subscribers from an issue everyone has already", () => {
    expect(formatList({ ...list, recipients: 0 })[1]).toBe(
      "  Messages: none — the list has no active subscribers (gazette subscribers add, or subscribersFile)",
    );
    expect(formatList({ ...list, recipients: 4 })[1]).toBe(
      "  Messages: nothing new to send (every subscriber already has this issue)",
    );
    expect(formatList({ ...list, recipients: 4, send: { ...send, sent: 4 } })[1]).toBe(
      "  Messages: 4 sent",
    );
  });

  it("says so in a dry run too when the list has no subscribers", () => {
    expect(formatList({ ...list, recipients: 0, send: { ...send, built: 0 } })[1]).toBe(
      "  Messages: none — the list has no active subscribers (gazette subscribers add, or subscribersFile)",
    );
    expect(formatList({ ...list, recipients: 2, send: { ...send, built: 2 } })[1]).toBe(
      "  Messages: 2 messages built, none sent (dry run)",
    );
  });
});

describe("formatEnrich", () => {
  it("says how many articles had a title and no text", () => {
    const report = {
      enriched: 5,
      languages: { en: 5 },
      withoutText: 2,
      failed: [],
      fallbacks: [],
      ungrounded: [],
      rejected: [],
    };
    expect(formatEnrich(report)).toEqual([
      "Summaries: 5 written, 2 without text (title only, no summary)",
    ]);
    expect(formatEnrich({ ...report, withoutText: 0 })).toEqual(["Summaries: 5 written"]);
  });

  it("says which model fields were not used, and why", () => {
    const report = {
      enriched: 1,
      languages: { en: 1 },
      withoutText: 0,
      failed: [],
      fallbacks: [],
      ungrounded: [],
      rejected: [
        { articleId: 7, title: "Cold start", field: "why" as const, reason: "it is cut off" },
      ],
    };
    expect(formatEnrich(report)).toEqual([
      "Summaries: 1 written, 1 fields replaced",
      '  ! article 7 "Cold start": the model\'s why was not used (it is cut off); built-in why used',
    ]);
  });

  it("counts the articles per language once one is not in English", () => {
    const report = {
      enriched: 6,
      languages: { unknown: 1, pl: 2, en: 3 },
      withoutText: 0,
      failed: [],
      fallbacks: [],
      ungrounded: [],
      rejected: [],
    };
    expect(formatEnrich(report)).toEqual([
      "Summaries: 6 written",
      "  Languages: en 3, pl 2, unknown 1",
    ]);
  });
});

describe("counts and their nouns", () => {
  it("say 1 article, 1 new article, 1 message — and 2 articles", () => {
    const one = { list: "weekly", issueNumber: 1, articleCount: 1, send: noSends(true) };
    expect(formatList(one)[0]).toBe("List weekly: issue #1 with 1 article");
    expect(formatList({ ...one, articleCount: 2 })[0]).toBe(
      "List weekly: issue #1 with 2 articles",
    );
    const collect: CollectReport = {
      feeds: [],
      fetched: 1,
      unchanged: 0,
      deferred: 0,
      retired: 0,
      failed: 0,
      newArticles: 1,
      updatedArticles: 0,
    };
    expect(formatCollect(collect)).toEqual([
      "Feeds: 1 fetched, 0 unchanged, 0 failed · 1 new article",
    ]);
    expect(formatList({ ...one, send: { ...noSends(true), built: 1 } })[1]).toBe(
      "  Messages: 1 message built, none sent (dry run)",
    );
  });
});
