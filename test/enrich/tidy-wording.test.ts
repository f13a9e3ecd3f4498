import { describe, expect, it } from "vitest";
import {
  dropPuffery,
  dropRelativeDate,
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
