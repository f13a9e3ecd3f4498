import { type ChildProcess, spawn } from "node:child_process";
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  symlinkSync,
  unlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { ROOT } from "../helpers/cli.js";

// scripts/test-setup.sh run with a PATH of stub commands in a temp dir: a stub apt-get that logs
// its arguments and "installs" a package by writing its command, stubs for id/sudo and the
// PostgreSQL tools, and the few real tools the script needs. A real process (flock) holds the fake
// dpkg lock, which the script finds in /proc/locks as it would find apt-get's.

const SCRIPT = path.join(ROOT, "scripts/test-setup.sh");
// Real commands the script runs, linked into the stub PATH.
const REAL = ["bash", "env", "cat", "stat", "sleep"];
// What each Debian package puts on the PATH (dovecot goes to sbin).
const PROVIDES: Record<string, string> = {
  chromium: "bin/chromium",
  spamassassin: "bin/spamassassin",
  "dovecot-imapd": "sbin/dovecot",
  postgresql: "bin/pg_isready bin/psql bin/pg_lsclusters",
};

interface World {
  dir: string;
  log: () => string[];
  lock: string;
}

interface WorldOptions {
  /** Commands present from the start: chromium, spamassassin, dovecot, postgresql. */
  present: string[];
  uid?: number;
  sudo?: boolean;
  /** apt-get on the PATH (Debian, Ubuntu); default true. */
  apt?: boolean;
  /** PostgreSQL answering, and the database `test` existing. */
  pgUp?: boolean;
  database?: boolean;
}

function script(file: string, body: string): void {
  writeFileSync(file, `#!/bin/bash\n${body}\n`);
  chmodSync(file, 0o755);
}

function makeWorld(options: WorldOptions): World {
  const dir = mkdtempSync(path.join(tmpdir(), "gazette-test-setup-"));
  for (const sub of ["bin", "sbin", "state"]) mkdirSync(path.join(dir, sub));
  const bin = path.join(dir, "bin");
  const state = path.join(dir, "state");
  const log = path.join(dir, "calls.log");
  writeFileSync(log, "");
  for (const name of REAL) symlinkSync(which(name), path.join(bin, name));
  const logCall = `echo "\${0##*/} $*" >> ${log}`;
  const provide = (pkg: string) => {
    for (const file of (PROVIDES[pkg] ?? "").split(" ")) script(path.join(dir, file), "exit 0");
  };
  for (const command of options.present) provide(command === "dovecot" ? "dovecot-imapd" : command);
  if (options.present.includes("postgresql")) {
    script(path.join(bin, "pg_isready"), `[ -e ${state}/pg-up ]`);
    script(path.join(bin, "psql"), `[ -e ${state}/pg-up ] && [ -e ${state}/db-test ]`);
    script(path.join(bin, "pg_lsclusters"), 'echo "15 main 5432 down postgres /x /y"');
  }
  script(path.join(bin, "pg_ctlcluster"), `${logCall}\ntouch ${state}/pg-up`);
  script(path.join(bin, "createdb"), `${logCall}\ntouch ${state}/db-test`);
  script(
    path.join(bin, "runuser"),
    `${logCall}\nwhile [ "$1" != -- ]; do shift; done\nshift\n"$@"`,
  );
  script(path.join(bin, "touch"), `: > "$1"`);
  script(path.join(bin, "id"), `echo ${options.uid ?? 0}`);
  if (options.sudo) script(path.join(bin, "sudo"), `${logCall}\n[ "$1" = -n ] && shift\n"$@"`);
  // apt-get: logs, and "installs" each package named after `install` by writing its commands.
  script(
    path.join(bin, "apt-get"),
    `${logCall}
installing=false
for arg in "$@"; do
  if [ "$arg" = install ]; then installing=true; continue; fi
  if [ "$installing" = true ] && [ "\${arg#-}" = "$arg" ]; then
    case "$arg" in
${Object.entries(PROVIDES)
  .map(
    ([pkg, files]) =>
      `      ${pkg}) for f in ${files}; do printf '#!/bin/bash\\nexit 0\\n' > ${dir}/$f; chmod 755 ${dir}/$f 2>/dev/null || true; done ;;`,
  )
  .join("\n")}
    esac
  fi
done`,
  );
  // chmod for the apt-get stub's files.
  symlinkSync(which("chmod"), path.join(bin, "chmod"));
  if (options.apt === false) unlinkSync(path.join(bin, "apt-get"));
  if (options.pgUp ?? true) writeFileSync(path.join(state, "pg-up"), "");
  if (options.database ?? true) writeFileSync(path.join(state, "db-test"), "");
  const lock = path.join(dir, "lock-frontend");
  writeFileSync(lock, "");
  return {
    dir,
    lock,
    log: () => readFileSync(log, "utf8").split("\n").filter(Boolean),
  };
}

