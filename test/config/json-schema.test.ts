import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { configJsonSchema } from "../../src/config/json-schema.js";

// Editors autocomplete gazette.yaml from the committed file: a schema change without
// `npm run schema` would leave them suggesting keys that are gone, or missing new ones.
describe("config/gazette.schema.json", () => {
  it("is what `npm run schema` writes from the config's schema today", () => {
    const committed = readFileSync(
      new URL("../../config/gazette.schema.json", import.meta.url),
      "utf8",
    );
    expect(committed).toBe(configJsonSchema());
  });
});
