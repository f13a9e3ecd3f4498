import { z } from "zod";

/** A config key that names an environment variable (`apiKeyEnv`, `secretEnv`…): secrets stay out of the file. */
export const EnvName = z
  .string()
  .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, "must be an environment variable's name");
