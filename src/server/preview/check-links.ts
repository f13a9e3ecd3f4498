import { parseHTML } from "linkedom";

/** A link or image in the email that would not work from a mail client. */
export interface LinkProblem {
  url: string;
  /** The link's text (or the image's alt), to find it in the email. */
  label: string;
  problem: string;
}

const ALLOWED = new Set(["http:", "https:", "mailto:"]);

/**
 * Every link and image of the email HTML, checked: a mail client has no base URL, so each must be
 * absolute http(s) (or mailto for links) and parse as a URL; a link to `#id` must find that
 * element in the same email (the overview's links to its cards).
 */
export function checkLinks(html: string): { checked: number; problems: LinkProblem[] } {
  const { document } = parseHTML(html);
  const targets = [
    ...[...document.querySelectorAll("a[href]")].map((a) => ({
      url: a.getAttribute("href") ?? "",
      label: (a.textContent ?? "").trim().replace(/\s+/g, " ").slice(0, 80),
      isImage: false,
    })),
    ...[...document.querySelectorAll("img[src]")].map((img) => ({
      url: img.getAttribute("src") ?? "",
      label: `image ${img.getAttribute("alt") ?? ""}`.trim(),
      isImage: true,
    })),
  ];
  const problems: LinkProblem[] = [];
  for (const target of targets) {
    const problem =
      !target.isImage && target.url.startsWith("#")
        ? document.getElementById(target.url.slice(1))
          ? undefined
          : "no element with this id in the email"
        : problemOf(target.url, target.isImage);
    if (problem) problems.push({ url: target.url, label: target.label, problem });
  }
  return { checked: targets.length, problems };
}

function problemOf(url: string, isImage: boolean): string | undefined {
  if (url.trim() === "") return "empty";
  if (url !== url.trim() || /\s/.test(url)) return "contains white space";
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return "not an absolute URL";
  }
  if (isImage && parsed.protocol === "data:") return undefined;
  if (!ALLOWED.has(parsed.protocol) || (isImage && parsed.protocol === "mailto:"))
    return `scheme ${parsed.protocol} does not work in email`;
  if (parsed.protocol !== "mailto:" && parsed.hostname === "") return "no host";
  return undefined;
}
