import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Load from wrk (Debian package `wrk`), where it is installed: the same keep-alive connections
 * and requests as autocannon, at about a sixth of its CPU per request (46 against 270 µs at
 * 130 requests a second on the benchmark machine). The benchmark's load generator runs on the
 * machine it measures; for the password step, whose baseline (raw argon2id) has no load
 * generator at all, every µs of it is a µs the server does not get.
 */

/** wrk's version ("4.1.0"), or null when it is not installed. */
export function wrkVersion(): string | null {
  const run = spawnSync('wrk', ['--version'], { encoding: 'utf8' });
  if (run.error) return null;
  return /(\d+\.\d+\.\d+)/.exec(`${run.stdout}${run.stderr}`)?.[1] ?? 'unknown';
}

export interface LoadFigures {
  requests: number;
  seconds: number;
  p50Ms: number;
  p99Ms: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  /** CPU time (user + system) the load generator's own process spent, when it is not this process. */
  generatorCpuMs: number | null;
}

// A request per call; `done` prints the figures as one line of JSON. `init` gets the first
// number, how many numbers there are (they wrap round) and the body with `%d` for the number.
const SCRIPT = `
local path, body, counter, count
local headers = { ["content-type"] = "application/json" }
function init(args)
  path, body, counter, count = args[1], args[2], tonumber(args[3]), tonumber(args[4])
end
function request()
  local n = (counter % count) + 1
  counter = counter + 1
  return wrk.format("POST", path, headers, string.format(body, n))
end
function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format('\\n{"requests":%d,"durationUs":%d,"p50Us":%d,"p99Us":%d,"connect":%d,"read":%d,"write":%d,"status":%d,"timeout":%d}\\n',
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(99), e.connect, e.read, e.write, e.status, e.timeout))
end
`;

/**
 * POST `body(n)` (JSON) to `url` + `path` for `seconds` over `connections`, n running from
 * `first` + 1 and wrapping round after `count`. One wrk thread, so the numbers are in order.
 */
export async function wrkPosts(url: string, path: string, body: (n: number) => string, range: { first: number; count: number }, connections: number, seconds: number): Promise<LoadFigures> {
  const dir = mkdtempSync(join(tmpdir(), 'portvakt-wrk-'));
  try {
    const script = join(dir, 'posts.lua');
    writeFileSync(script, SCRIPT);
    // The body with %d where the number goes (and any other % doubled for string.format).
    const marker = 987654321;
    const template = body(marker).replaceAll('%', '%%').replace(String(marker), '%d');
    const wrk = ['wrk', '-t1', `-c${connections}`, `-d${seconds}s`, '--timeout', '20s', '-s', script, url, '--', path, template, String(range.first), String(range.count)];
    // `times` after wrk prints the CPU its children (wrk) used: user and system, minutes and seconds.
    const output = await run('bash', ['-c', `"$@" && times`, 'bash', ...wrk], (seconds + 30) * 1000);
    const figures = JSON.parse(output.split('\n').find((line) => line.startsWith('{"requests"')) ?? 'null') as Record<string, number> | null;
    if (!figures) throw new Error(`wrk printed no figures: ${output.slice(-500)}`);
    const times = [...output.matchAll(/(\d+)m([\d.]+)s/g)].map((m) => Number(m[1]) * 60_000 + Number(m[2]) * 1000).slice(-4);
    return {
      requests: figures.requests!,
      seconds: figures.durationUs! / 1e6,
      p50Ms: figures.p50Us! / 1000,
      p99Ms: figures.p99Us! / 1000,
      non2xx: figures.status!,
      errors: figures.connect! + figures.read! + figures.write!,
      timeouts: figures.timeout!,
      // The second line of `times`: the children's user and system time.
      generatorCpuMs: times.length === 4 ? times[2]! + times[3]! : null,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function run(command: string, args: string[], timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const guard = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(guard);
      if (code === 0) resolve(output);
      else reject(new Error(`${command} exited with ${code}: ${output.slice(-500)}`));
    });
  });
}
