/**
 * Pairs written for the project to measure near-duplicate detection: the same story told twice
 * (a cross-post with edits, a re-published post under a new URL, one launch covered by two
 * blogs), and different stories on one subject, which must stay apart.
 */
export interface StoryPair {
  name: string;
  a: { title: string; text: string };
  b: { title: string; text: string };
  isSameStory: boolean;
}

const QUEUE =
  "Our background jobs ran on a Redis list for six years, and every failover lost a handful of jobs. " +
  "We moved the queue into PostgreSQL using SELECT FOR UPDATE SKIP LOCKED, so a job is claimed and completed in the same database that holds the data it changes. " +
  "The migration took three months and was done table by table behind a feature flag. " +
  "The migration cut lost jobs to zero and reduced our on-call pages for the queue by 80% in the first month. " +
  "Throughput stayed within 5% of the Redis setup at our peak load of 4,000 jobs per second.";

const FLAKES =
  "Flaky tests were failing one in five of our CI runs and engineers had started to ignore red builds. " +
  "We built a quarantine that reruns a failing test in isolation and files a ticket with its owner when it passes on retry. " +
  "Quarantined tests still run on every build, but their result no longer blocks a merge. " +
  "Within six weeks the share of red builds caused by flakes fell from 21% to 3%, and trust in CI came back.";

const LAUNCH_A =
  "Today we are releasing Llama 4 Scout and Llama 4 Maverick, the first open-weight natively multimodal models with a mixture-of-experts architecture. " +
  "Scout has 17 billion active parameters and 16 experts and fits on a single H100 GPU. " +
  "Maverick has 17 billion active parameters and 128 experts and beats comparable models on coding and reasoning benchmarks. " +
  "Both models are available to download today.";

const LAUNCH_B =
  "Meta's Llama 4 Scout and Llama 4 Maverick models are now available on Hugging Face. " +
  "The two models use a mixture-of-experts design with 17B active parameters; Scout uses 16 experts and Maverick 128. " +
  "You can run Scout on one GPU with int4 quantization, and both work with transformers and text generation inference from day one. " +
  "This post shows how to load them and what the context window of 10M tokens means in practice.";

export const STORY_PAIRS: StoryPair[] = [
  {
    name: "a cross-post with an edited intro and ending",
    a: { title: "Moving our job queue onto PostgreSQL", text: QUEUE },
    b: {
      title: "Moving our job queue onto PostgreSQL (cross-posted from the Acme blog)",
      text: `This post first appeared on the Acme engineering blog. ${QUEUE.replace("six years", "nearly six years")} Thanks to the platform team for reviewing the rollout.`,
    },
    isSameStory: true,
  },
  {
    name: "a re-published post under a new URL and a new title",
    a: { title: "How we quarantined flaky tests without hiding real bugs", text: FLAKES },
    b: {
      title: "Quarantining flaky tests: a year later",
      text: FLAKES.replace("six weeks", "6 weeks"),
    },
    isSameStory: true,
  },
  {
    name: "one launch covered by two blogs",
    a: { title: "The Llama 4 herd: Llama 4 Scout and Llama 4 Maverick", text: LAUNCH_A },
    b: { title: "Welcome Llama 4 Maverick & Scout on Hugging Face", text: LAUNCH_B },
    isSameStory: true,
  },
  {
    name: "one release announced twice, title-only",
    a: { title: "PostgreSQL 18 Released!", text: "" },
    b: { title: "PostgreSQL 18 released", text: "" },
    isSameStory: true,
  },
  {
    name: "two posts on one subject, different stories",
    a: { title: "Moving our job queue onto PostgreSQL", text: QUEUE },
    b: {
      title: "Why we moved our job queue off PostgreSQL",
      text:
        "Our job queue lived in PostgreSQL for four years, and at 20,000 jobs per second vacuum could no longer keep up with the dead rows. " +
        "We moved the queue to a dedicated Kafka cluster and kept PostgreSQL for the data the jobs change. " +
        "Replication lag on the primary fell from minutes to under a second, and autovacuum stopped running all day.",
    },
    isSameStory: false,
  },
  {
    name: "two releases of one project",
    a: { title: "PostgreSQL 18 Released!", text: "" },
    b: { title: "PostgreSQL 17 Released!", text: "" },
    isSameStory: false,
  },
  {
    name: "two models from one lab",
    a: { title: "The Llama 4 herd: Llama 4 Scout and Llama 4 Maverick", text: LAUNCH_A },
    b: {
      title: "Llama 3.2: small and multimodal models for edge devices",
      text:
        "Llama 3.2 brings vision models of 11 and 90 billion parameters and text models of 1 and 3 billion parameters that run on phones. " +
        "The small models support a context of 128K tokens and were pruned and distilled from larger Llama models. " +
        "They are available today on our website and through our partners.",
    },
    isSameStory: false,
  },
  {
    name: "two posts of one series",
    a: { title: "Data Mesh at Netflix, part 1: the platform", text: FLAKES },
    b: { title: "Data Mesh at Netflix, part 2: the connectors", text: QUEUE },
    isSameStory: false,
  },
];
