import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { type DefectKind, findDefects } from "../../../scripts/audit/find-defects.js";
import { ROOT } from "../../helpers/cli.js";

// An English article the sentences could have come from: the detectors that know only English
// run on English articles, and a sentence's neighbours decide whether a connective dangles.
const ARTICLE =
  "The team moved its queue to PostgreSQL. The cache hit rate sat at 22%. However, fixing non-determinism raised it to 87%. The rest of this article is about how that happened and what it cost.";

function kindsIn(summary: string, why = ""): DefectKind[] {
  return findDefects({ summary, why, articleText: ARTICLE }).map((defect) => defect.kind);
}

describe("findDefects on the issue's examples", () => {
  it.each<[string, string, DefectKind[]]>([
    // No finite verb: a headline's note (tenderlove's Nokogiri Slop post).
    [
      "summary",
      'Conditional functionality added to methods with no weird "alias method chain" involvement.',
      ["verbless"],
    ],
    // Dangling starts (issue 15, "About 1 entry in 4…").
    [
      "summary",
      "But, the result is the same; it will use up at least 400MB of RAM.",
      ["dangling-start"],
    ],
    ["summary", "He's now ready to hire a software architect and designer.", ["dangling-start"]],
    ["summary", "This means the underlying scanner is rebuilt on every call.", ["dangling-start"]],
    [
      "why",
      "After that, I joined MySpace back at its peak as a data engineer.",
      ["dangling-start", "first-person", "why-background"],
    ],
    [
      "summary",
      "Second, our in-memory cache was small (32 MB).",
      ["dangling-start", "first-person"],
    ],
    [
      "summary",
      "Images make up 70% of the bytes. Second, the disk cache was cleared on every update.",
      ["dangling-start"],
    ],
    [
      "why",
      "Median bytes fell from 18.4 MB to 11.9 MB, the 35% reduction mentioned above.",
      ["dangling-start"],
    ],
    // "Why it matters" that is no reason.
    [
      "why",
      "Our monthly data warehouse bill had doubled in a year, reaching about $96,000 in September.",
      ["why-background"],
    ],
    [
      "why",
      "Here is what went well, what broke, and why snapshot expiry deserves more attention […]",
      ["dangling-start", "cut-off", "why-background"],
    ],
    [
      "why",
      "In October we needed to rename customer_ref to account_id across 23 services.",
      ["why-background"],
    ],
    ["why", "In this post we'll look at how the build got faster.", ["why-background"]],
    ["why", "Join the #core channel and follow the Core Team blog.", ["why-background"]],
    // Whys main gave on the real feeds: advice to the reader and a definition.
    [
      "why",
      "You never know, some circumstances may arise for which those skills may become more useful than you imagined.",
      ["why-background"],
    ],
    ["why", "Doctoral candidates everywhere should take note.", ["why-background"]],
    [
      "why",
      "“Release Candidate” means the new version of the software is ready for release.",
      ["why-background"],
    ],
    ["why", '{{ $colors := slice "orange" "blue" "green" }}', ["markup", "cut-off", "code"]],
    // Captions, footnotes and citations.
    ["summary", "*Figure 5: 100% System CPU utilization on the broker hosts.*", ["caption"]],
    ["summary", "Table 2: Recall at 10 for each index type.", ["caption"]],
    ["summary", "The model combines both signals (DCAT cross-attention).².", ["footnote"]],
    [
      "summary",
      "DCN V2: Improved Deep & Cross Network and Practical Lessons for Web-scale Learning to Rank Systems.",
      ["footnote"],
    ],
    ["summary", "Ranking improved as shown by Wang et al. in the original paper.", ["footnote"]],
    // First person, markup, cut-off, questions, fragments, code.
    ["summary", "I love Europe, and I want to see more of it.", ["first-person"]],
    ["summary", "We replaced nightly dumps with change data capture.", ["first-person"]],
    ["summary", "Your help testing this beta is vital.", ["second-person"]],
    ["summary", "Netflix moved **all** traffic to the new edge.", ["markup"]],
    ["summary", "Caching &amp; queues were rebuilt from scratch.", ["markup"]],
    ["summary", "Read the [migration guide](https://example.com) before upgrading.", ["markup"]],
    ["summary", "Netflix moved its data pipelines to a new scheduler…", ["cut-off"]],
    ["summary", "Netflix moved its data pipelines to a new scheduler", ["cut-off"]],
    ["summary", "What happens when a cache goes cold?", ["question"]],
    ["summary", "18:12: Lag is back under 1,000 messages.", ["fragment"]],
    ["summary", "- generated files now use a fixed timestamp.", ["fragment"]],
    ["summary", "By Lena Okafor, Developer Productivity.", ["fragment"]],
    ["summary", "Option 1: Install and activate the Beta Tester plugin.", ["fragment"]],
    ["summary", "The server now runs hugo server --renderStaticToDisk by default.", ["code"]],
    ["summary", "The loader calls loadAsset(path, size) before each download.", ["code"]],
    // Code-like tokens in prose (the "Tell, Don't Ask" why, the Slop post).
    ["why", "The lobby cares about how to construct a %Game.Player{}.", ["code"]],
    ["summary", "The feature decorates the document with method_missing() calls.", ["code"]],
    ["summary", "Nokogiri::Slop decorates every node of the document tree.", ["code"]],
    // "So far" counts up to now; it leans on no sentence before it.
    ["why", "So far, contributors have fixed 326 tickets and 108 new features.", []],
    // What follows from a change is no definition (Hugo v0.97.0's why).
    ["why", "The new sorting code means that names with accents get ordered as expected.", []],
  ])("%s: %j", (field, text, expected) => {
    const found =
      field === "summary"
        ? kindsIn(text, "")
        : kindsIn("Acme moved its queue to PostgreSQL.", text);
    expect(found.sort()).toEqual([...expected].sort());
  });

  it("reports a later connective whose sentence did not follow the previous one in the article", () => {
    const summary =
      "The team moved its queue to PostgreSQL. However, fixing non-determinism raised it to 87%.";
    expect(kindsIn(summary)).toEqual(["dangling-start"]);
  });

  it("reports an empty summary only when the article has text", () => {
    expect(kindsIn("", "")).toEqual(["empty-summary"]);
    expect(findDefects({ summary: "", why: "", articleText: "  " })).toEqual([]);
  });

  it("reports a why that says the summary again", () => {
    const summary = "Tidewater cut CI times in half with a remote build cache.";
    expect(kindsIn(summary, "Tidewater cut CI times in half with a remote cache.")).toEqual([
      "why-repeats",
    ]);
  });
});

