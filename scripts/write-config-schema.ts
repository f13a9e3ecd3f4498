// Regenerates config/gazette.schema.json from the zod schema: `npm run schema`.
import { writeFileSync } from "node:fs";
import { configJsonSchema } from "../src/config/json-schema.js";

writeFileSync(new URL("../config/gazette.schema.json", import.meta.url), configJsonSchema());
console.log("wrote config/gazette.schema.json");
