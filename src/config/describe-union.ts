import type { z } from "zod";
import { orList } from "../shared/or-list.js";

// What zod's bare "Invalid input" left unsaid: the forms a union's key may take (a union of the
// schema names its forms itself, `error:`; this covers any union that does not), and for a key of
// the wrong kind, what it must be and what the file says.

const NOUNS: Record<string, string> = {
  string: "a string",
  number: "a number",
  int: "a whole number",
  boolean: "true or false",
  array: "a list",
  object: "a mapping of keys",
  null: "empty",
};

/**
 * "must be a number, not \"lots\"": what a key of the wrong kind must be, and what it is (zod's
 * own "Invalid input: expected number, received string" names neither in words).
 */
export function describeWrongType(expected: string, value: unknown): string {
  return `must be ${NOUNS[expected] ?? `a ${expected}`}, not ${describeValue(value)}`;
}

/** A value read from the file, as short as a message line wants it; quoted, so escaped. */
function describeValue(value: unknown): string {
  if (value === null) return "empty";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "a mapping";
  if (typeof value !== "string") return String(value);
  const MAX = 40;
  return JSON.stringify(value.length > MAX ? `${value.slice(0, MAX)}…` : value);
}

/** "must be a string or a mapping of keys": the forms of a union that matched none of them. */
export function describeUnion(issue: z.core.$ZodIssueInvalidUnion): string {
  const forms = issue.errors.flatMap((branch) => {
    const first = branch[0];
    if (first === undefined) return [];
    // A branch that failed deeper down was still the right kind of value: name that kind.
    if (first.path.length > 0)
      return [typeof first.path[0] === "number" ? NOUNS.array : NOUNS.object];
    if (first.code === "invalid_type") return [NOUNS[first.expected] ?? `a ${first.expected}`];
    if (first.code === "invalid_value") return first.values.map((value) => JSON.stringify(value));
    if (first.code === "unrecognized_keys") return [NOUNS.object];
    return [];
  }) as string[];
  // A discriminated union that found no option names its options instead of its branches.
  const options = "options" in issue && Array.isArray(issue.options) ? issue.options : [];
  const unique = [...new Set([...forms, ...options.map((option) => JSON.stringify(option))])];
  return unique.length > 0
    ? `must be ${orList(unique)}`
    : 'is none of the forms this key may take (see README "Configuration")';
}
