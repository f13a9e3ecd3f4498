import { describe, expect, it } from "vitest";
import { type BriefSignals, briefKindOf } from "../../src/compose/brief-kind.js";
import { rateSubstance, type SubstanceSignals } from "../../src/compose/rate-substance.js";

const post = (
  title: string,
  readMinutes: number | null,
  text = "A post of its own.",
): BriefSignals => ({
  title,
  text,
  readMinutes,
});

describe("briefKindOf", () => {
  it.each([
    [
      post(
        "Developers' Brown Bag",
        1,
        "You are invited to join the SimpleDB team on Tuesday, January 20, 2009 at 9am PST.",
      ),
      "event",
    ],
    [
      post(
        "Cloud Computing and Biomedical Research Roundtable in San Diego",
        1,
        "The roundtable will be held at 2 PM on January 14th. Register now.",
      ),
      "event",
    ],
    [
      post(
        "A quick note",
        1,
        "Join us on Thursday, March 3 at 5pm for drinks and talks at the office.",
      ),
      "event",
    ],
    [post("RubyConf Slides", 1, "Here are the slides from the presentation. Enjoy!"), "slides"],
    [post("My talk", 1, "Here is the video of my talk at RailsConf."), "slides"],
    [post("AWS Links - Wednesday, January 7, 2009", 3), "links"],
    [post("Friday Links", 2), "links"],
    [post("CloudFront Management Tool Roundup", 2), "links"],
    [post("The Month in WordPress – March 2022", 4), "links"],
    [post("This Week in Rust 512", 6), "links"],
    [
      post(
        "WP Briefing: Episode 27: Is WordPress Made for Me?",
        5,
        "Join our host as she explores this question in this episode of the podcast.",
      ),
      "podcast",
    ],
    [
      post("A conversation with our CTO", 7, "What we discussed.\n\nTranscript\n\n[00:00:00] Hi"),
      "podcast",
    ],
    [post("v0.99.1", 1, "Fix server regression for multihost sites."), "release"],
    [post("WordPress 5.9.3 Maintenance Release", 1), "release"],
    [
      post("WordPress 5.9 Beta 1", 4, "WordPress 5.9 Beta 1 is now available for testing!"),
      "release",
    ],
    [post("Kubernetes v1.27.0-rc.1", 3), "release"],
    [post("WordPress 5.9 RC3", 2), "release"],
    [post("Rails 7.1 released", 1), "release"],
    [post("Apple Seeds First Beta of macOS Monterey 12.4 to Developers", 1), "release"],
    [
      post(
        "AWS Job: Architect & Designer Position in Turkey",
        2,
        "An entrepreneur from Turkey is ready to hire a software architect.",
      ),
      "job",
    ],
    [post("We’re hiring: a senior site reliability engineer", 1), "job"],
    [post("Open positions on the platform team", 2), "job"],
    [
      post(
        "Please Vote: AWS and AWS-Powered Applications Are Crunchies Finalists",
        1,
        "AWS is a finalist in two categories of the Crunchies awards, Best Enterprise and Best Overall.",
      ),
      "call",
    ],
    [post("Vote for our talk at SXSW", 1), "call"],
    [post("Take our 2024 developer survey", 2), "call"],
  ])("%j is %s", (article, kind) => {
    expect(briefKindOf(article)).toBe(kind);
  });

  it.each([
    ["a deep post on links of another kind", post("Deep links in iOS: how we route them", 6)],
    ["a talk written up at length", post("Slides and notes from my talk on GC tuning", 9)],
    ["a long post on a version", post("What Ruby 3.2's YJIT did for us in production", 7)],
    ["a short post with a decimal", post("How we made rendering 2.5 times faster", 2)],
    ["a short tip on versions", post("Ubuntu 12.04 and Ruby 1.9.3", 1)],
    ["an article on a beta", post("Everything New in iOS 15.5 Beta 1: Apple Pay and More", 6)],
    ["a dated incident report", post("Incident report: January 14, 2023", 5)],
    [
      "a long post that ends with an invitation",
      post(
        "How we sharded our queue",
        6,
        "We split the queue by tenant. Join us on Tuesday, May 3 at 9am to hear more.",
      ),
    ],
    ["an episode of a blog series, not a podcast", post("Scaling Postgres, episode 2", 6)],
    ["a short post of its own", post("Nokogiri’s Slop Feature", 2)],
    ["a long post on how a team hires", post("How we're hiring engineers remotely", 8)],
    ["a short post on a product framework", post("Jobs to be done, in one page", 2)],
    ["a long post on how a vote was counted", post("Please vote: how we built our voting app", 7)],
    ["a short post on a survey's results", post("What our developer survey told us", 2)],
    ["slides of unknown length: maybe a write-up", post("RubyConf Slides", null)],
  ])("%s is no brief post", (_name, article) => {
    expect(briefKindOf(article)).toBeUndefined();
  });
});

describe("rateSubstance", () => {
  const entry = (overrides: Partial<SubstanceSignals> = {}): SubstanceSignals => ({
    title: "How we cut our build times",
    text: "We cut them.",
    readMinutes: 3,
    confidence: 0.7,
    method: "lead+outcome",
    hasWhy: true,
    ...overrides,
  });
  it.each([
    ["an outcome beats a launch", entry(), entry({ method: "lead+launch" })],
    [
      "a lesson beats the most central sentence",
      entry({ method: "central+lesson" }),
      entry({ method: "lead+context" }),
    ],
    ["any why beats none", entry({ method: "lead+context" }), entry({ hasWhy: false })],
    [
      "a model's why counts as a benefit",
      entry({ method: "model" }),
      entry({ method: "lead+context" }),
    ],
    ["three minutes beat one", entry(), entry({ readMinutes: 1 })],
    ["a surer summary wins", entry({ confidence: 0.8 }), entry()],
    [
      "an article beats a brief post of its feed",
      entry({ readMinutes: 1 }),
      entry({ title: "Friday Links" }),
    ],
  ])("%s", (_name, better, worse) => {
    expect(rateSubstance(better)).toBeGreaterThan(rateSubstance(worse));
  });

  it.each([
    ["a hair of confidence", entry({ confidence: 0.62 }), entry({ confidence: 0.6 })],
    ["length past five minutes", entry({ readMinutes: 30 }), entry({ readMinutes: 5 })],
    [
      "an editor's why over no named kind",
      entry({ method: "thesis+none" }),
      entry({ method: "model" }),
    ],
  ])("%s changes nothing", (_name, a, b) => {
    expect(rateSubstance(a)).toBe(rateSubstance(b));
  });

  it("stays within 0–1", () => {
    const most = entry({ confidence: 1, readMinutes: 60 });
    const least = entry({ confidence: 0, readMinutes: 0, hasWhy: false, title: "v1.0.1" });
    expect(rateSubstance(most)).toBe(1);
    expect(rateSubstance(least)).toBe(0);
  });
});
