/**
 * Runs in the page: for every element with its own text, the contrast of its colour against
 * the first opaque background behind it (WCAG 2 relative luminance).
 */
globalThis.measureContrast = () => {
  const parse = (color) => {
    const parts = color.match(/[\d.]+/g)?.map(Number) ?? [0, 0, 0, 0];
    return { rgb: parts.slice(0, 3), alpha: parts[3] ?? 1 };
  };
  const luminance = (rgb) => {
    const [r, g, b] = rgb.map((v) => {
      const c = v / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const backgroundOf = (element) => {
    for (let node = element; node; node = node.parentElement) {
      const { rgb, alpha } = parse(getComputedStyle(node).backgroundColor);
      if (alpha > 0.5) return rgb;
    }
    return [255, 255, 255];
  };
  const failures = [];
  let checked = 0;
  for (const element of document.body.querySelectorAll("*")) {
    const ownText = [...element.childNodes]
      .filter((node) => node.nodeType === Node.TEXT_NODE)
      .map((node) => node.textContent ?? "")
      .join("")
      .trim();
    const style = getComputedStyle(element);
    if (ownText === "" || style.display === "none" || style.maxHeight === "0px") continue;
    if (element.closest('[aria-hidden="true"]')) continue;
    const fg = luminance(parse(style.color).rgb);
    const bg = luminance(backgroundOf(element));
    const ratio = (Math.max(fg, bg) + 0.05) / (Math.min(fg, bg) + 0.05);
    checked++;
    if (ratio < 4.5) {
      failures.push(
        `${ratio.toFixed(2)}:1 ${element.tagName} "${ownText.slice(0, 40)}" ${style.color}`,
      );
    }
  }
  const background = getComputedStyle(document.body).backgroundColor;
  return { checked, failures, background };
};
