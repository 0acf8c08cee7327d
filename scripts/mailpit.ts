/**
 * The embedded mail server for development and tests: Mailpit v1.33.1 (MIT), a real SMTP server with a web inbox
 * and an HTTP API. Built once into `.tools/bin` from the Go module proxy, like FerretDB; started on free loopback
 * ports (SMTP + HTTP), stopped when the parent process goes. Production sends through SMTP_URL instead.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { freePort, repoRoot } from './ferretdb';

export const MAILPIT_VERSION = 'v1.33.1';
const MAILPIT_MODULE = 'github.com/axllent/mailpit';
/** Mailpit prints "dev" unless its release build stamps the version; we stamp it the same way. */
const VERSION_FLAG = `-ldflags=-X ${MAILPIT_MODULE}/config.Version=${MAILPIT_VERSION}`;

const toolsDir = join(repoRoot, '.tools');
export const mailpitBinary = join(toolsDir, 'bin', 'mailpit');

export class MailSetupError extends Error {}

function log(message: string) {
  process.stderr.write(`[mail] ${message}\n`);
}

function isWorkingBinary(): boolean {
  if (!existsSync(mailpitBinary)) return false;
  const result = spawnSync(mailpitBinary, ['version', '--no-release-check'], { encoding: 'utf8' });
  return result.status === 0 && result.stdout.includes(MAILPIT_VERSION);
}

function go(args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}) {
  const result = spawnSync('go', args, { cwd: options.cwd ?? repoRoot, env: { ...process.env, ...options.env }, encoding: 'utf8' });
  if (result.error) return { ok: false, output: String(result.error.message) };
  return { ok: result.status === 0, output: `${result.stdout ?? ''}${result.stderr ?? ''}`.trim() };
}

/** The fallback when `go install` fails (a proxy without the version list): build the proxy's copy of the tag. */
function buildFromModuleSource(): { ok: boolean; output: string } {
  const download = go(['mod', 'download', '-json', `${MAILPIT_MODULE}@${MAILPIT_VERSION}`]);
  if (!download.ok) return download;
  const moduleDir = (JSON.parse(download.output) as { Dir?: string }).Dir;
  if (!moduleDir) return { ok: false, output: download.output };
  const sourceDir = join(toolsDir, 'src', `mailpit-${MAILPIT_VERSION}`);
  rmSync(sourceDir, { recursive: true, force: true });
  cpSync(moduleDir, sourceDir, { recursive: true });
  spawnSync('chmod', ['-R', 'u+w', sourceDir]);
  chmodSync(sourceDir, 0o755);
  const build = go(['build', '-buildvcs=false', '-trimpath', VERSION_FLAG, '-o', mailpitBinary, '.'], { cwd: sourceDir });
  rmSync(sourceDir, { recursive: true, force: true });
  return build;
}

/** Makes sure `.tools/bin/mailpit` exists and runs; builds it on first use. */
export function ensureMailpit(): string {
  if (isWorkingBinary()) return mailpitBinary;
  if (spawnSync('go', ['version']).status !== 0) {
    throw new MailSetupError(
      `No mail server: SMTP_URL is not set and Go is not installed, so Mailpit ${MAILPIT_VERSION} cannot be built.\n` +
        '  Either install Go >= 1.22 and run the command again, or set SMTP_URL=smtp://user:pass@host:587',
    );
  }
  mkdirSync(dirname(mailpitBinary), { recursive: true });
  log(`installing Mailpit ${MAILPIT_VERSION} into .tools/bin (first run only, about a minute)…`);
  const install = go(['install', '-trimpath', VERSION_FLAG, `${MAILPIT_MODULE}@${MAILPIT_VERSION}`], {
    env: { GOBIN: dirname(mailpitBinary) },
  });
  if (install.ok && isWorkingBinary()) return mailpitBinary;
  log(`go install did not give a working binary (${install.output.split('\n')[0] ?? ''}); building the module source instead`);
  const build = buildFromModuleSource();
  if (build.ok && isWorkingBinary()) return mailpitBinary;
  throw new MailSetupError(`Could not install Mailpit ${MAILPIT_VERSION}:\n${build.output || install.output}`);
}

export interface RunningMailpit {
  /** Where the app sends: smtp://127.0.0.1:PORT (no authentication, loopback only). */
  smtpUrl: string;
  /** The web inbox and the HTTP API (`/api/v1/...`). */
  httpUrl: string;
  stop(): Promise<void>;
}

const running = new Set<ChildProcess>();
let exitHookInstalled = false;

/** Starts Mailpit on two free loopback ports, its messages in a throw-away folder, and waits until it is ready. */
export async function startMailpit(): Promise<RunningMailpit> {
  const binary = ensureMailpit();
  const smtpPort = await freePort();
  const httpPort = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'spoorboek-mailpit-'));
  if (!exitHookInstalled) {
    exitHookInstalled = true;
    process.on('exit', () => {
      for (const child of running) child.kill('SIGTERM');
    });
  }
  let output = '';
  const child = spawn(binary, [
    `--smtp=127.0.0.1:${smtpPort}`, `--listen=127.0.0.1:${httpPort}`, `--database=${join(dataDir, 'mailpit.db')}`,
    '--smtp-auth-accept-any', '--smtp-auth-allow-insecure', '--disable-version-check', '--quiet',
    `--allowed-hosts=127.0.0.1:${httpPort},localhost:${httpPort}`,
  ], { stdio: ['ignore', 'pipe', 'pipe'] });
  running.add(child);
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.on('exit', () => running.delete(child));
  const httpUrl = `http://127.0.0.1:${httpPort}`;

  async function stop() {
    if (child.exitCode === null && child.signalCode === null) {
      await new Promise<void>((done) => {
        const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
        child.once('exit', () => {
          clearTimeout(timer);
          done();
        });
        child.kill('SIGTERM');
      });
    }
    rmSync(dataDir, { recursive: true, force: true });
  }

  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      await stop();
      throw new MailSetupError(`Mailpit stopped at start (exit code ${child.exitCode}):\n${output}`);
    }
    const ready = await fetch(`${httpUrl}/readyz`).then((response) => response.ok, () => false);
    if (ready) return { smtpUrl: `smtp://127.0.0.1:${smtpPort}`, httpUrl, stop };
    await new Promise((wait) => setTimeout(wait, 100));
  }
  await stop();
  throw new MailSetupError(`Mailpit did not become ready within 30 s:\n${output}`);
}
