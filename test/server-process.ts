import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

export interface ServerProcess {
  url: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

export interface NodeProcess {
  child: ChildProcess;
  /** The first match of `ready` in the process's output. */
  ready: RegExpExecArray;
}

export interface NodeProcessOptions {
  /** Where it runs; the project root unless given. */
  cwd?: string;
  /** false: plain `node`, for built JavaScript without tsx installed. */
  typescript?: boolean;
}

/**
 * Start `node --import tsx <args>` from the project root with only the given environment (and
 * PATH), and resolve once its output matches `ready`; rejects with the output if it exits first.
 */
export async function startNodeProcess(args: string[], env: Record<string, string>, ready: RegExp, timeoutMs = 30_000, options: NodeProcessOptions = {}): Promise<NodeProcess> {
  const child = spawn(process.execPath, [...(options.typescript === false ? [] : ['--import', 'tsx']), ...args], {
    cwd: options.cwd ?? root,
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const match = await new Promise<RegExpExecArray>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${args.join(' ')} did not start in time:\n${output}`)), timeoutMs);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const found = ready.exec(output);
      if (found) {
        clearTimeout(timer);
        resolve(found);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${args.join(' ')} exited with ${code}:\n${output}`));
    });
  });
  // Keep draining output so the child never blocks on a full pipe.
  child.stdout.resume();
  child.stderr.resume();
  return { child, ready: match };
}

/**
 * Start the real server (server/main.ts) as its own process on a free loopback port, against
 * the given database. Resolves once it listens; the port is read from its startup log line.
 */
export async function startServerProcess(env: Record<string, string>, timeoutMs = 30_000): Promise<ServerProcess> {
  const dataDir = mkdtempSync(join(tmpdir(), 'portvakt-server-'));
  const { child, ready } = await startNodeProcess(
    ['server/main.ts'],
    { NODE_ENV: 'development', PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', DATA_DIR: dataDir, ...env },
    /Server listening at (http:\/\/127\.0\.0\.1:\d+)/,
    timeoutMs,
  );
  return {
    url: ready[1]!,
    child,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Sum a Prometheus counter's samples whose labels contain every given label. */
export function sumCounter(metricsText: string, name: string, labels: Record<string, string>): number {
  return metricsText
    .split('\n')
    .filter((line) => line.startsWith(`${name}{`) && Object.entries(labels).every(([k, v]) => line.includes(`${k}="${v}"`)))
    .reduce((sum, line) => sum + Number(line.slice(line.lastIndexOf(' ') + 1)), 0);
}
