import { sendIssue } from "./src/deliver/index.js";
import type { Mailer } from "./src/deliver/types.js";
import { seedIssue, sendInput } from "./test/deliver/seed-issue.js";
import { readFileSync } from "node:fs";
const F = process.argv[2]!;
const html = readFileSync(F, "utf8").repeat(3);
for (const mode of ["noop-build", "noop"]) {
  const seeded = await seedIssue(2000);
  const mailer: Mailer = { send: async () => ({ messageId: "", response: "" }), sendRaw: async (m) => ({ messageId: m.messageId, response: "250 ok" }), close: async () => {} };
  const t = performance.now();
  const r = await sendIssue(sendInput(seeded, mailer, { now: () => new Date(), fill: (rc) => ({ subject: "s", html: mode === "noop" ? "x" : html.replace("</body>", rc.unsubscribeUrl + "</body>"), text: "hello\n" }), options: { concurrency: 10, batchSize: 100 } }));
  console.log(mode, r.sent, ((performance.now() - t) / r.sent).toFixed(3), "ms/msg");
}
