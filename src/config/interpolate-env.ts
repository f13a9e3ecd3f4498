// The config file's one piece of syntax inside strings: ${VAR} and ${VAR:-default} read the
// environment; "$${" stands for a literal "${" (as `$$` does in Docker Compose files), so any text
// can be written into the file and read back as it was.
const ENV_REF = /\$\$\{|\$\{([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?\}/g;

/** Replaces ${VAR} and ${VAR:-default} in every string value; reports unset variables. */
export function interpolateEnv(
  value: unknown,
  keyPath: (string | number)[],
  env: NodeJS.ProcessEnv,
  onMissing: (keyPath: (string | number)[], name: string) => void,
): unknown {
  if (typeof value === "string") {
    return value.replace(ENV_REF, (match, name: string, fallback: string | undefined) => {
      if (match === "$${") return "${";
      const found = env[name];
      if (found !== undefined && found !== "") return found;
      if (fallback !== undefined) return fallback;
      onMissing(keyPath, name);
      return "";
    });
  }
  if (Array.isArray(value))
    return value.map((item, i) => interpolateEnv(item, [...keyPath, i], env, onMissing));
  if (value && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [
        key,
        interpolateEnv(item, [...keyPath, key], env, onMissing),
      ]),
    );
  }
  return value;
}

/** `text` written so that the loader reads it back literally: every "${" becomes "$${". */
export function escapeEnvReferences(text: string): string {
  return text.replaceAll("${", () => "$${");
}

/** True when the loader would read part of `text` as an environment reference. */
export function hasEnvReference(text: string): boolean {
  return text.includes("${");
}
