import { createQuotedPrintableEncoder } from "./src/deliver/qp-encode.js";
import { readFileSync } from "node:fs";
const html = readFileSync("/tmp/gz-dbg-7f87E2/data/issues/weekly/1.html", "utf8").repeat(3);
const enc = createQuotedPrintableEncoder();
const lines = html.split("\n"); console.log(lines.length, "lines", html.length);
for (let k = 0; k < 3; k++) { const t = performance.now(); let n = 0; for (let i = 0; i < 1000; i++) n += enc(html.replace("</body>", "x" + i + "</body>")).length; console.log(((performance.now() - t) / 1000).toFixed(3), "ms per body"); }
for (let k = 0; k < 3; k++) { const t = performance.now(); let n = 0; for (let i = 0; i < 1000; i++) n += html.replace("</body>", "x" + i + "</body>").split("\n").join("\r\n").length; console.log(((performance.now() - t) / 1000).toFixed(3), "ms split/join only"); }
