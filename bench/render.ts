// Render once, personalise late: `npm run bench:render`.
// One 20-article issue compiled once and filled for 100,000 recipients, against the naive way
// (Handlebars + a full MJML compile per recipient) for 100 recipients.
import { performance } from "node:perf_hooks";
import { preferencesUrl, unsubscribeUrl } from "../src/audience/links.js";
import {
  type IssueModel,
  loadTemplates,
  type Recipient,
  renderIssue,
} from "../src/render/index.js";
import { escapeHtml, joinDocument, RecipientSlots } from "../src/render/recipient-slots.js";
import { renderVariant } from "../src/render/render-variant.js";

const RECIPIENTS = 100_000;
const NAIVE_RECIPIENTS = 100;
const GOAL_MICROSECONDS = 50;
const BASE_URL = "https://news.example.org";
const KEY = { id: "k1", secret: "bench-secret-bench-secret-bench-secret" };

function buildIssue(): IssueModel {
  const categories = ["Infrastructure", "Databases", "AI", "Mobile", "Data Engineering"];
  return {
    newsletter: {
      name: "Gazette Bench",
      baseUrl: BASE_URL,
      language: "en",
      postalAddress: "Gazette, 1 Example Street, Springfield",
    },
    list: { id: "weekly", name: "Engineering Weekly" },
    issue: {
      number: 7,
      periodStart: new Date("2026-11-16T00:00:00Z"),
      periodEnd: new Date("2026-11-23T00:00:00Z"),
      webUrl: `${BASE_URL}/archive/weekly/7.html`,
    },
    articles: Array.from({ length: 20 }, (_, i) => ({
      id: i + 1,
      title: `How we cut p99 latency of the payments API from 480 ms to 95 ms, part ${i + 1}`,
      url: `https://blog.example.com/2026/11/${i + 1}/p99-latency-payments-api`,
      source: ["Northwind Engineering", "Lumen Labs", "Quarry Data", "Orbit Mobile"][
        i % 4
      ] as string,
      publishedAt: new Date(Date.UTC(2026, 10, 22 - (i % 7))),
      category: categories[i % categories.length] as string,
      readMinutes: 3 + (i % 9),
      summary:
        "The team traced slow payment confirmations to connection-pool starvation under bursty load, then reworked pooling, retries and timeouts across three services.",
      why: "Pool sizing and retry budgets are where most tail latency hides: the fixes took a week, needed no new hardware, and cut p99 by a factor of five.",
      tags: ["performance", "postgres", "reliability", "backend"],
    })),
  };
}

function recipient(i: number): Recipient {
  return {
    email: `reader${i}@example.com`,
    name: i % 3 === 0 ? undefined : `Reader ${i}`,
    unsubscribeUrl: unsubscribeUrl(BASE_URL, KEY, 1, i),
    preferencesUrl: preferencesUrl(BASE_URL, KEY, 1, i),
  };
}

const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MiB`;
const model = buildIssue();
const options = {
  templatesDir: "templates",
  subjectTemplate: "{{newsletter.name}} #{{issue.number}}",
};

// Render once: the compile, then the fills (from a pool of recipients whose links are signed).
const pool = Array.from({ length: 1000 }, (_, i) => recipient(i));
const start = performance.now();
const compiled = await renderIssue(model, options);
const compiledAt = performance.now();
let bytes = 0;
for (let i = 0; i < RECIPIENTS; i++) {
  const message = compiled.fill(pool[i % pool.length] as Recipient);
  bytes += message.html.length + message.text.length;
}
const filledAt = performance.now();
// Signing each recipient's two links is the rest of the per-recipient work of a send.
for (let i = 0; i < RECIPIENTS; i++) bytes += recipient(i).unsubscribeUrl.length;
const end = performance.now();
const fillMicroseconds = ((filledAt - compiledAt) * 1000) / RECIPIENTS;
const signMicroseconds = ((end - filledAt) * 1000) / RECIPIENTS;
const peakRss = process.resourceUsage().maxRSS * 1024;

// The naive way: the whole template and MJML run again for every recipient.
const theme = await loadTemplates(options.templatesDir);
const naiveStart = performance.now();
for (let i = 0; i < NAIVE_RECIPIENTS; i++) {
  const slots = new RecipientSlots();
  const variant = await renderVariant(theme, model, slots);
  bytes += joinDocument(variant.html, slots.values(recipient(i), escapeHtml)).length;
}
const naiveMicroseconds = ((performance.now() - naiveStart) * 1000) / NAIVE_RECIPIENTS;

console.log(
  `Issue: ${model.articles.length} articles, ${compiled.size.htmlBytes} bytes of HTML (budget ${compiled.size.maxHtmlBytes})`,
);
console.log(`Compile once: ${(compiledAt - start).toFixed(0)} ms (MJML load included)`);
console.log(
  `Per recipient: fill ${fillMicroseconds.toFixed(1)} µs (goal ≤ ${GOAL_MICROSECONDS} µs), plus ${signMicroseconds.toFixed(1)} µs to sign its two links`,
);
console.log(
  `Total: ${((end - start) / 1000).toFixed(2)} s for ${RECIPIENTS.toLocaleString("en")} recipients · peak RSS ${mib(peakRss)}`,
);
console.log(
  `Naive (full MJML compile per recipient, ${NAIVE_RECIPIENTS} recipients): ${(naiveMicroseconds / 1000).toFixed(1)} ms per recipient — ${Math.round(naiveMicroseconds / fillMicroseconds).toLocaleString("en")}× slower`,
);
console.log(`(${(bytes / 1024 / 1024).toFixed(0)} MiB of messages built)`);
if (fillMicroseconds > GOAL_MICROSECONDS) process.exitCode = 1;
