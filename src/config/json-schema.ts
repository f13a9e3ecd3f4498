import { z } from "zod";
import { Config } from "./schema.js";

/** The JSON Schema of gazette.yaml, for editor autocompletion (config/gazette.schema.json). */
export function configJsonSchema(): string {
  const schema = z.toJSONSchema(Config, { io: "input", unrepresentable: "any" });
  return `${JSON.stringify({ ...schema, title: "Gazette configuration" }, null, 2)}\n`;
}
