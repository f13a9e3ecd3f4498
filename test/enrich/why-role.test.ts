import { describe, expect, it } from "vitest";
import { addressUsers } from "../../src/enrich/extractive/address-users.js";
import { statedTakeaway, whyRole } from "../../src/enrich/extractive/why-role.js";

// Sentences from the real feeds (../shared/conformance/real-feeds) that main gave as a why.
describe("whyRole", () => {
  it.each([
    [
      "advice",
      "You never know, some circumstances may arise for which those (seemingly) less-relevant skills and experiences may become more useful than you imagined.",
    ],
    ["advice", "Doctoral candidates everywhere should take note."],
    [
      "advice",
      "Encourage encapsulation by having the caller tell an object to do something instead of checking on state and acting upon it.",
    ],
    [
      "advice",
      "To implement acceptance criteria, when writing tickets and stories for the team, provide a detailed description of what the solution might look like.",
    ],
    [
      "advice",
      "If you are comfortable writing a reproducible bug report, you can file one on WordPress Trac, where you can also check the issue against a list of known bugs.",
    ],
    ["advice", "There are just 7 seats left so you'd better go ahead and register now."],
    ["advice", "Thinking about the goal, let’s do some mental mapping."],
    [
      "advice",
      "To keep up with the latest updates and discover more about how the community works to continually improve the software, please subscribe to the Make WordPress Core blog.",
    ],
    [
      "definition",
      "“Release Candidate” means the new version of the software is ready for release.",
    ],
    ["definition", "Transaction pooling means that many clients share a few connections."],
    [
      "definition",
      "“Tell, don’t ask” is a way to encourage developers to write declarative code instead of imperative code.",
    ],
    [
      "definition",
      "In OOP, objects are a blueprint with information containing behavior (methods) and data (state).",
    ],
    [
      "definition",
      "From a paradigm perspective, Elixir is a functional language when looking at aspects like immutability, pattern-matching, and functions with inputs and outputs.",
    ],
    [
      "definition",
      "What happens here is that the UnityWebRequest will open up a connection to the given path, download everything into a byte array contained within the DownloadHandlerBuffer.",
    ],
    // Issue 15, a subscriber's weak whys: a hedged definition, a concept by its comparison, two
    // kinds of one thing side by side, where the code lives.
    ["definition", "QR Codes are basically really awesome bar codes."],
    [
      "definition",
      "Scaling horizontally presents as spinning up more servers to handle the load; this is in comparison with vertical scaling, where the CPU is sped up or the RAM increased.",
    ],
    [
      "definition",
      "Imperative code asks questions before making decisions; declarative code issues a command and expects it to be done correctly.",
    ],
    ["definition", "Method missing is actually in the slop decorator."],
    [
      "problem",
      "By accessing the data property, Unity allocates an additional 400MB of memory to pass off the byte array into the EventArg.",
    ],
    [
      "definition",
      "Refactoring is the process of shuffling code around without adding any features or fixing any bugs.",
    ],
    [
      "definition",
      "“Tell, Don’t Ask” is a well-covered topic within object-oriented programming communities.",
    ],
    [
      "goal",
      "Netflix wanted to lower the barrier for adoption so users didn’t need to know datastore-specific CLI commands.",
    ],
    [
      "goal",
      "Thoughtbot wants to avoid having the caller (a function) dictate paths based on information present in its data.",
    ],
    ["goal", "Aaron Patterson is planning larger changes for a 1.0.0 release."],
    [
      "goal",
      "This new design is just the first, small step to modernize and improve the site iteratively.",
    ],
    ["problem", "The iPhone 6, with 1GB of RAM, crashed like a piano dropped from a helicopter."],
    ["problem", "The only regression was on a handful of older tablets whose decoder crashed."],
    [
      "problem",
      "Customer-facing APIs returned errors for about 60% of requests during that window.",
    ],
    ["problem", "They started dropping queries at 14:02, and the load rose by a factor of forty."],
    [
      "problem",
      "Recently, when building a 360 video player, Thoughtbot ran out of the 1GB of RAM on older iOS devices.",
    ],
    ["benefit", "Since Netflix's migration, the number of support tickets has decreased."],
    [
      "benefit",
      "Among other improvements, the new design leaves more space for content and includes new typefaces for better readability.",
    ],
    [
      "benefit",
      "It is now easier for the on-call engineer and the developers to find the associated logs and traces.",
    ],
    [
      "benefit",
      "Teams who want to move their data no longer need to learn and write customized Stream Processing jobs.",
    ],
    [
      "benefit",
      "This is great for sites with lots of static content, as it greatly reduces memory consumption.",
    ],
    [
      "benefit",
      "Hugo has added some details to the .Err object you get when resources.GetRemote fails, which can be useful when debugging errrors.",
    ],
    // What is spared; "there is a way to" says a way exists, it defines no word.
    [
      "benefit",
      "There is a way to download large files and save them without using unnecessary RAM.",
    ],
    ["benefit", "Thoughtbot can reuse the same byte array and never have to allocate more space."],
    [
      "benefit",
      "By crowdsourcing mechanical tasks such as annotation, students are free to focus on data collection and analysis.",
    ],
    [
      "benefit",
      "The dynamic namespace design lets artists see a subset of assets and is one of the benefits of using Netflix Drive.",
    ],
  ])("%s: %s", (role, sentence) => {
    expect(whyRole(sentence)).toBe(role);
  });

  it.each([
    "Netflix Drive relies on a data store that will be the persistent storage layer for assets.",
    // A goal with its result is an outcome, a crash with its fix too.
    "The team wanted to cut build times and brought them down from 31 to 14 minutes.",
    "The new allocator no longer crashed on devices with 1GB of RAM.",
    "The outage fell from hours to 90 seconds.",
    "The streaming handler no longer allocates additional memory for each download.",
    "The result is a 40% smaller bill for the same traffic.",
    "Flow Exporter is a sidecar that lets teams see every TCP flow without touching the service.",
    // A measured share is the result, the failure its background (the Orbit Mobile demo feed).
    "Since the rollout, 27% of all edits have been made offline, a number nobody knew before because those edits simply failed.",
    // "Lets" is no "let's", and "better planning" no plan.
    "Meow lets you post notifications to your local machine without adjusting Growl.",
    "Average query time dropped by 18%, mostly from faster sorting and better planning of the team's partitioned tables.",
    // What follows from a change is no meaning of a word, and "you" in an idiom of expectation
    // is anyone, no advice (Hugo v0.97.0's better why was blocked by both).
    "The new sorting code means that names with accents get ordered the way you would expect.",
    "The new sorting code means, among other things, that lists come out sorted as you might expect.",
  ])("no role: %s", (sentence) => {
    expect(whyRole(sentence)).toBeUndefined();
  });
});

