import { describe, expect, it } from "vitest";
import { articleSentences } from "../../src/enrich/extractive/article-sentences.js";
import { nameQuestion, questionMeant } from "../../src/enrich/extractive/name-question.js";
import { readTextBlocks } from "../../src/enrich/extractive/read-blocks.js";
import { scoreSentences } from "../../src/enrich/extractive/score-sentences.js";

const EPISODE = "WP Briefing: Episode 27: Is WordPress Made for Me?";

/** The question the text's last sentence means by "this question", under `title`. */
function meantIn(text: string, title: string): string | undefined {
  const scored = scoreSentences(articleSentences(readTextBlocks(text), 250), title);
  const sentence = scored.at(-1);
  if (sentence === undefined) throw new Error("no sentence");
  return questionMeant(scored, sentence, title);
}

// "This question" points at a question the email does not show: say the question itself.
describe("questionMeant", () => {
  it.each([
    // The question asked right before, in the article's words.
    [
      "Who is WordPress actually made for? Join our host as she explores this controversial question and three things.",
      EPISODE,
      "Who is WordPress actually made for?",
    ],
    // Else the title's question, past its series' label.
    [
      "In this episode the host explores this question with three guests.",
      EPISODE,
      "Is WordPress Made for Me?",
    ],
    // No question asked anywhere.
    [
      "The host explores this controversial question with three guests.",
      "Episode 27: Three goals",
      undefined,
    ],
  ])("%s (%s)", (text, title, question) => {
    expect(meantIn(text, title)).toBe(question);
  });
});

describe("nameQuestion", () => {
  it.each([
    [
      "The host explores this controversial question and three things.",
      "The host explores the controversial question “Is WordPress Made for Me?” and three things.",
    ],
    [
      "This question has no easy answer.",
      "The question “Is WordPress Made for Me?” has no easy answer.",
    ],
    // The question is said after it ("this question of scale").
    ["They raised this question of scale again.", "They raised this question of scale again."],
  ])("%s", (sentence, named) => {
    expect(nameQuestion(sentence, "Is WordPress Made for Me?")).toBe(named);
  });
});
