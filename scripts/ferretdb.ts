/**
 * The embedded database: FerretDB v1.24.2 with its SQLite backend, for `npm start` and the tests when no
 * MONGODB_URI is given (docs/design.md §6). Installed into `.tools/bin` on first use, started on a free loopback
 * port, stopped when the parent process goes.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, chmodSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MongoClient } from 'mongodb';

export const FERRETDB_VERSION = 'v1.24.2';
const FERRETDB_MODULE = 'github.com/FerretDB/FerretDB';
const FERRETDB_COMMIT = 'cda72d440810406a208c4670aa7047f5bc8d528f'; // tag v1.24.2

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const toolsDir = join(repoRoot, '.tools');
export const ferretdbBinary = join(toolsDir, 'bin', 'ferretdb');

export class DatabaseSetupError extends Error {}

function log(message: string) {
  process.stderr.write(`[database] ${message}\n`);
}

function isWorkingBinary(): boolean {
  if (!existsSync(ferretdbBinary)) return false;
  const result = spawnSync(ferretdbBinary, ['--version'], { encoding: 'utf8' });
  return result.status === 0 && result.stdout.includes(FERRETDB_VERSION);
}

function hasGo(): boolean {
  return spawnSync('go', ['version'], { encoding: 'utf8' }).status === 0;
}

function go(args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}) {
  const result = spawnSync('go', args, {
    cwd: options.cwd ?? repoRoot,
    env: { ...process.env, ...options.env },
    encoding: 'utf8',
  });
  return { ok: result.status === 0, output: `${result.stdout ?? ''}${result.stderr ?? ''}`.trim() };
}

/**
 * The plain `go install …@v1.24.2` is tried first. A module proxy that refuses the version list (needed for the
 * deprecation check) or a module copy without the generated `build/version/version.txt` (FerretDB then panics at
 * start) makes it fail; the fallback builds the same tagged module from the proxy's copy, adding the version files
 * that FerretDB's own release task would generate.
 */
function buildFromModuleSource(): { ok: boolean; output: string } {
  const download = go(['mod', 'download', '-json', `${FERRETDB_MODULE}@${FERRETDB_VERSION}`]);
  if (!download.ok) return download;
  const moduleDir = (JSON.parse(download.output) as { Dir?: string }).Dir;
  if (!moduleDir) return { ok: false, output: download.output };

  const sourceDir = join(toolsDir, 'src', `ferretdb-${FERRETDB_VERSION}`);
  rmSync(sourceDir, { recursive: true, force: true });
  cpSync(moduleDir, sourceDir, { recursive: true });
  makeWritable(sourceDir);
  writeFileSync(join(sourceDir, 'build/version/version.txt'), `${FERRETDB_VERSION}\n`);
  writeFileSync(join(sourceDir, 'build/version/commit.txt'), `${FERRETDB_COMMIT}\n`);
  const build = go(['build', '-buildvcs=false', '-trimpath', '-o', ferretdbBinary, './cmd/ferretdb'], {
    cwd: sourceDir,
  });
  rmSync(sourceDir, { recursive: true, force: true });
  return build;
}

function makeWritable(dir: string) {
  spawnSync('chmod', ['-R', 'u+w', dir]);
  chmodSync(dir, 0o755);
}

/** Makes sure `.tools/bin/ferretdb` exists and runs; installs it on first use. */
export function ensureFerretdb(): string {
  if (isWorkingBinary()) return ferretdbBinary;
  if (!hasGo()) {
    throw new DatabaseSetupError(
      'No database available: MONGODB_URI is not set and Go is not installed, so the embedded FerretDB ' +
        `${FERRETDB_VERSION} cannot be built.\n` +
        '  Either install Go >= 1.22 (https://go.dev/doc/install) and run the command again,\n' +
        '  or point Spoorboek at a MongoDB 7+ server: MONGODB_URI=mongodb://localhost:27017/spoorboek npm start',
    );
  }
  mkdirSync(dirname(ferretdbBinary), { recursive: true });
  log(`installing FerretDB ${FERRETDB_VERSION} into .tools/bin (first run only, about a minute)…`);
  const install = go(['install', `${FERRETDB_MODULE}/cmd/ferretdb@${FERRETDB_VERSION}`], {
    env: { GOBIN: dirname(ferretdbBinary) },
  });
  if (install.ok && isWorkingBinary()) return ferretdbBinary;
  log(`go install did not give a working binary (${firstLine(install.output) || 'binary does not start'}); ` +
    'building the tagged module source instead');
  const build = buildFromModuleSource();
  if (build.ok && isWorkingBinary()) return ferretdbBinary;
  throw new DatabaseSetupError(`Could not install FerretDB ${FERRETDB_VERSION}:\n${build.output || install.output}`);
}

function firstLine(text: string) {
  return text.split('\n')[0]?.trim() ?? '';
}

export async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => {
        if (address && typeof address === 'object') resolvePort(address.port);
        else reject(new Error('no port'));
      });
    });
  });
}

export interface RunningFerretdb {
  /** Connection string without a database name. */
  uri: string;
  port: number;
  dataDir: string;
  stop(): Promise<void>;
  /** Starts the same instance again (same port, same data), e.g. after a simulated outage. */
  restart(): Promise<void>;
  /** The current process id (tests stall or kill it). */
  pid(): number | undefined;
  /** True once the supervisor stopped trying to bring the database back. */
  gaveUp(): boolean;
}

