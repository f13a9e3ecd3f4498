import { describe, expect, it } from "vitest";
import { argueStance, isStance } from "../../src/enrich/extractive/argue-stance.js";

// An essay's claim said with a dummy "it" is the author's view: the summary says whose.
describe("isStance and argueStance", () => {
  it.each([
    "It’s important to remember that solutions make little sense without problems.",
    "It is essential that every team writes the problem down first.",
    "It's always a good idea for teams to measure before they optimize.",
    "It is better to delete a flaky test than to retry it.",
  ])("reads a stance: %s", (sentence) => {
    expect(isStance(sentence)).toBe(true);
  });

  it.each([
    // A frame that points at a fact, and an "it" that means something named before.
    "It is important to note that the v2 API is deprecated.",
    "It is a good tool for exploring documents.",
    "It's important for us.",
    "Its important feature is the cache.",
  ])("reads no stance: %s", (sentence) => {
    expect(isStance(sentence)).toBe(false);
  });

  it("says the stance as the publisher's argument", () => {
    expect(
      argueStance("It’s important to remember that solutions need problems.", "thoughtbot"),
    ).toBe("Thoughtbot argues that it’s important to remember that solutions need problems.");
  });
});
