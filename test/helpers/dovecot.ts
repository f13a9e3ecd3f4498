import { type ChildProcess, spawn } from "node:child_process";
import { chmodSync, chownSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir, userInfo } from "node:os";
import path from "node:path";

/** A real Dovecot IMAP server with a throw-away config and maildir, on a free loopback port. */
export interface TestImapServer {
  host: string;
  port: number;
  user: string;
  password: string;
  dir: string;
  stop(): Promise<void>;
}

const DOVECOT = process.env.GAZETTE_TEST_DOVECOT ?? "/usr/sbin/dovecot";

/** Starts Dovecot (Debian's dovecot-imapd; scripts/test-setup.sh installs it) for one test file. */
export async function startDovecot(): Promise<TestImapServer> {
  const dir = mkdtempSync(path.join(tmpdir(), "gazette-imap-"));
  const port = await freePort();
  const user = "bounces";
  const password = "test-password";
  const isRoot = process.getuid?.() === 0;
  // As root, Dovecot refuses to keep mail as uid 0: it runs everything as its own `dovecot` user.
  const owner = isRoot ? "dovecot" : userInfo().username;
  for (const sub of ["run", "mail", "home"]) mkdirSync(path.join(dir, sub));
  if (isRoot) {
    const { uid, gid } = await idsOf(owner);
    for (const sub of ["mail", "home"]) chownSync(path.join(dir, sub), uid, gid);
    chmodSync(dir, 0o755);
  }
  writeFileSync(path.join(dir, "passwd"), `${user}:{PLAIN}${password}::::::\n`);
  const config = `
base_dir = ${dir}/run
state_dir = ${dir}/run
instance_name = gazette-test-${port}
log_path = /dev/stderr
protocols = imap
listen = 127.0.0.1
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
mail_location = maildir:${dir}/mail/%u
default_internal_user = ${owner}
default_login_user = ${owner}
first_valid_uid = 0
passdb {
  driver = passwd-file
  args = ${dir}/passwd
}
userdb {
  driver = static
  args = uid=${owner} gid=${isRoot ? "dovecot" : owner} home=${dir}/home/%u
}
service imap-login {
  inet_listener imap {
    address = 127.0.0.1
    port = ${port}
  }
  inet_listener imaps {
    port = 0
  }
}
service anvil {
  chroot =
}
service imap-login {
  chroot =
}
protocol imap {
  mail_max_userip_connections = 50
}
`;
  writeFileSync(path.join(dir, "dovecot.conf"), config);
  const child = spawn(DOVECOT, ["-F", "-c", path.join(dir, "dovecot.conf")], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  await started(child);
  return {
    host: "127.0.0.1",
    port,
    user,
    password,
    dir,
    stop: () => stopped(child),
  };
}

function started(child: ChildProcess): Promise<void> {
  return new Promise((resolve, reject) => {
    let log = "";
    const onData = (chunk: Buffer) => {
      log += chunk.toString();
      // Dovecot logs this once its listeners are open.
      if (/starting up/.test(log)) resolve();
    };
    child.stderr?.on("data", onData);
    child.stdout?.on("data", onData);
    child.once("exit", (code) => reject(new Error(`dovecot exited (${code}):\n${log}`)));
    child.once("error", reject);
  });
}

function stopped(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once("exit", () => resolve());
    child.kill("SIGTERM");
  });
}

/** A port the kernel says is free now (Dovecot cannot be given port 0). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function idsOf(name: string): Promise<{ uid: number; gid: number }> {
  const { readFileSync } = await import("node:fs");
  const line = readFileSync("/etc/passwd", "utf8")
    .split("\n")
    .find((entry) => entry.startsWith(`${name}:`));
  const [, , uid, gid] = line?.split(":") ?? [];
  if (uid === undefined || gid === undefined) throw new Error(`no user ${name}`);
  return { uid: Number(uid), gid: Number(gid) };
}
