import { createRequire } from "node:module";
import { describeError } from "../../shared/errors.js";

type Builder = (input: Record<string, unknown>, ...rest: unknown[]) => unknown;
type Internals = Record<string, Builder>;

/**
 * Patches an rss-parser 3.13 instance where one part of a document makes it throw for the whole
 * feed. These are its internal methods, called through `this`, so patching the instance is
 * enough; rss-parser is unmaintained, so they will not move under us.
 */
export function hardenRssParser(instance: object): void {
  skipSnippets();
  const internals = instance as Internals;
  for (const name of ["parseItemAtom", "parseItemRss"]) isolateItem(internals, name);
  for (const [name, root] of [
    ["buildRSS2", "rss"],
    ["buildRSS0_9", "rss"],
    ["buildRSS1", "rdf:RDF"],
  ] as const) {
    allowMissingChannel(internals, name, root);
  }
}

// One odd item (an Atom date it cannot read, a <link> without attributes) comes back as a
// `failure` for parseFeed to report; an unreadable Atom date is dropped and the item retried.
function isolateItem(internals: Internals, name: string): void {
  const build = bound(internals, name);
  internals[name] = (entry, ...rest) => {
    try {
      return build(entry, ...rest);
    } catch (error) {
      try {
        return build({ ...entry, published: undefined, updated: undefined }, ...rest);
      } catch {
        return { failure: describeError(error) };
      }
    }
  };
}

// <rss version="2.0"></rss> is an empty feed, not a TypeError on `channel[0]`; items written
// straight under <rss> (no <channel>, as some RSS 0.9x generators do) are read as its channel.
function allowMissingChannel(internals: Internals, name: string, root: string): void {
  const build = bound(internals, name);
  internals[name] = (document, ...rest) => {
    const element = document[root];
    if (typeof element !== "object" || element === null) return { items: [] };
    if ("channel" in element) return build(document, ...rest);
    if (!("item" in element)) return { items: [] };
    return build({ ...document, [root]: { ...element, channel: [element] } }, ...rest);
  };
}

function bound(internals: Internals, name: string): Builder {
  const method = internals[name];
  if (typeof method !== "function") throw new Error(`rss-parser has no ${name}: check its version`);
  return method.bind(internals);
}

// rss-parser computes a `contentSnippet` for every item with regular expressions that are
// quadratic on "<" (a 313 KB feed of "&lt;" took 12 s, 1 MB took minutes). We never read it, so
// its module-wide helper is replaced, once, by one that costs nothing; parser.js shares the
// same object.
let isSnippetSkipped = false;
function skipSnippets(): void {
  if (isSnippetSkipped) return;
  const utils = createRequire(import.meta.url)("rss-parser/lib/utils.js") as Internals;
  utils.getSnippet = () => "";
  isSnippetSkipped = true;
}