describe("addressUsers", () => {
  it.each([
    [
      "You can now build, edit, and submit your best block patterns to the Pattern Directory!",
      "Users can now build, edit, and submit their best block patterns to the Pattern Directory!",
    ],
    [
      "Meow lets you post notifications to your local machine without adjusting Growl.",
      "Meow lets users post notifications to their local machine without adjusting Growl.",
    ],
    [
      "With patterns, you're able to replicate complex layouts with just a few clicks.",
      "With patterns, users are able to replicate complex layouts with just a few clicks.",
    ],
    ["Netflix Drive can be installed on CentOS.", "Netflix Drive can be installed on CentOS."],
    // "their" would be the files' own PATH.
    [
      "In order to get those files to be found with dlopen, they must be in your PATH.",
      "In order to get those files to be found with dlopen, they must be in the PATH.",
    ],
    // No "you" before it to point back at: "their" would name nobody.
    [
      "The console provides management of your Amazon EC2 environment.",
      "The console provides management of users' Amazon EC2 environment.",
    ],
    // Who gains access is the reader, left unsaid: "…to users' environment" would be anyone's.
    [
      "It’s easier than ever to gain access to your Amazon EC2 environment.",
      "Users can gain access to their Amazon EC2 environment more easily than ever.",
    ],
    [
      "It is now possible to deploy your site from Git.",
      "Users can now deploy their site from Git.",
    ],
    [
      "It's important to back up your database before the upgrade.",
      "It's important for users to back up their database before the upgrade.",
    ],
    // The people the reader serves: neither "teams' users" nor a "their" that names nobody.
    [
      "That means your users can build a child theme with the Create Block Theme plugin.",
      "That means users can build a child theme with the Create Block Theme plugin.",
    ],
  ])("%s", (sentence, expected) => {
    expect(addressUsers(sentence)).toBe(expected);
  });

  it("says a lesson's reader as teams", () => {
    expect(
      addressUsers(
        "The lesson: the boring option is often the right one, as long as you measure it honestly first.",
        "teams",
      ),
    ).toBe(
      "The lesson: the boring option is often the right one, as long as teams measure it honestly first.",
    );
  });

  it.each([
    // "Their existing code…" would point back at nobody.
    "Your existing code investment is protected.",
    "Thank you to everyone who tested the release candidates.",
    "Are you ready to try the new editor today?",
    // The idiom as a noun: "users' friend" would be a slogan about nobody.
    "Meet your new friend, the profiler.",
    // Three mentions: the sentence is about the reader.
    "In 5.9, the List View lets you drag and drop your content exactly where you want it.",
  ])("no safe rewrite: %s", (sentence) => {
    expect(addressUsers(sentence)).toBeUndefined();
  });

  it('says the idiom "X are your friends" as what to reach for, told to nobody', () => {
    expect(
      addressUsers("For managing memory allocations, streams are your friends.", "teams"),
    ).toBe("For managing memory allocations, streams are the answer.");
    expect(addressUsers("When in doubt, the profiler is your best friend.")).toBe(
      "When in doubt, the profiler is the answer.",
    );
  });
});

describe("statedTakeaway", () => {
  it.each([
    [
      "If you only take away one thing from reading this post it's this: for managing memory allocations, streams are your friends.",
      "For managing memory allocations, streams are your friends.",
    ],
    [
      "The key takeaway: a remote cache is only as good as the reproducibility of the build.",
      "A remote cache is only as good as the reproducibility of the build.",
    ],
  ])("%s", (sentence, lesson) => {
    expect(statedTakeaway(sentence)).toBe(lesson);
  });

  it("finds none where no lesson is named, nothing follows the colon, or the lesson is an instruction", () => {
    // "Measure the boring option…" reads as a lesson only with its lead-in: the sentence stays whole.
    const instruction =
      "The lesson here is simple: prefer the boring option and measure it before reaching for a new one.";
    expect(statedTakeaway(instruction)).toBeUndefined();
    expect(whyRole(instruction)).toBeUndefined();
    expect(
      statedTakeaway("If you are comfortable writing a bug report: file one on Trac."),
    ).toBeUndefined();
    expect(statedTakeaway("The lesson:")).toBeUndefined();
  });

  it("judges the named lesson, not its lead-in to the reader", () => {
    expect(
      whyRole(
        "If you only take away one thing from this post, it's this: streams keep memory flat on every device.",
      ),
    ).toBeUndefined();
  });
});
