import type { z } from "zod";
import { orList } from "../shared/or-list.js";
import { Config } from "./schema.js";

type Schema = z.core.$ZodType;
type KeyPath = (string | number)[];

/**
 * What to say of an unknown key: the keys of its place (of the variant its section chose) a typo
 * or two away ("did you mean `schedule`?"), else the other places the key is valid (`fullText`
 * under a list "is a key of collect or feeds[]"), else undefined: nothing is close.
 */
export function suggestKey(keyPath: KeyPath, key: string, root: unknown): string | undefined {
  const here = objectsAt(Config, keyPath, root).flatMap((object) => Object.keys(shapeOf(object)));
  const close = closestKeys(key, [...new Set(here)]);
  if (close.length > 0)
    return `unknown key; did you mean ${close.map((name) => `\`${name}\``).join(" or ")}?`;
  const places = placesOf(Config, key, "").filter((place) => place !== placeOf(keyPath));
  if (places.length === 0) return undefined;
  const named = places.map((place) => (place === "" ? "the top level" : place));
  return `is not a key here; \`${key}\` is a key of ${orList(named)}`;
}

/** The keys within a small edit distance of `key` (in any case), the closest first. */
export function closestKeys(key: string, candidates: string[]): string[] {
  // One edit in a short key, two in a longer one: "ur" → "url", "shedule" → "schedule".
  const limit = key.length <= 4 ? 1 : 2;
  const scored = candidates
    .map((name) => ({ name, distance: editDistance(key.toLowerCase(), name.toLowerCase()) }))
    .filter(({ distance }) => distance <= limit);
  const best = Math.min(...scored.map(({ distance }) => distance));
  return scored.filter(({ distance }) => distance === best).map(({ name }) => name);
}

/** Damerau–Levenshtein distance (optimal string alignment): "langauge" is one edit from "language". */
function editDistance(a: string, b: string): number {
  const rows = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  const at = (i: number, j: number) => rows[i]?.[j] ?? Number.POSITIVE_INFINITY;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let distance = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        distance = Math.min(distance, at(i - 2, j - 2) + 1);
      (rows[i] as number[])[j] = distance;
    }
  }
  return at(a.length, b.length);
}

/** The object schemas that `value`, at `keyPath` of the file, is read against. */
function objectsAt(schema: Schema, keyPath: KeyPath, value: unknown): Schema[] {
  const inner = unwrap(schema);
  const def = inner._zod.def as { type: string; options?: Schema[]; element?: Schema };
  if (def.type === "union")
    return (def.options ?? [])
      .filter((option) => fits(option, value))
      .flatMap((option) => objectsAt(option, keyPath, value));
  if (keyPath.length === 0) return def.type === "object" ? [inner] : [];
  const [step, ...rest] = keyPath;
  const child = (value as Record<string | number, unknown> | undefined)?.[step as string];
  if (def.type === "array" && typeof step === "number" && def.element)
    return objectsAt(def.element, rest, child);
  const field = def.type === "object" ? shapeOf(inner)[step as string] : undefined;
  return field ? objectsAt(field, rest, child) : [];
}

/** Where else in the file `key` is a key, as "collect", "feeds[]", "lists[].schedule". */
function placesOf(schema: Schema, key: string, place: string): string[] {
  const inner = unwrap(schema);
  const def = inner._zod.def as { type: string; options?: Schema[]; element?: Schema };
  if (def.type === "union")
    return [...new Set((def.options ?? []).flatMap((option) => placesOf(option, key, place)))];
  if (def.type === "array" && def.element) return placesOf(def.element, key, `${place}[]`);
  if (def.type !== "object") return [];
  const shape = shapeOf(inner);
  const own = key in shape ? [place] : [];
  const nested = Object.entries(shape).flatMap(([name, field]) =>
    placesOf(field, key, place === "" ? name : `${place}.${name}`),
  );
  return [...own, ...nested];
}

/** A union option fits a value of the file when its kind and its discriminator agree. */
function fits(option: Schema, value: unknown): boolean {
  const inner = unwrap(option);
  const type = inner._zod.def.type;
  if (type === "array") return Array.isArray(value);
  if (type !== "object") return false;
  if (value === null || typeof value !== "object" || Array.isArray(value)) return false;
  return Object.entries(shapeOf(inner)).every(([name, field]) => {
    const literal = unwrap(field);
    if (literal._zod.def.type !== "literal") return true;
    const given = (value as Record<string, unknown>)[name];
    // An unset discriminator is the variant whose discriminator has a default (extractive).
    if (given === undefined) return field._zod.def.type === "default";
    return (literal._zod.values ?? new Set()).has(given as string);
  });
}

function shapeOf(object: Schema): Record<string, Schema> {
  return (object._zod.def as unknown as { shape: Record<string, Schema> }).shape;
}

/** The schema inside optional, default and the like. */
function unwrap(schema: Schema): Schema {
  let current = schema;
  for (;;) {
    const def = current._zod.def as { innerType?: Schema; in?: Schema; type: string };
    if (def.innerType) current = def.innerType;
    else if (def.type === "pipe" && def.in) current = def.in;
    else return current;
  }
}

function placeOf(keyPath: KeyPath): string {
  return keyPath
    .map((part, i) => (typeof part === "number" ? "[]" : i === 0 ? part : `.${part}`))
    .join("");
}
