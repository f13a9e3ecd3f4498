import { describe, expect, it } from "vitest";
import {
  dropDanglingAlso,
  dropHedge,
  dropPuffery,
  dropRelativeDate,
  dropSummingUp,
  dropVerdict,
  lowerTermsOfArt,
} from "../../src/enrich/extractive/tidy-wording.js";

// The reference digest says what a thing is and does; the publisher's praise of it is dropped.
describe("dropPuffery", () => {
  it.each([
    [
      "AWS rolled out a powerful new feature for Amazon S3.",
      "AWS rolled out a new feature for Amazon S3.",
    ],
    [
      "With the help of super awesome ruby hacker Mike Dalessio, he wrote Nokogiri.",
      "With the help of ruby hacker Mike Dalessio, he wrote Nokogiri.",
    ],
    // The article follows the word that is left.
    ["It ships an amazing user interface.", "It ships a user interface."],
    ["An awesome tool for logs.", "A tool for logs."],
    ["It is a great hour-long talk.", "It is an hour-long talk."],
    [
      "Some new tools provide a nice end-user interface to CloudFront.",
      "Some new tools provide an end-user interface to CloudFront.",
    ],
    // Predicative, idiomatic or a name: kept.
    ["The results were great for us.", "The results were great for us."],
    ["It took a great deal of work.", "It took a great deal of work."],
    ["Great Lakes shipping moved to the cloud.", "Great Lakes shipping moved to the cloud."],
    ["The new API is powerful and fast.", "The new API is powerful and fast."],
    ["It moved to a more powerful instance type.", "It moved to a more powerful instance type."],
    ["It is the most powerful instance type.", "It is the most powerful instance type."],
  ])("%s → %s", (text, expected) => {
    expect(dropPuffery(text)).toBe(expected);
  });
});

// AWS writes "by Crowdsourcing mechanical tasks": a term of art, not a name.
// A day counted from the post's date is wrong in an email read days later (Hugo v0.95.0: "…upgrades
// to Go 1.18 which was released yesterday.").
describe("dropRelativeDate", () => {
  it.each([
    [
      "Pagewright 2.1 moves to Node 22, which was released yesterday.",
      "Pagewright 2.1 moves to Node 22.",
    ],
    [
      "The site now builds with Go 1.22 that was tagged earlier this week, and runs faster.",
      "The site now builds with Go 1.22, and runs faster.",
    ],
    [
      "Since RC2 arrived last week, testers have found and fixed two bugs.",
      "Since RC2, testers have found and fixed two bugs.",
    ],
    [
      "Since Pagewright 2.1 was released a few days ago, plugin authors have filed 12 issues.",
      "Since Pagewright 2.1, plugin authors have filed 12 issues.",
    ],
    // A date that stays true is kept, and so is what happened yesterday itself.
    [
      "Pagewright 2.1 moves to Node 22, which was released in April 2024.",
      "Pagewright 2.1 moves to Node 22, which was released in April 2024.",
    ],
    ["The outage that started yesterday is over.", "The outage that started yesterday is over."],
  ])("%s", (text, expected) => {
    expect(dropRelativeDate(text)).toBe(expected);
  });
});

describe("lowerTermsOfArt", () => {
  it.each([
    [
      "By Crowdsourcing mechanical tasks such as annotation, students are free.",
      "By crowdsourcing mechanical tasks such as annotation, students are free.",
    ],
    [
      "Scientists use Crowdsourcing to process results.",
      "Scientists use crowdsourcing to process results.",
    ],
    // A name next to another capital, and a place after "in", keep their capitals.
    ["It grew by Cloud Computing alone.", "It grew by Cloud Computing alone."],
    ["The team in Beijing and Berlin moved.", "The team in Beijing and Berlin moved."],
  ])("%s → %s", (text, expected) => {
    expect(lowerTermsOfArt(text)).toBe(expected);
  });
});

