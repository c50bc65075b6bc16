import { existsSync, readFileSync, writeFileSync } from 'node:fs';

export interface ReportedRun {
  date: string;
  sessionReadRatio: number;
  loginRatio: number;
  sessionRead: {
    server: { requestsPerSecond: number; p50Ms: number; p99Ms: number };
    baseline: { requestsPerSecond: number; p50Ms: number; p99Ms: number };
  };
  login: {
    server: { requestsPerSecond: number; p50Ms: number; p99Ms: number };
    argon2: { verificationsPerSecond: number; eventLoopP99Ms: number };
    serverEventLoopP99Ms: number;
  };
  machine: { cpus: number; node: string; postgres: string };
}

const START = '<!-- results:start -->';
const END = '<!-- results:end -->';
const HEADER = [
  '| date | sessionReadRatio | /me req/s (p50 / p99 ms) | baseline req/s (p50 / p99 ms) | loginRatio | login req/s (p50 / p99 ms) | argon2id /s | event-loop p99 ms: server (floor) | machine |',
  '|---|---|---|---|---|---|---|---|---|',
];

function row(run: ReportedRun): string {
  const { server, baseline } = run.sessionRead;
  const login = run.login.server;
  return `| ${run.date} | **${run.sessionReadRatio}** | ${server.requestsPerSecond} (${server.p50Ms} / ${server.p99Ms}) | ${baseline.requestsPerSecond} (${baseline.p50Ms} / ${baseline.p99Ms}) | **${run.loginRatio}** | ${login.requestsPerSecond} (${login.p50Ms} / ${login.p99Ms}) | ${run.login.argon2.verificationsPerSecond} | ${run.login.serverEventLoopP99Ms} (${run.login.argon2.eventLoopP99Ms}) | ${run.machine.cpus} CPUs, Node ${run.machine.node}, PostgreSQL ${run.machine.postgres} |`;
}

/** Put this run's row in the results table of docs/benchmarks.md (one row per date, newest first). */
export function updateBenchmarksDoc(file: string, run: ReportedRun): void {
  if (!existsSync(file)) return;
  const text = readFileSync(file, 'utf8');
  const start = text.indexOf(START);
  const end = text.indexOf(END);
  if (start < 0 || end < start) return;
  const rows = text
    .slice(start + START.length, end)
    .split('\n')
    .filter((line) => line.startsWith('| 2'))
    .filter((line) => !line.startsWith(`| ${run.date} |`));
  const table = [...HEADER, row(run), ...rows].join('\n');
  writeFileSync(file, `${text.slice(0, start + START.length)}\n${table}\n${text.slice(end)}`);
}
