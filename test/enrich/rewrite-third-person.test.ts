import { describe, expect, it } from "vitest";
import { rewriteThesis } from "../../src/enrich/extractive/rewrite-thesis.js";
import { rewriteThirdPerson } from "../../src/enrich/extractive/rewrite-third-person.js";
import { articleVoice } from "../../src/enrich/extractive/voice-of.js";

const company = { name: "Quarry Data", isPersonal: false };
const author = { name: "Aaron Patterson", isPersonal: true };

// Issue 15, point 3: third person naming the source; never broken grammar.
describe("rewriteThirdPerson", () => {
  it.each([
    [
      "We replaced nightly full-table dumps with log-based change data capture.",
      "Quarry Data replaced nightly full-table dumps with log-based change data capture.",
    ],
    [
      "Our monthly warehouse bill fell by 41%.",
      "Quarry Data's monthly warehouse bill fell by 41%.",
    ],
    // What the writers wish for is no one's belonging: not "its desired file".
    [
      "Second, we use a FileStream object to write the bytes directly to our desired file.",
      "Second, Quarry Data uses a FileStream object to write the bytes directly to the desired file.",
    ],
    [
      "We now run the recommender weekly, and we review its changes like any other.",
      "Quarry Data now runs the recommender weekly, and it reviews its changes like any other.",
    ],
    ["We've moved our warehouse to Iceberg.", "Quarry Data has moved its warehouse to Iceberg."],
    [
      "We are releasing the tool as open source.",
      "Quarry Data is releasing the tool as open source.",
    ],
    ["We don't delete anything.", "Quarry Data doesn't delete anything."],
    ["It cost us $96,000 in September.", "It cost Quarry Data $96,000 in September."],
    [
      "We have stayed in touch and have met at conferences since.",
      "Quarry Data has stayed in touch and has met at conferences since.",
    ],
    ["Every change is written locally first.", "Every change is written locally first."],
    // A dash with no space around it is still a word boundary (the WordPress News feed).
    [
      "Today, those ideas become a reality—we’re excited to share that the redesign is live!",
      "Today, those ideas become a reality—Quarry Data is excited to share that the redesign is live!",
    ],
    [
      "The cache—our oldest service—now restarts in seconds.",
      "The cache—Quarry Data's oldest service—now restarts in seconds.",
    ],
    // "let us" after its subject is the publisher being let, not "let's" (issue 15, CLI fix).
    [
      "We split the suite into shards, which cut CI time by 38% and let us merge twice as often.",
      "Quarry Data split the suite into shards, which cut CI time by 38% and let it merge twice as often.",
    ],
    // "It" only once the name has been said: the name later in the sentence does not count.
    [
      "Today, we are talking about who Quarry Data builds for.",
      "Today, Quarry Data is talking about who Quarry Data builds for.",
    ],
    [
      "The new runner let us merge twice as often.",
      "The new runner let Quarry Data merge twice as often.",
    ],
  ])("a company blog: %s", (sentence, rewritten) => {
    expect(rewriteThirdPerson(sentence, company)).toBe(rewritten);
  });

  it.each([
    ["I wrote a gem called earworm.", "Aaron Patterson wrote a gem called earworm."],
    [
      "My favorite part is the slop decorator.",
      "Aaron Patterson's favorite part is the slop decorator.",
    ],
    ["I've released a new version of meow.", "Aaron Patterson has released a new version of meow."],
    // A name in quotes is nobody's words.
    [
      'I stumbled across a ruby/cocoa example, fixed it up, and released a gem called "Meow".',
      'Aaron Patterson stumbled across a ruby/cocoa example, fixed it up, and released a gem called "Meow".',
    ],
    // A second "I" after "and" is the same subject: left out, its verb agreeing.
    [
      "Recently, I've been refactoring Mechanize and I've added support for a few new things.",
      "Recently, Aaron Patterson has been refactoring Mechanize and has added support for a few new things.",
    ],
    // A leading clause with the same subject says it once (tenderlove's "Back Home!").
    [
      "While I was in Japan, I noticed QR Codes everywhere.",
      "While in Japan, Aaron Patterson noticed QR Codes everywhere.",
    ],
    [
      "While I was developing nokogiri, I had to learn how to cross compile gems for win32.",
      "While developing nokogiri, Aaron Patterson had to learn how to cross compile gems for win32.",
    ],
    [
      "I went hunting and I run a small shop.",
      "Aaron Patterson went hunting and runs a small shop.",
    ],
  ])("a personal blog: %s", (sentence, rewritten) => {
    expect(rewriteThirdPerson(sentence, author)).toBe(rewritten);
  });

  it.each([
    ["a company's I", "I joined MySpace as a data engineer.", company],
    ["a personal blog's we", "We need to muck with the gemspec.", author],
    ["quoted words", 'Our runbook said "scale up the consumers".', company],
    ["quoted words, short", 'I said "ship it now" to the team.', author],
    ["a we that includes the reader", "Let us look at what we changed.", company],
    ["people, not a company", "We have stayed in touch and bumped in to each other.", company],
    ["a we that includes the reader, mid-sentence", "Now let us see what our cache does.", company],
    ["we all", "We all know that caches are hard.", company],
    ["would or had", "We'd moved the queue by then.", company],
    ["a second I", "I think I like it.", author],
    ["a second I after but", "I've studied Japanese but I've never been to Japan.", author],
    ["a second my after and", "I fixed it and my tests pass.", author],
    ["no verb after we", "We at Netflix love data.", company],
  ])("unsafe: %s", (_case, sentence, voice) => {
    expect(rewriteThirdPerson(sentence, voice)).toBeUndefined();
  });
});

