import { describe, expect, it } from "vitest";
import { classifySentence } from "../../src/enrich/extractive/classify-sentence.js";

describe("classifySentence", () => {
  it.each([
    ["By Jane Doe", "boilerplate"],
    ["By Jane Doe, Staff Engineer, Payments", "boilerplate"],
    ["Posted by the Platform Reliability team", "boilerplate"],
    ["In this post we walk through how we rebuilt our deploy pipeline.", "boilerplate"],
    ["In this article, we describe the new cache layer in some detail.", "boilerplate"],
    ["Thanks to the Storage team for reviewing the rollout plan.", "boilerplate"],
    ["Special thanks to everyone who carried the pager during the migration.", "boilerplate"],
    ["Read more about our infrastructure on the engineering blog.", "boilerplate"],
    ["Subscribe to get new posts in your inbox every week.", "boilerplate"],
    ["We're hiring! If you enjoy problems like this, check out our open roles.", "boilerplate"],
    ["Join us and help build the future of payments infrastructure.", "boilerplate"],
    ["Follow us on social media for more stories from our team.", "boilerplate"],
    [
      "Scaling our queues was originally published in Example Engineering on Medium, where people are continuing the conversation.",
      "boilerplate",
    ],
    ["The rollout had three steps, each behind its own flag:", "lead-in"],
    ["Figure 2: request latency before and after the change", "caption"],
    ["Results", "short"],
    ["Why connection counts matter", "short"],
    ["How we rebuilt the notification pipeline from scratch in Go", "heading"],
    ["Why did it take so long to notice the lag on the consumer?", "question"],
    ["SET statement_timeout = '5s'; SELECT pg_advisory_lock(42);", "code"],
    ["const pool = new Pool({ max: 20 }); await pool.query(sql);", "code"],
    ["By moving reads to replicas, we cut the load on the primary by half.", "content"],
    ["By Kubernetes standards, our cluster of forty nodes is small.", "content"],
    ["Right-sizing cut our monthly compute bill by 41%, roughly $1.2M a year.", "content"],
    ["We call client.close() once per request, which keeps the pool healthy.", "content"],
    ["Latency fell by half, thanks to the new cache in front of the API.", "content"],
    ["Credit card fraud dropped sharply after we added device checks.", "content"],
    ["We wanted to learn more about how our users search the docs.", "content"],
  ])("%s → %s", (sentence, kind) => {
    expect(classifySentence(sentence)).toBe(kind);
  });
});
