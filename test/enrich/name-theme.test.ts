import { describe, expect, it } from "vitest";
import { nameTheme } from "../../src/enrich/extractive/name-theme.js";

describe("nameTheme", () => {
  // Hugo's v0.100.0 release notes: the theme, said last, comes first.
  it.each([
    [
      "$page.RenderString finally supports shortcodes, and shortcode improvements is the main theme in Hugo 0.100.0.",
      "The main theme in Hugo 0.100.0 is shortcode improvements: $page.RenderString finally supports shortcodes.",
    ],
    [
      "The importer now resumes after a crash, and reliability is the overall focus of this release.",
      "The overall focus of this release is reliability: the importer now resumes after a crash.",
    ],
  ])("puts the theme first: %s", (sentence, themed) => {
    expect(nameTheme(sentence)).toBe(themed);
  });

  it.each([
    "The theme of Hugo v0.99.0 is error handling – a topic grievously underrated in most development tools.",
    "Shortcode improvements are the main theme in Hugo 0.100.0.",
    "Hugo now records the indentation before the opening shortcode tag when parsing the source.",
  ])("none: %s", (sentence) => {
    expect(nameTheme(sentence)).toBeUndefined();
  });
});