describe("rewriteThesis", () => {
  it.each([
    [
      "In this post we describe how we cut our bill by 41%.",
      "Dropbox describes how we cut our bill by 41%.",
    ],
    [
      "In this post, we'll walk through the query audit and the refresh policies.",
      "Dropbox walks through the query audit and the refresh policies.",
    ],
    [
      "This post covers the rollout and the compatibility modes.",
      "Dropbox covers the rollout and the compatibility modes.",
    ],
    [
      "Today we're announcing the availability of the web-based console.",
      "Dropbox announces the availability of the web-based console.",
    ],
    ["We're excited to share our new scheduler.", "Dropbox shares our new scheduler."],
    // A closing paragraph's thesis, in the past tense: kept in its tense.
    [
      "In this post we showed how the shared cache cut the median CI run from 31 to 14 minutes.",
      "Dropbox showed how the shared cache cut the median CI run from 31 to 14 minutes.",
    ],
    [
      "In this article, we have described the three changes that halved our p99 latency.",
      "Dropbox has described the three changes that halved our p99 latency.",
    ],
    // The same thesis in the progressive (Netflix Drive's opening).
    [
      "In this post, we are introducing Netflix Drive, a Cloud drive for media assets.",
      "Dropbox is introducing Netflix Drive, a Cloud drive for media assets.",
    ],
    // Its second half says what the post does, not what the thing is: dropped.
    [
      "In this post, we are introducing Netflix Drive, a Cloud drive for media assets and providing a high level overview of some of its features and interfaces.",
      "Dropbox is introducing Netflix Drive, a Cloud drive for media assets.",
    ],
    [
      "In this post we describe the new scheduler, and give a brief tour of its dashboard.",
      "Dropbox describes the new scheduler.",
    ],
    // What the thing itself gives is kept.
    [
      "In this post we describe the new dashboard that gives an overview of every cluster.",
      "Dropbox describes the new dashboard that gives an overview of every cluster.",
    ],
    // A round-up's opening says what it gathers.
    [
      "Here are some new tools which provide a nice end-user interface to CloudFront.",
      "Dropbox rounds up some new tools which provide a nice end-user interface to CloudFront.",
    ],
    // What a short post hands over, and a podcast's description naming its host.
    [
      "Here are the slides from the Seattle.RB presentation at RubyConf.",
      "Dropbox shares the slides from the Seattle.RB presentation at RubyConf.",
    ],
    [
      "Join our host, WordPress Executive Director Josepha Haden Chomphosy, as she explores three things that can help find the answer.",
      "WordPress Executive Director Josepha Haden Chomphosy explores three things that can help find the answer.",
    ],
    // An event's invitation says what the post is (the SimpleDB Brown Bag on the AWS blog).
    [
      "You are invited to join the SimpleDB team on Tuesday for the first session of our new Brown Bag.",
      "Dropbox invites readers to join the SimpleDB team on Tuesday for the first session of our new Brown Bag.",
    ],
  ])("%s", (sentence, rewritten) => {
    expect(rewriteThesis(sentence, "Dropbox")).toBe(rewritten);
  });

  it("capitalizes the subject that opens the sentence, when no publisher is known", () => {
    expect(rewriteThesis("In this post we describe how we cut our bill by 41%.", "the team")).toBe(
      "The team describes how we cut our bill by 41%.",
    );
  });

  it("leaves a thesis that promises nothing, and a teaser", () => {
    expect(rewriteThesis("In this post we'll explain.", "Dropbox")).toBeUndefined();
    expect(rewriteThesis("Here is what went well and what broke.", "Dropbox")).toBeUndefined();
  });
});

