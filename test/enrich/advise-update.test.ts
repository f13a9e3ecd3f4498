import { describe, expect, it } from "vitest";
import { adviseUpdate } from "../../src/enrich/extractive/advise-update.js";
import { articleSentences } from "../../src/enrich/extractive/article-sentences.js";
import { readBlocks } from "../../src/enrich/extractive/read-blocks.js";
import { scoreSentences } from "../../src/enrich/extractive/score-sentences.js";

/** The why adviseUpdate gives an article of `html` under `title`. */
function whyOf(title: string, html: string): string | undefined {
  const scored = scoreSentences(articleSentences(readBlocks({ text: "", html }), 100), title);
  return adviseUpdate(scored, title, 300)?.text;
}

const ADVICE =
  "<p>This security release features two security fixes. Because this is a security release, it is recommended that you update your sites immediately.</p>";

// Issue 15, point 4: for a security release, the advice to update is why it matters.
describe("adviseUpdate", () => {
  it("names what the release fixes, from its credits, and says sites should update", () => {
    const why = whyOf(
      "Acme 2.4.1 Security Release",
      `${ADVICE}<ul><li>Jane Roe, for finding a Stored Cross Site Scripting Vulnerability</li><li>Props to Ann Lee for disclosing an issue with Object injection in some multisite installations (only relevant to versions 2.1-2.4).</li><li>Props to Bo for finding a typo in the docs.</li></ul>`,
    );
    expect(why).toBe(
      "Acme 2.4.1 fixes a Stored Cross Site Scripting Vulnerability and object injection in some multisite installations, so sites should update immediately.",
    );
  });

  it("says how many issues it fixes when the credits name none", () => {
    expect(whyOf("Acme 2.4.1 Security Release", ADVICE)).toBe(
      "Acme 2.4.1 fixes two security issues, so sites should update immediately.",
    );
  });

  it.each([
    // No security release: advice to update is advice, left out.
    [
      "Acme 2.4.1 Maintenance Release",
      "<p>This release fixes 12 bugs. It is recommended that you update your sites immediately.</p>",
    ],
    // A security release with no advice to update.
    ["Acme 2.4.1 Security Release", "<p>This security release features two security fixes.</p>"],
    // No version to name.
    ["A security release for Acme", ADVICE],
  ])("gives nothing for any other article: %s", (title, html) => {
    expect(whyOf(title, html)).toBeUndefined();
  });
});
