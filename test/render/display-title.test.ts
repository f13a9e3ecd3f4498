import { describe, expect, it } from "vitest";
import { displayTitle } from "../../src/render/display-title.js";

describe("displayTitle", () => {
  it.each([
    ["v0.96.0", "Hugo v0.96.0"],
    ["0.96.0", "Hugo 0.96.0"],
    ["V2.1", "Hugo V2.1"],
    ["v0.100.0-beta.1", "Hugo v0.100.0-beta.1"],
    ["1.2.3-rc1", "Hugo 1.2.3-rc1"],
    ["v3.1.4+build.7", "Hugo v3.1.4+build.7"],
    ["1.2.3.4", "Hugo 1.2.3.4"],
  ])("a bare version %s says whose: %s", (title, shown) => {
    expect(displayTitle(title, "Hugo")).toBe(shown);
  });

  it.each([
    "Hugo v0.96.0",
    "v0.96.0 is out",
    "Release v0.96.0",
    "2026",
    "v1",
    "1.2.",
    "v1.2-",
    "10 things about v1.2",
  ])("any other title stays as the feed gave it: %s", (title) => {
    expect(displayTitle(title, "Hugo")).toBe(title);
  });

  it("keeps a bare version when there is no feed name to put before it", () => {
    expect(displayTitle("v0.96.0", "")).toBe("v0.96.0");
  });
});
