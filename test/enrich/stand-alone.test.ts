import { describe, expect, it } from "vitest";
import { standAlone } from "../../src/enrich/extractive/stand-alone.js";

// Issue 15, point 2: sentences that open by pointing back at text the reader cannot see.
describe("standAlone", () => {
  it.each([
    [
      "But, the queue drained within an hour in every region.",
      "The queue drained within an hour in every region.",
    ],
    [
      "However, the scheduler places pods by their requests.",
      "The scheduler places pods by their requests.",
    ],
    [
      "So we built a small service that proposes new requests.",
      "We built a small service that proposes new requests.",
    ],
    ["Second, our in-memory cache was small (32 MB).", "Our in-memory cache was small (32 MB)."],
    // An aside pointing elsewhere is left out; the sentence says all it needs without it.
    [
      "Lumen (mentioned yesterday) and Acme are co-sponsors of a roundtable on edge caching.",
      "Lumen and Acme are co-sponsors of a roundtable on edge caching.",
    ],
    [
      "The cache (see above) now warms itself before each deploy.",
      "The cache now warms itself before each deploy.",
    ],
    [
      "My favorite part is that method missing is actually in the slop decorator.",
      "Method missing is actually in the slop decorator.",
    ],
    [
      "On the other hand, the runbook said to scale up the consumers.",
      "The runbook said to scale up the consumers.",
    ],
    [
      "Since then we treat every backfill like a production deploy.",
      "We treat every backfill like a production deploy.",
    ],
    [
      "Unfortunately the decoder crashed on certain AVIF files.",
      "The decoder crashed on certain AVIF files.",
    ],
    // Filler that frames the sentence says nothing the rest does not.
    [
      "As the name implies, the Pattern Creator allows anyone to make custom patterns.",
      "The Pattern Creator allows anyone to make custom patterns.",
    ],
    [
      "Recently, Aaron Patterson has been refactoring Mechanize.",
      "Aaron Patterson has been refactoring Mechanize.",
    ],
    [
      "As you might expect, the cold start dominated the p99 latency.",
      "The cold start dominated the p99 latency.",
    ],
  ])("drops the connective: %s", (sentence, repaired) => {
    expect(standAlone(sentence)).toEqual({ text: repaired, isRepaired: true });
  });

  it.each([
    "This means the underlying scanner runs twice per request.",
    "He's now ready to hire a software architect and designer.",
    "They include a timezone change that shifted every event timestamp.",
    "It was a success, and nobody noticed the migration.",
    "When it is first created, it preallocates memory for a byte array.",
    "With this batch style approach, several issues have surfaced.",
    "Also available is a new command for listing every flag.",
    "Now that you have your cross compiled ruby, cross compile the extension.",
    "Eighteen months after launch it served 11 features.",
    "We ended up cutting it by 35% and making images appear faster.",
    "Upon graduation, they received an offer from Netflix.",
    "Some are for fancy ideas – feature flags and story format are not common to every team – and some are sacred cows, like TDD and refactoring.",
    "Most of them run on a single node behind the load balancer.",
    "How much faster will depend on your site, but we have benchmarks that show improvements.",
    // After a leading phrase, a pronoun subject is what the sentence before named.
    "For Juan Aldasoro, a developer and product manager, it provides an opportunity to combine his skills.",
    "In Seattle, they met the team behind the project.",
    // "All" without the noun it counts: all of what the sentence before said.
    "With all this in place, the nightly run takes 35 minutes.",
    // All of the three versions the sentence before named.
    "All come with new features, code quality improvements, and bug fixes.",
    // The focus of what the sentence before set out to look at.
    "The main focus is on the DownloadHandlerBuffer object.",
    "The trick here is to stream the bytes to disk.",
    // Such tools as the sentence before named.
    "With such tools in place, the team ships twice a week.",
    // Doing what: the sentence before says.
    "When doing that, we can reuse the same byte array and never have to allocate more space.",
    // An "it" with a referent, and the clause after a stance's dummy "it" that leans back.
    "It is fast enough for most sites.",
    "It's important to remember that they make little sense without problems.",
    // A frame that only points at a fact is no stance.
    "It is important to note that most came from a small number of shared components.",
  ])("needs the sentence before: %s", (sentence) => {
    expect(standAlone(sentence)).toBe("needs-previous");
  });

  it.each([
    "But, the result is the same; it will use up at least 400MB of RAM.",
    "Median bytes per user fell from 18.4 MB to 11.9 MB, the 35% reduction mentioned above.",
    "The two screenshots above show the same template error.",
    "One churn model had an offline AUC of 0.91 for exactly this reason.",
    "The blog post referenced above inspired another one about annotations.",
    "The Data object above is a map and currently contains StatusCode and Body.",
    "Beyond the noted changes, which include 580 enhancements, contributors have fixed 297 tickets.",
  ])("points elsewhere in the article: %s", (sentence) => {
    expect(standAlone(sentence)).toBe("unusable");
  });

  it.each([
    "Netflix has developed a network observability sidecar called Flow Exporter.",
    "This release comes with language-aware collation of text.",
    "This is a bug-fix release with a couple of important fixes.",
    "There are two new keywords, break and continue.",
    "In 2020, it was possible to run both versions side by side.",
    // "So far" is no connective to drop: "Far, contributors…" was the result.
    "So far, contributors have fixed 326 tickets and 108 new features.",
    "In this twenty-fifth episode of the Briefing, the director discusses the pledge.",
    "In this last episode of 2021, the host thanks those who make the project a success.",
    "This security and maintenance release features 1 bug fix in addition to 3 security fixes.",
    // What "it" is was introduced earlier in the sentence.
    "I stumbled across a ruby/cocoa example using Growl, fixed it up, and released a gem.",
    // "All" before a plural noun says what it counts (Ferrous's result, in "What we got").
    "With all sources migrated, the nightly run takes 35 minutes and each worker uses about 410 MB.",
    "All services come with a health check and a runbook.",
    // The focus named with what it is the focus of.
    "The main focus of the release is faster cold starts on ARM.",
    // "Such as" gives examples; it points at no sentence before.
    "By Crowdsourcing mechanical tasks such as annotation, students are free to focus on analysis.",
    // A stance's dummy "it" stands for the clause after it: the essay's claim, no pointer back.
    "It’s important to remember that solutions make little sense without problems, and to avoid applying solutions in a vacuum.",
    "It is always a good idea for teams to write the problem down before picking a tool.",
  ])("stands alone as it is: %s", (sentence) => {
    expect(standAlone(sentence)).toEqual({ text: sentence, isRepaired: false });
  });
});