// Netflix Drive's why ended "…and is one of the benefits of using Netflix Drive in Studio
// workflows": a verdict that the thing is good, after what it does.
describe("dropVerdict", () => {
  it.each([
    [
      "The namespace design allows a workflow to access only a small subset of the assets and is one of the benefits of using the drive.",
      "The namespace design allows a workflow to access only a small subset of the assets.",
    ],
    [
      "Caching the manifests saves a minute per build, which is one of the main advantages of the new runner.",
      "Caching the manifests saves a minute per build.",
    ],
    // Nothing left to say without it: kept.
    ["It is one of the benefits of the drive.", "It is one of the benefits of the drive."],
    ["Speed is one of the benefits.", "Speed is one of the benefits."],
  ])("%s → %s", (text, expected) => {
    expect(dropVerdict(text)).toBe(expected);
  });
});

// Feed text is data of any size: each dropped word looked back over everything kept before it.
it("drops praise from a long text in linear time", () => {
  const text = `${"the great ".repeat(100_000)}tool`;
  const started = performance.now();
  expect(dropPuffery(text)).toBe(`${"the ".repeat(100_000)}tool`);
  expect(performance.now() - started).toBeLessThan(2_000);
});

// "also" adds to what the article said before, which the email does not show.
describe("dropDanglingAlso", () => {
  it.each([
    [
      "Aaron Patterson has also added criteria based searching to links and frames.",
      "Aaron Patterson has added criteria based searching to links and frames.",
    ],
    [
      "In v0.100.0 Hugo also added Markdown as a built-in output format, defined as plain text.",
      "In v0.100.0 Hugo added Markdown as a built-in output format, defined as plain text.",
    ],
    [
      "WordPress 5.9 also brings more refinements to the developer experience.",
      "WordPress 5.9 brings more refinements to the developer experience.",
    ],
    // Within the sentence, "also" adds to what the sentence said first.
    [
      "Hugo v0.98.0 is mostly dependency upgrades, but it has also added a hash function.",
      "Hugo v0.98.0 is mostly dependency upgrades, but it has also added a hash function.",
    ],
    [
      "The cache not only cut latency but also halved the bill.",
      "The cache not only cut latency but also halved the bill.",
    ],
    [
      "The operators now short-circuit, also in line with other languages.",
      "The operators now short-circuit, also in line with other languages.",
    ],
    [
      "The queue drains faster and also uses less memory.",
      "The queue drains faster and also uses less memory.",
    ],
    // It names.
    [
      "Timed Text Authoring Lineage, also known as TTAL, carries the scripts.",
      "Timed Text Authoring Lineage, also known as TTAL, carries the scripts.",
    ],
    ["The format is also known as TTAL.", "The format is also known as TTAL."],
    // "Also" opening a sentence is the connective's business (standAlone).
    ["Also available is a new command.", "Also available is a new command."],
  ])("%s → %s", (text, expected) => {
    expect(dropDanglingAlso(text)).toBe(expected);
  });
});

// An aside that hedges tells the reader nothing.
describe("dropHedge", () => {
  it.each([
    [
      "Since Nokogiri leverages libxml2, consumers get (among other things) fast parsing and XPath support.",
      "Since Nokogiri leverages libxml2, consumers get fast parsing and XPath support.",
    ],
    [
      "To be found with dlopen (or whatever it is that windows uses), they must be in the PATH.",
      "To be found with dlopen, they must be in the PATH.",
    ],
    // An aside that says something stays.
    [
      "Payment is by the month or by access (or some combination).",
      "Payment is by the month or by access (or some combination).",
    ],
    [
      "Netflix developed Timed Text Authoring Lineage (TTAL).",
      "Netflix developed Timed Text Authoring Lineage (TTAL).",
    ],
  ])("%s → %s", (text, expected) => {
    expect(dropHedge(text)).toBe(expected);
  });
});

// A summing-up marks a lesson while the why is chosen; in the email it is filler.
describe("dropSummingUp", () => {
  it.each([
    [
      "In a nutshell, TTAL has been designed to simplify script authoring.",
      "TTAL has been designed to simplify script authoring.",
    ],
    [
      "In conclusion, the cache paid for itself within a month.",
      "The cache paid for itself within a month.",
    ],
    ["Simply put, eBPF made the sidecar cheap.", "eBPF made the sidecar cheap."],
    // Not at the start, or with no comma: a phrase of the sentence.
    [
      "The conclusion is, in a nutshell, that caches pay.",
      "The conclusion is, in a nutshell, that caches pay.",
    ],
  ])("%s → %s", (text, expected) => {
    expect(dropSummingUp(text)).toBe(expected);
  });
});
