// "Why it matters" is an outcome or a lesson, or nothing (issue 15, point 4). This finds the
// common ways it is something else: a teaser, a call to action, a greeting, a memory, the setup
// of the story or the problem it starts from — unless the same text also carries a result —,
// advice to the reader or a definition.

const TEASER =
  /^(?:here(?:['’]s| is| are)\b|in this (?:post|article|series|episode)\b|this (?:post|article|talk|episode) (?:covers|describes|explains|looks|walks|shows|will)\b|read on\b|keep reading\b|let['’]s\b|we['’]ll\b|we will (?:look|explore|show|share|walk|cover|dive)\b|find out\b|stay tuned\b)|\[(?:…|\.\.\.)\]|\b(?:read on|in this post|more on that later|stay tuned)\b/i;
const CALL_TO_ACTION =
  /^(?:join|follow|help test|install|download|sign up|register|subscribe|check out|click|visit|please|don['’]t forget|be sure|make sure to|get involved|learn more|read more|share your|leave a comment|option \d|you can (?:download|join|find|read|watch|listen|follow|sign up|register|help|test|get))\b/i;
const GREETING =
  /^(?:hello|hi|hey|welcome|thanks|thank you|happy (?:holidays|new year)|dear|greetings|congratulations)\b/i;
const ANECDOTE =
  /\b(?:I remember|when I was|my first|growing up|I grew up|I love|I loved|I joined|my career|my journey|I started|I fell in love|as a kid|as a child|I hope|I want)\b/i;
// Advice to the reader and definitions: "You never know…", "Release Candidate means…".
const ADVICE =
  /^(?:you never know|if you(?:['’]re| are)?\b|imagine\b)|\byou (?:should|must|need to|never know)\b|\btake note\b|\blet['’]s\b|\bplease\b/i;
const DEFINITION = /^["“]?[\p{L}\p{N} -]{2,40}["”]? means\b|\bis the process of\b/iu;
// "The new sorting algorithm means that text with accents gets ordered…": what follows from a
// change, not what a word means.
const CONSEQUENCE =
  /^(?:the new|this|that|these|those|the (?:change|update|fix|release|upgrade))\b[^.;]{0,60}?\bmeans,?(?: among other things,?)? that\b/i;
const MONTH =
  "(?:january|february|march|april|may|june|july|august|september|october|november|december)";
const SETUP = new RegExp(
  [
    `^(?:in|by|during|back in|since|until) (?:(?:early |late |mid-)?${MONTH}|(?:19|20)\\d\\d|the (?:early|late|past)|q[1-4])\\b`,
    "^(?:a (?:few|couple of)|two|three|several|many) (?:years|months|weeks|days) ago\\b",
    "^(?:last|earlier this|at the start of the) (?:year|month|week|quarter|spring|summer|autumn|fall|winter)\\b",
    "^(?:historically|traditionally|originally|initially|previously|at first|at the time|until recently|for years|for a long time|years ago|once upon)\\b",
    "^when (?:we|i|the team) (?:started|began|first|joined)\\b",
    "^before (?:we|this|that|the|joining|\\p{Lu})",
  ].join("|"),
  "iu",
);
const PROBLEM =
  /\b(?:problem|challenge|pain(?: point)?|struggl\w*|bottleneck|outage|incident|broke|broken|failing|slow|doubled|tripled|crept up|costly|expensive|frustrat\w*|hard to|difficult|couldn['’]t|could not|no way to|lack(?:ed|ing)?|suffer\w*|needed to|had to|wanted to|was (?:growing|getting|becoming)|kept (?:growing|failing))\b/i;
const OUTCOME =
  /\d+(?:\.\d+)?\s?(?:%|x\b|×|ms\b|percent)|\b(?:fell|dropped|drops|cut|cuts|reduc\w+|improv\w+|faster|cheaper|smaller|saved|saves|sped up|now (?:lets|allows|can|supports|has|runs|takes)|can now|lets (?:you|users|teams|engineers|developers|people|operators)|result(?:ed|s|ing)?|lesson|learn(?:ed|t)|taught|takeaway|enabl\w+|allow(?:s|ing)|no longer|went from|from [^.]{1,40} to|down to|halved|eliminat\w+|prevent\w*|avoid\w*|fix(?:es|ed)?|so that|which means|proves?|demonstrat\w+|(?:shows?|showing|highlights?|illustrates?) (?:how|that|why)|how to|blueprint)\b/i;

/** Why a "why it matters" is background rather than a reason; undefined when it may be one. */
export function detectBackgroundWhy(why: string): string | undefined {
  const text = why.trim();
  if (text === "") return undefined;
  if (TEASER.test(text)) return "teaser";
  if (CALL_TO_ACTION.test(text)) return "call to action";
  if (GREETING.test(text)) return "greeting";
  if (ANECDOTE.test(text)) return "personal anecdote";
  if (ADVICE.test(text)) return "advice to the reader";
  if (DEFINITION.test(text) && !CONSEQUENCE.test(text)) return "a definition";
  if (OUTCOME.test(text)) return undefined;
  if (SETUP.test(text)) return "setup or background, no result";
  if (PROBLEM.test(text)) return "problem statement, no result";
  return undefined;
}
