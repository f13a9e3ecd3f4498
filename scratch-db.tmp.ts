import { CompiledQuery } from "kysely";
import { seedIssue } from "./test/deliver/seed-issue.js";
const s = await seedIssue(2000);
const rows = await s.store.db.selectFrom("deliveries").select(["id", "subscriber_id", "email"]).execute();
let t = performance.now();
for (const r of rows) await s.store.deliveries.skipReasonNow(s.issue.listId, r);
console.log("skipReasonNow", ((performance.now() - t) / rows.length * 1000).toFixed(0), "µs");
t = performance.now();
for (const r of rows) await s.store.deliveries.markSent(r.id, "250 2.0.0 Ok: queued as ABCDEF", new Date());
console.log("markSent", ((performance.now() - t) / rows.length * 1000).toFixed(0), "µs");
const c = s.store.db.updateTable("deliveries").set({ status: "sent", smtp_response: "x", error: null, lease_until: null, next_attempt_at: null, sent_at: "x", updated_at: "x" }).where("id", "=", 1).compile();
t = performance.now();
for (const r of rows) await s.store.db.executeQuery(CompiledQuery.raw(c.sql, ["sent", "250 ok", null, null, null, "now", "now", r.id]));
console.log("precompiled markSent", ((performance.now() - t) / rows.length * 1000).toFixed(0), "µs");
t = performance.now();
for (let i = 0; i < rows.length; i += 10) { const ids = rows.slice(i, i + 10).map((r) => r.id); await s.store.db.updateTable("deliveries").set({ status: "sent", updated_at: "y" }).where("id", "in", ids).execute(); }
console.log("batched by 10, per row", ((performance.now() - t) / rows.length * 1000).toFixed(0), "µs");
