import { describe, expect, it } from "vitest";
import { summarizeRoundup } from "../../src/enrich/extractive/summarize-roundup.js";

const WORDPRESS = { name: "WordPress", isPersonal: false };
const TEXT = "The Training team published new lesson plans. Your feedback on testing is welcome.";

// A round-up's summary was one item's sentence ("The Core Team launched three new versions of
// Gutenberg last month."); what it covers is in its section headings.
describe("summarizeRoundup", () => {
  it("lists what the round-up covers, from its headings, said of the publisher", () => {
    const summary = summarizeRoundup(
      [
        "The Pattern Directory is open for public submissions",
        "Check out the Pattern Creator announcement to learn more",
        "Gutenberg releases: Versions 12.8 and 12.9 are here",
        "Follow #gutenberg-new to stay updated on the latest Gutenberg releases",
        "Team updates: Team Reps for the Photo Directory team, community proposals, and more",
        "Feedback/Testing requests: WebP feature, template for author pages",
        "WordCamp Europe 2022 wants volunteers, photographers and media partners",
        "Is WordPress made for me?",
      ],
      "The Month in WordPress – March 2022",
      WORDPRESS,
      TEXT,
      300,
    );
    expect(summary?.text).toBe(
      "WordPress's March 2022 round-up covers the Pattern Directory, Gutenberg releases, team updates, feedback/testing requests and WordCamp Europe 2022.",
    );
    expect(summary?.sources[0]).toBe("The Pattern Directory is open for public submissions");
  });

  it("lists fewer topics to stay within the limit", () => {
    const summary = summarizeRoundup(
      ["Alpha news", "Beta news", "Gamma news", "Delta news", "Epsilon news"],
      "This week in Rails",
      { name: "Rails", isPersonal: false },
      "",
      70,
    );
    expect(summary?.text).toBe("Rails's round-up covers Alpha news, Beta news and Gamma news.");
  });

  it.each([
    // Not a round-up by its title.
    [["Alpha news", "Beta news", "Gamma news"], "Moving Kafka to tiered storage"],
    [["Week one", "Week two", "Week three"], "My first month in Rust"],
    // Fewer than three topics: calls to action and questions name none.
    [["Alpha news", "Join the walkthrough", "Is it for me?", "Beta news"], "The Month in Rails"],
  ])("gives nothing for %j under %s", (headings, title) => {
    expect(summarizeRoundup(headings, title, WORDPRESS, "", 300)).toBeUndefined();
  });
});