describe("articleVoice", () => {
  const told = [
    "A founder from Turkey visited me in Seattle last week.",
    "I won't spill any beans before he's ready.",
    "I've posted the job below.",
    "We are a reputable internet company based in Istanbul.",
  ];
  it("drops a company's voice when one person tells the post, whose we is not the company", () => {
    expect(articleVoice(company, told)).toBeUndefined();
  });
  // Netflix's "My (Seemingly) Random Walk to Netflix": the byline names the post's "I".
  it("gives the voice to the one person a byline names when one person tells the post", () => {
    const lines = [
      "Part of our series on who works in Analytics",
      "By Sean Barnes, Studio Production",
    ];
    expect(articleVoice(company, told, lines)).toEqual({ name: "Sean Barnes", isPersonal: true });
    expect(articleVoice(company, told, ["By Ana Lima and Bo Chen", ...told])).toBeUndefined();
    expect(articleVoice(company, told, ["By the Platform Team", ...told])).toBeUndefined();
  });
  it("keeps it for a post in the company's we with an aside in the first person", () => {
    const mostlyWe = [
      "We moved the queue to PostgreSQL.",
      "I was skeptical at first.",
      ...Array.from({ length: 10 }, (_, n) => `The queue handled ${n} million jobs a day.`),
    ];
    expect(articleVoice(company, mostlyWe)).toBe(company);
    expect(articleVoice(author, told)).toBe(author);
  });
  // thoughtbot's "Tell, Don't Ask" in Elixir: its "we" is we programmers, not thoughtbot.
  const tutorial = [
    "In FP, we have functions organized within modules, with state being captured in values.",
    "We want to avoid having the caller dictate paths based on information present in our data.",
    "Let’s write out some non-idiomatic Elixir and see what we can improve.",
    "Here, we move player generation to the Game.new/1 function.",
    "By moving it, we were able to call a single function to take the appropriate action.",
  ];
  it("drops the voice of a tutorial whose we is the writer and the reader", () => {
    expect(articleVoice(company, tutorial)).toBeUndefined();
  });
  it("keeps it for a company's present practice and for what it did", () => {
    const practice = [
      "Last quarter we audited 140 A/B tests run on the Lumen product.",
      "We now use sequential testing with always-valid confidence intervals.",
      "We now require the randomization unit and the analysis unit to match.",
      "For UI changes we now require at least two full weeks.",
      "We now ask teams to declare one primary metric before launch.",
    ];
    expect(articleVoice(company, practice)).toBe(company);
    const done = [
      ...tutorial,
      "We migrated the game server to Elixir in 2019.",
      "We cut its latency by half.",
    ];
    expect(articleVoice(company, done)).toBe(company);
    const ingesting = [...tutorial, "We are currently ingesting billions of flow logs per hour."];
    expect(articleVoice(company, ingesting)).toBe(company);
  });
});