export interface Supervision {
  /** Restarts in a row that may fail (or die within `stableMs`) before the supervisor gives up. */
  maxRestarts?: number;
  /** Back-off before the first restart; doubles per failed attempt up to `maxDelayMs`. */
  initialDelayMs?: number;
  maxDelayMs?: number;
  /** A process that ran this long counts as recovered: the back-off starts over. */
  stableMs?: number;
  /** Each restart, failure and the final giving-up, for the log. */
  onEvent?: (message: string) => void;
}

const running = new Set<ChildProcess>();
const startedAt = new WeakMap<ChildProcess, number>();
const ready = new WeakSet<ChildProcess>();
let exitHookInstalled = false;

/** A last resort: whatever happens to the parent, no FerretDB outlives it. */
function installExitHook() {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on('exit', () => {
    for (const child of running) child.kill('SIGTERM');
  });
}

/**
 * Starts FerretDB on a free loopback port with its data in `dataDir` and waits until it answers a ping. With
 * `supervise`, a process that dies unasked is started again on the same port and data, with back-off, until it
 * stays up or `maxRestarts` attempts in a row failed; the app's driver reconnects by itself meanwhile.
 */
export async function startFerretdb({ dataDir, supervise }: { dataDir: string; supervise?: Supervision }): Promise<RunningFerretdb> {
  const binary = ensureFerretdb();
  const absoluteDataDir = resolve(dataDir);
  const stateDir = join(absoluteDataDir, 'state');
  mkdirSync(stateDir, { recursive: true });
  const port = await freePort();
  const uri = `mongodb://127.0.0.1:${port}/`;
  installExitHook();

  let child: ChildProcess | undefined;
  let output = '';
  let stopping = false;
  let gaveUp = false;
  let failures = 0;
  let restartTimer: NodeJS.Timeout | undefined;
  const report = supervise?.onEvent ?? log;

  async function start() {
    output = '';
    child = spawn(
      binary,
      [
        '--handler=sqlite',
        `--sqlite-url=file:${absoluteDataDir}/`,
        `--listen-addr=127.0.0.1:${port}`,
        `--state-dir=${stateDir}`,
        '--debug-addr=-',
        '--telemetry=disable',
        '--log-level=warn',
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    const current = child;
    startedAt.set(current, Date.now());
    running.add(current);
    current.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    current.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    current.on('exit', (code, signal) => {
      running.delete(current);
      // Only a process that was up: one that dies while starting is the restart's own failure.
      if (supervise && !stopping && child === current && ready.has(current)) onUnaskedExit(current, code, signal);
    });
    await waitUntilReady(uri, current, () => output);
    ready.add(current);
  }

  /** The supervisor: a process that died unasked is started again after a back-off. */
  function onUnaskedExit(current: ChildProcess, code: number | null, signal: NodeJS.Signals | null) {
    child = undefined;
    const ranMs = Date.now() - (startedAt.get(current) ?? 0);
    if (ranMs >= (supervise?.stableMs ?? 60_000)) failures = 0;
    scheduleRestart(`FerretDB stopped unexpectedly (${signal ?? `exit code ${code}`})`);
  }

  function scheduleRestart(why: string) {
    const maxRestarts = supervise?.maxRestarts ?? 8;
    if (failures >= maxRestarts) {
      gaveUp = true;
      report(`${why}; gave up after ${failures} restart(s) in a row — the database stays down`);
      return;
    }
    const delay = Math.min((supervise?.initialDelayMs ?? 250) * 2 ** failures, supervise?.maxDelayMs ?? 10_000);
    failures += 1;
    report(`${why}; restarting it in ${delay} ms (attempt ${failures} of ${maxRestarts})`);
    restartTimer = setTimeout(() => {
      restartTimer = undefined;
      if (stopping) return;
      start().then(
        () => report(`FerretDB restarted on ${uri}`),
        (error: unknown) => scheduleRestart(`restart failed: ${error instanceof Error ? firstLine(error.message) : String(error)}`),
      );
    }, delay);
    restartTimer.unref();
  }

  async function stop() {
    stopping = true;
    clearTimeout(restartTimer);
    const current = child;
    child = undefined;
    if (!current || current.exitCode !== null || current.signalCode !== null) return;
    await new Promise<void>((done) => {
      const timer = setTimeout(() => current.kill('SIGKILL'), 5000);
      current.once('exit', () => {
        clearTimeout(timer);
        done();
      });
      current.kill('SIGTERM');
    });
  }

  await start();
  return {
    uri,
    port,
    dataDir: absoluteDataDir,
    stop,
    async restart() {
      await stop();
      stopping = false;
      await start();
    },
    pid: () => child?.pid,
    gaveUp: () => gaveUp,
  };
}

async function waitUntilReady(uri: string, child: ChildProcess, output: () => string) {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new DatabaseSetupError(`FerretDB stopped at start (exit code ${child.exitCode}):\n${output()}`);
    }
    const client = new MongoClient(uri, { serverSelectionTimeoutMS: 500, connectTimeoutMS: 500 });
    try {
      await client.db('admin').command({ ping: 1 });
      return;
    } catch {
      await new Promise((wait) => setTimeout(wait, 200));
    } finally {
      await client.close().catch(() => undefined);
    }
  }
  child.kill('SIGKILL');
  throw new DatabaseSetupError(`FerretDB did not answer a ping within 30 s:\n${output()}`);
}
