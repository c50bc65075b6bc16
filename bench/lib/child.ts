import { fork, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

/** The repository root: children run from here so TypeScript loading finds tsconfig.json. */
export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

export interface Child {
  name: string;
  process: ChildProcess;
  /** The last lines the child wrote, for error messages. */
  output(): string;
  /** Send a message and wait for the first answer of `type` (bounded by `timeoutMs`). */
  request<T>(message: { type: string }, answerType: string, timeoutMs?: number): Promise<T>;
  waitForMessage<T>(type: string, timeoutMs: number): Promise<T>;
  stop(): Promise<void>;
}

const live = new Set<Child>();

/** Start a TypeScript script of the repository as a child process with an IPC channel. */
export function startChild(name: string, script: string, env: Record<string, string>, extraExecArgv: string[] = []): Child {
  const proc = fork(fileURLToPath(new URL(script, new URL('../', import.meta.url))), [], {
    cwd: repoRoot,
    env,
    execArgv: ['--import', 'tsx', ...extraExecArgv],
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  const lines: string[] = [];
  const keep = (chunk: Buffer) => {
    lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
    lines.splice(0, Math.max(0, lines.length - 40));
  };
  proc.stdout?.on('data', keep);
  proc.stderr?.on('data', keep);
  const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));

  const waitForMessage = <T>(type: string, timeoutMs: number) =>
    new Promise<T>((resolve, reject) => {
      const onMessage = (message: unknown) => {
        if (typeof message === 'object' && message !== null && (message as { type?: unknown }).type === type) {
          done();
          resolve(message as T);
        }
      };
      const onExit = (code: number | null, signal: string | null) => {
        done();
        reject(new Error(`${name} exited (code ${code}, signal ${signal}) while waiting for "${type}":\n${lines.join('\n')}`));
      };
      const timer = setTimeout(() => {
        done();
        reject(new Error(`${name}: no "${type}" within ${timeoutMs} ms:\n${lines.join('\n')}`));
      }, timeoutMs);
      const done = () => {
        clearTimeout(timer);
        proc.off('message', onMessage);
        proc.off('exit', onExit);
      };
      proc.on('message', onMessage);
      proc.once('exit', onExit);
    });

  const child: Child = {
    name,
    process: proc,
    output: () => lines.join('\n'),
    waitForMessage,
    async request<T>(message: { type: string }, answerType: string, timeoutMs = 10_000) {
      const answer = waitForMessage<T>(answerType, timeoutMs);
      proc.send(message);
      return answer;
    },
    async stop() {
      live.delete(child);
      if (proc.exitCode !== null || proc.signalCode !== null) return;
      proc.kill('SIGTERM');
      const timer = setTimeout(() => proc.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
  live.add(child);
  return child;
}

/** Stop every child still running (used on failure and on Ctrl-C). */
export async function stopAllChildren(): Promise<void> {
  await Promise.all([...live].map((c) => c.stop()));
}

/** A TCP port that was free a moment ago on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => (port ? resolve(port) : reject(new Error('no port'))));
    });
  });
}

/** Poll a URL until it answers 200, at most `timeoutMs`. */
export async function waitUntilReady(url: string, child: Child, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.process.exitCode !== null) throw new Error(`${child.name} exited during start:\n${child.output()}`);
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${child.name} not ready at ${url} within ${timeoutMs} ms:\n${child.output()}`);
}
