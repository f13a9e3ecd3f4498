/** Where one item element of a feed document is: `xml.slice(start, end)` is all of it. */
export interface ItemRegion {
  start: number;
  end: number;
}

interface Open {
  name: string;
  start: number;
  isItem: boolean;
}

/**
 * The items of a prepared RSS or Atom document (see prepareFeedXml), as the text regions
 * rss-parser will read them from, in document order: Atom `<entry>` children of `<feed>`; RSS
 * `<item>` children of the first `<channel>`, or of the root when it has no channel (RSS 0.9x
 * and 1.0). One linear scan that skips comments, CDATA sections, processing instructions and the
 * DOCTYPE, and reads quoted attribute values whole. Undefined when the document does not scan as
 * balanced markup or has another root: callers then parse it whole.
 */
export function splitFeedItems(xml: string): ItemRegion[] | undefined {
  const stack: Open[] = [];
  const inChannel: ItemRegion[] = [];
  const atRoot: ItemRegion[] = [];
  let root: string | undefined;
  let channels = 0;
  let at = 0;
  for (;;) {
    const lt = xml.indexOf("<", at);
    if (lt === -1) break;
    const skipped = skipNonElement(xml, lt);
    if (skipped === undefined) return undefined;
    if (skipped > lt) {
      at = skipped;
      continue;
    }
    const gt = tagEnd(xml, lt);
    if (gt === -1) return undefined;
    at = gt + 1;
    if (xml.charCodeAt(lt + 1) === SLASH) {
      const open = stack.pop();
      if (open === undefined || open.name !== xml.slice(lt + 2, gt).trim()) return undefined;
      if (open.name === "channel" && stack.length === 1) channels++;
      if (open.isItem)
        (stack.length === 1 ? atRoot : inChannel).push({ start: open.start, end: at });
      continue;
    }
    const name = /^[^\s/>]+/.exec(xml.slice(lt + 1, Math.min(gt, lt + 200)))?.[0];
    if (name === undefined) return undefined;
    root ??= name;
    const isItem = isItemOf(root, name, stack, channels);
    if (xml.charCodeAt(gt - 1) === SLASH) {
      if (isItem) (stack.length === 1 ? atRoot : inChannel).push({ start: lt, end: at });
    } else stack.push({ name, start: lt, isItem });
  }
  if (stack.length > 0 || root === undefined) return undefined;
  if (root === "feed" || root === "rdf:RDF") return atRoot;
  // rss-parser reads the first channel's items, and items under <rss> only without a channel.
  return channels > 0 || inChannel.length > 0 ? inChannel : atRoot;
}

const SLASH = 0x2f;

// An element rss-parser reads as an item: its name and its parent, by the document's root.
function isItemOf(root: string, name: string, stack: Open[], channels: number): boolean {
  const parent = stack.at(-1)?.name;
  if (stack.length === 1) {
    if (root === "feed") return name === "entry";
    return (root === "rss" || root === "rdf:RDF") && name === "item";
  }
  return (
    root === "rss" &&
    stack.length === 2 &&
    parent === "channel" &&
    channels === 0 &&
    name === "item"
  );
}

/**
 * Past a comment, CDATA section, processing instruction or declaration starting at `lt`: the
 * offset after it; `lt` itself when an element tag starts there; undefined when it never ends.
 */
function skipNonElement(xml: string, lt: number): number | undefined {
  const closer = xml.startsWith("<!--", lt)
    ? "-->"
    : xml.startsWith("<![CDATA[", lt)
      ? "]]>"
      : xml.startsWith("<?", lt)
        ? "?>"
        : undefined;
  if (closer !== undefined) {
    const end = xml.indexOf(closer, lt + 2);
    return end === -1 ? undefined : end + closer.length;
  }
  if (!xml.startsWith("<!", lt)) return lt;
  // A DOCTYPE may hold an internal subset in brackets, with ">" inside it. The "[" is looked
  // for before the ">" only: searched to the end, each of many "<!x>" made the scan quadratic.
  const gt = xml.indexOf(">", lt);
  if (gt === -1) return undefined;
  const bracket = xml.slice(lt, gt).indexOf("[");
  if (bracket === -1) return gt + 1;
  const close = xml.indexOf("]", lt + bracket);
  const end = close === -1 ? -1 : xml.indexOf(">", close);
  return end === -1 ? undefined : end + 1;
}

// The ">" that ends the tag at `lt`, past quoted attribute values; -1 when there is none.
function tagEnd(xml: string, lt: number): number {
  for (let i = lt + 1; i < xml.length; i++) {
    const c = xml.charCodeAt(i);
    if (c === 0x3e) return i;
    if (c === 0x22 || c === 0x27) {
      i = xml.indexOf(xml[i] as string, i + 1);
      if (i === -1) return -1;
    } else if (c === 0x3c) return -1;
  }
  return -1;
}
