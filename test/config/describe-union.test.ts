import { describe, expect, it } from "vitest";
import { z } from "zod";
import { describeUnion } from "../../src/config/describe-union.js";

// The net under a union of the schema that names no forms of its own.
function unionIssue(schema: z.ZodType, value: unknown) {
  const issue = schema.safeParse(value).error?.issues[0];
  if (issue?.code !== "invalid_union") throw new Error(`no union issue: ${issue?.code}`);
  return issue;
}

describe("a union's problem said in words", () => {
  it.each([
    [
      z.union([z.string(), z.strictObject({ a: z.string() })]),
      42,
      "must be a string or a mapping of keys",
    ],
    [z.union([z.literal("all"), z.array(z.string())]), true, 'must be "all" or a list'],
    [z.union([z.boolean(), z.int()]), "yes", "must be true or false or a number"],
    [
      z.discriminatedUnion("kind", [
        z.object({ kind: z.literal("a") }),
        z.object({ kind: z.literal("b") }),
      ]),
      { kind: "c" },
      'must be "a" or "b"',
    ],
  ])("%#: names the forms the key may take", (schema, value, words) => {
    expect(describeUnion(unionIssue(schema, value))).toBe(words);
  });
});