describe("findDefects leaves alone", () => {
  it.each<[string, string]>([
    [
      "Pinterest optimized ML serving network efficiency by implementing Feature Trimmer to reduce bandwidth bottleneck.",
      "Median CI time fell from 31 to 14 minutes; the lesson is that cache hits depend on reproducible builds.",
    ],
    ["This release adds language-aware sorting and localized date grouping to Hugo.", ""],
    // A method named in prose, as an editor writes it, is no code.
    [
      "Aaron Patterson explains Nokogiri's Slop feature, built on method_missing.",
      "The implementation shows how Module#extend adds stackable decorators to single objects.",
    ],
    [
      "Quarry Data replaced nightly dumps with change data capture, cutting freshness from 24 hours to 2 minutes.",
      "",
    ],
    ["By the summer, Quarry Data's dbt project took 3.5 hours to run.", ""],
    [
      "Pinterest describes Part I of its network efficiency work: trimming features before serving.",
      "",
    ],
    [
      'Micro Focus CTO Mark Haynie says "I think cloud computing is about services, not languages."',
      "",
    ],
    ["The cache hit rate sat at 22%. However, fixing non-determinism raised it to 87%.", ""],
    [
      "Netflix built Flow Exporter, an eBPF sidecar that now lets network teams see every TCP flow.",
      "Network insight at much less than 1% CPU means flow logs can run on every instance.",
    ],
    ["Hugo adds the new --renderStaticToDisk flag, which serves static files from disk.", ""],
    ["Small jobs fill in the gaps and fragment the cluster.", ""],
    ["Latency dropped to 5 ms at p99 after the cache moved to the edge.", ""],
    ["Hugo v0.97.2 reverts the PostProcess regression fix for hugo server.", ""],
  ])("%j", (summary, why) => {
    expect(findDefects({ summary, why, articleText: ARTICLE })).toEqual([]);
  });

  it("a publisher whose name is spelled in lowercase", () => {
    const summary = "thoughtbot streamed large downloads straight to a file on iPhones.";
    expect(findDefects({ summary, why: "", articleText: ARTICLE, source: "thoughtbot" })).toEqual(
      [],
    );
    expect(kindsIn(summary)).toEqual(["fragment"]);
  });

  it("English-only rules on an article in another language", () => {
    const polish =
      "Koszty tranzycji medycznej w Polsce są wysokie i rzadko pokrywane przez państwo. Osoby trans płacą za wizyty u specjalistów, badania i leki same, często przez wiele lat.";
    const entry = {
      summary: "I tak osoby trans płacą same za wizyty i leki.",
      why: "",
      articleText: polish,
    };
    expect(findDefects(entry)).toEqual([]);
    expect(
      findDefects({ ...entry, summary: "Koszty tranzycji są wysokie i rzadko pokrywane…" }).map(
        (d) => d.kind,
      ),
    ).toEqual(["cut-off"]);
  });
});

// The register to reach (../shared/examples, read at run time): its summaries have no defect, and
// none of its "Why it matters" blurbs reads as background.
const EXAMPLES = path.join(ROOT, "../shared/examples");
describe.skipIf(!existsSync(EXAMPLES))("the reference digest", () => {
  const read = (name: string) => readFileSync(path.join(EXAMPLES, name), "utf8").split("\n");
  const articleText = ARTICLE;

  it("has summaries without defects", () => {
    const summaries = read("digest-listing.txt").filter((line) =>
      /^(?:Pinterest|This)\b.*\.$/.test(line),
    );
    expect(summaries.length).toBeGreaterThanOrEqual(15);
    const flagged = summaries.filter(
      (summary) => findDefects({ summary, why: "", articleText }).length > 0,
    );
    expect(flagged).toEqual([]);
  });

  it("has whys that are reasons", () => {
    const whys = [...read("why-it-matters-blurbs-1.txt"), ...read("why-it-matters-blurbs-2.txt")]
      .filter((line) => line.startsWith("Why it matters: "))
      .map((line) => line.slice("Why it matters: ".length).replace(/Menu$/, ""));
    expect(whys.length).toBeGreaterThanOrEqual(15);
    const kinds = whys.flatMap((why) =>
      findDefects({
        summary: "Pinterest built a new ranking system for ads.",
        why,
        articleText,
      }).map((defect) => defect.kind),
    );
    // Two open with "This architecture…"/"It demonstrates…", leaning on the summary above them.
    expect(kinds).toEqual(["dangling-start", "dangling-start"]);
  });
});