function which(name: string): string {
  for (const folder of (process.env.PATH ?? "").split(":")) {
    const file = path.join(folder, name);
    if (existsSync(file)) return file;
  }
  throw new Error(`${name} is not on the PATH`);
}

interface Run {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  done: Promise<number | null>;
}

function runSetup(world: World, env: Record<string, string> = {}): Run {
  const child = spawn("bash", [SCRIPT], {
    env: {
      PATH: path.join(world.dir, "bin"),
      GAZETTE_TEST_SETUP_LOCKS: world.lock,
      GAZETTE_TEST_SETUP_SBIN: path.join(world.dir, "sbin"),
      GAZETTE_TEST_SETUP_POLL: "0.05",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout?.on("data", (chunk: Buffer) => {
    stdout += chunk;
  });
  child.stderr?.on("data", (chunk: Buffer) => {
    stderr += chunk;
  });
  const done = new Promise<number | null>((resolve) => child.on("close", (code) => resolve(code)));
  return { child, stdout: () => stdout, stderr: () => stderr, done };
}

/** Holds `file` locked (flock) until released; resolves once the lock is taken. */
async function holdLock(file: string): Promise<{ pid: number; release: () => Promise<void> }> {
  const holder = spawn("flock", [file, "-c", "echo locked; read line"], {
    stdio: ["pipe", "pipe", "inherit"],
  });
  holders.push(holder);
  await new Promise<void>((resolve) => holder.stdout.once("data", () => resolve()));
  return {
    pid: holder.pid as number,
    release: async () => {
      const exited = new Promise((resolve) => holder.on("exit", resolve));
      holder.stdin.end("\n");
      await exited;
    },
  };
}

const holders: ChildProcess[] = [];
afterEach(() => {
  for (const holder of holders.splice(0)) if (holder.exitCode === null) holder.kill();
});

describe("scripts/test-setup.sh", () => {
  it("does nothing and says nothing when everything is there", async () => {
    const world = makeWorld({ present: ["chromium", "spamassassin", "dovecot", "postgresql"] });
    const run = runSetup(world);
    expect(await run.done, run.stderr()).toBe(0);
    expect(run.stdout()).toBe("");
    expect(world.log()).toEqual([]);
  });

  it("as root, installs what is missing (dovecot-imapd for the IMAP tests among it)", async () => {
    const world = makeWorld({ present: ["spamassassin", "postgresql"] });
    const run = runSetup(world);
    expect(await run.done, run.stderr()).toBe(0);
    expect(run.stdout()).toContain("installing chromium dovecot-imapd");
    expect(world.log()).toEqual([
      "apt-get -q -o DPkg::Lock::Timeout=600 update -qq",
      "apt-get -q -o DPkg::Lock::Timeout=600 install -y -qq chromium dovecot-imapd",
    ]);
    expect(existsSync(path.join(world.dir, "sbin/dovecot"))).toBe(true);
    expect(existsSync(path.join(world.dir, "bin/chromium"))).toBe(true);
  });

  it("waits for a busy dpkg lock, saying who holds it, and installs once it is free", async () => {
    const world = makeWorld({ present: ["chromium", "dovecot", "postgresql"] });
    const holder = await holdLock(world.lock);
    const run = runSetup(world);
    await new Promise<void>((resolve) => {
      const check = () => (run.stdout().includes("waiting") ? resolve() : undefined);
      run.child.stdout?.on("data", check);
      check();
    });
    expect(run.stdout()).toContain(
      `waiting for apt/dpkg (up to 600 s): ${world.lock} ${holder.pid} (flock) holds the lock`,
    );
    expect(run.child.exitCode).toBeNull();
    expect(world.log()).toEqual([]);

    await holder.release();
    expect(await run.done, run.stderr()).toBe(0);
    expect(run.stdout()).toMatch(/apt\/dpkg is free after \d+ s/);
    expect(world.log()).toEqual([
      "apt-get -q -o DPkg::Lock::Timeout=600 update -qq",
      "apt-get -q -o DPkg::Lock::Timeout=600 install -y -qq spamassassin",
    ]);
  });

  it("reads a lock table with short or odd lines as nobody's lock (it stopped on them before)", async () => {
    const world = makeWorld({ present: ["chromium", "dovecot", "postgresql"] });
    const table = path.join(world.dir, "locks");
    writeFileSync(table, "1: FLOCK  ADVISORY\n2: -> POSIX\n3:\n");
    const run = runSetup(world, { GAZETTE_TEST_SETUP_PROC_LOCKS: table });
    expect(await run.done, run.stderr()).toBe(0);
    expect(world.log()).toEqual([
      "apt-get -q -o DPkg::Lock::Timeout=600 update -qq",
      "apt-get -q -o DPkg::Lock::Timeout=600 install -y -qq spamassassin",
    ]);
  });

  it("gives up after the timeout, naming the holder and the command to run later", async () => {
    const world = makeWorld({ present: ["chromium", "dovecot", "postgresql"] });
    const holder = await holdLock(world.lock);
    const run = runSetup(world, { GAZETTE_TEST_SETUP_LOCK_TIMEOUT: "0" });
    expect(await run.done).toBe(1);
    expect(run.stderr()).toContain(
      `apt/dpkg is still busy after 0 s: ${world.lock} ${holder.pid} (flock) holds the lock.`,
    );
    expect(run.stderr()).toContain("when it has finished, run: apt-get install -y spamassassin");
    expect(world.log()).toEqual([]);
  });

  it("without root or sudo, names what is missing and the command that installs it", async () => {
    const world = makeWorld({ present: ["chromium", "postgresql"], uid: 1000 });
    const run = runSetup(world);
    expect(await run.done).toBe(1);
    expect(run.stderr()).toBe(
      [
        "test setup: missing: spamassassin (spam score), dovecot-imapd (IMAP tests).",
        "test setup: install with: sudo apt-get install -y spamassassin dovecot-imapd",
        "test setup: (or run the tests without them, those tests failing: npm test --ignore-scripts)",
        "",
      ].join("\n"),
    );
    expect(world.log()).toEqual([]);
  });

  it("without apt-get, names what is missing and how it is called on Debian", async () => {
    const world = makeWorld({ present: ["spamassassin", "dovecot", "postgresql"], apt: false });
    const run = runSetup(world);
    expect(await run.done).toBe(1);
    expect(run.stderr()).toContain("test setup: missing: chromium (browser checks).");
    expect(run.stderr()).toContain(
      "install them with your package manager (on Debian or Ubuntu: sudo apt-get install -y chromium)",
    );
  });

  it("with password-less sudo, installs through sudo", async () => {
    const world = makeWorld({
      present: ["chromium", "spamassassin", "postgresql"],
      uid: 1000,
      sudo: true,
    });
    const run = runSetup(world);
    expect(await run.done, run.stderr()).toBe(0);
    expect(world.log()).toEqual([
      "sudo -n true",
      "sudo -n env DEBIAN_FRONTEND=noninteractive apt-get -q -o DPkg::Lock::Timeout=600 update -qq",
      "apt-get -q -o DPkg::Lock::Timeout=600 update -qq",
      "sudo -n env DEBIAN_FRONTEND=noninteractive apt-get -q -o DPkg::Lock::Timeout=600 install -y -qq dovecot-imapd",
      "apt-get -q -o DPkg::Lock::Timeout=600 install -y -qq dovecot-imapd",
    ]);
  });

  it("starts a stopped PostgreSQL cluster and creates the database test", async () => {
    const world = makeWorld({
      present: ["chromium", "spamassassin", "dovecot", "postgresql"],
      pgUp: false,
      database: false,
    });
    const run = runSetup(world);
    expect(await run.done, run.stderr()).toBe(0);
    expect(run.stdout()).toContain("starting PostgreSQL 15 main");
    expect(run.stdout()).toContain("creating the database test");
    expect(world.log()).toEqual([
      "pg_ctlcluster --skip-systemctl-redirect 15 main start",
      "runuser -u postgres -- createdb test",
      "createdb test",
    ]);
  });

  it("says how to start PostgreSQL when it is down and it cannot start it", async () => {
    const world = makeWorld({
      present: ["chromium", "spamassassin", "dovecot", "postgresql"],
      uid: 1000,
      pgUp: false,
    });
    const run = runSetup(world);
    expect(await run.done).toBe(1);
    expect(run.stderr()).toContain(
      "PostgreSQL is not reachable at postgres://postgres@127.0.0.1:5432/test",
    );
    expect(run.stderr()).toContain("start it with: sudo pg_ctlcluster 15 main start");
    expect(world.log()).toEqual([]);
  });
});
