import { describe, expect, it } from "vitest";
import { isSetup, scoreOutcome, statesLesson } from "../../src/enrich/extractive/score-outcome.js";

describe("scoreOutcome", () => {
  it.each([
    "Median cold start fell from 3.1 seconds to 1.3 seconds.",
    "The sidecar consumes less than 1% of CPU and memory on any instance in the fleet.",
    "Each check runs in as little as 40 ms on the largest tables.",
    "That alone saved about 15% on cold start.",
  ])("an outcome: %s", (sentence) => {
    expect(scoreOutcome(sentence)).toBeGreaterThan(0);
  });

  it.each([
    "The job alerts when the error rate crosses 2% for five minutes.",
    "The orders table is 2.1 TB and is read by 23 services.",
    // "Save" as in storing data is no saving (main gave this as why of WordPress 5.9).
    "In 5.9, the block saves menus as custom post types, which get saved to the database.",
    // "Are dropped" is deleted, not a figure that fell (the Northwind demo feed).
    "Jobs are moved to an archive table by a sweeper, and partitions older than 30 days are dropped.",
  ])("a figure that describes, not an outcome: %s", (sentence) => {
    expect(scoreOutcome(sentence)).toBe(0);
  });

  // What was learned, named in a relative clause, is no lesson drawn (thoughtbot's standups).
  it("a relative clause's 'that they learned' draws no lesson", () => {
    expect(
      scoreOutcome(
        "A quick check-in once a day: whether people are blocked, perhaps something interesting that they learned.",
      ),
    ).toBe(0);
  });
});

describe("statesLesson", () => {
  // thoughtbot's "Solve Problems, not Strawmen": what leaving a practice out costs is its argument.
  it.each([
    "Skipping the problem statement makes it difficult to measure whether the solution works.",
    "Ignoring flaky tests leads to a suite nobody trusts.",
  ])("the cost of leaving a practice out: %s", (sentence) => {
    expect(statesLesson(sentence)).toBe(true);
  });

  // Netflix's TTAL post sums up what the format is for.
  it("a conclusion 'in a nutshell'", () => {
    expect(
      statesLesson(
        "In a nutshell, TTAL has been designed to simplify script authoring, so the creative energy is spent on the art of dubbing.",
      ),
    ).toBe(true);
  });
});

describe("isSetup", () => {
  it.each([
    "Each runner used to keep its own cache on local disk.",
    "In October the team needed to rename customer_ref to account_id.",
    // A limit run into is the problem a how-to post sets out to avoid (thoughtbot's "Avoiding
    // Out of Memory Crashes on Mobile" was summarized by it).
    "Recently, when building a Google VR 360 video player, thoughtbot went over the 1GB of RAM available on older iOS devices pretty quickly.",
    "The build agents ran out of disk twice a week.",
    // How long things were so is where the story starts; a version out of support, why it must
    // change, not what was done.
    "For three years every engineer was on call one week in six, for all hours.",
    "Version 12 reached the end of community support last November, so an upgrade was overdue.",
  ])("background or a problem: %s", (sentence) => {
    expect(isSetup(sentence)).toBe(true);
  });

  it.each([
    "Engineers now receive a fixed stipend for each on-call week.",
    "The team moved its clusters to Karpenter for 34% lower compute bills.",
    "For each cluster, the team created node pools that mirrored the old groups.",
  ])("what was done: %s", (sentence) => {
    expect(isSetup(sentence)).toBe(false);
  });

  // "Is used to add" is what a thing is for, not what a team used to do (tenderlove's Slop post).
  it("a passive 'is used to' is no habit of the past", () => {
    expect(
      isSetup("Module#extend is used to add functionality to the instance 'foo', but not 'foo2'."),
    ).toBe(false);
  });
});
