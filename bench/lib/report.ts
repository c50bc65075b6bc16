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
  putRow(file, { start: START, end: END }, HEADER, run.date, row(run));
}

export interface ReportedFirstLoad {
  date: string;
  javaScriptKiB: number;
  requests: number;
  totalKiB: number;
  goals: { javaScriptKiB: number; requests: number };
  met: boolean;
  machine: { node: string; chromium: string };
}

const FIRST_LOAD_HEADER = ['| date | JavaScript on the wire (goal) | requests (goal) | all bytes on the wire | goals met | browser |', '|---|---|---|---|---|---|'];

/** Put a first-load run's row in its own table of docs/benchmarks.md. */
export function updateFirstLoadDoc(file: string, run: ReportedFirstLoad): void {
  const line = `| ${run.date} | **${run.javaScriptKiB} kB** (≤ ${run.goals.javaScriptKiB} kB) | **${run.requests}** (≤ ${run.goals.requests}) | ${run.totalKiB} kB | ${run.met ? 'yes' : 'no'} | Chromium ${run.machine.chromium}, Node ${run.machine.node} |`;
  putRow(file, { start: '<!-- first-load:start -->', end: '<!-- first-load:end -->' }, FIRST_LOAD_HEADER, run.date, line);
}

/** Replace the table between two markers: the header, this date's row, then the other dates' rows. */
function putRow(file: string, markers: { start: string; end: string }, header: string[], date: string, line: string): void {
  if (!existsSync(file)) return;
  const text = readFileSync(file, 'utf8');
  const start = text.indexOf(markers.start);
  const end = text.indexOf(markers.end);
  if (start < 0 || end < start) return;
  const rows = text
    .slice(start + markers.start.length, end)
    .split('\n')
    .filter((existing) => existing.startsWith('| 2'))
    .filter((existing) => !existing.startsWith(`| ${date} |`));
  const table = [...header, line, ...rows].join('\n');
  writeFileSync(file, `${text.slice(0, start + markers.start.length)}\n${table}\n${text.slice(end)}`);
}
