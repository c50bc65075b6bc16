/**
 * `npm run bench`: the load benchmarks of docs/benchmarks.md, against PostgreSQL on this machine.
 *
 * 1. Session read: GET /api/v1/me with 100 000 seeded web sessions on the real server, against a
 *    bare Fastify + node-postgres primary-key lookup (bench/baseline-server.ts) in the same run.
 *    sessionReadRatio = server req/s ÷ baseline req/s (median over rounds).
 * 2. Password step: POST /api/v1/auth/login with the right password over many accounts, against
 *    the raw argon2id verification rate of this machine (bench/argon2-rate.ts) in the same run.
 *    loginRatio = login req/s ÷ argon2 verifications/s (median over rounds); with the server's
 *    event-loop delay during the load.
 *
 * 3. First load: the sign-in page in Chromium with an empty cache (bench/first-load.ts), JavaScript
 *    bytes and requests against fixed goals; `npm run bench -- first-load` runs only this one.
 *
 * Ratios, not absolute numbers, are the result of 1 and 2: the machine is shared and noisy, and both sides
 * of a ratio share the same noise. Everything runs on 127.0.0.1 in a database of its own that is
 * dropped at the end, also when the run fails or is interrupted.
 */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import autocannon, { type Request, type Result } from 'autocannon';
import pg from 'pg';
import { loadConfig } from '../server/config/config.ts';
import { createDatabase } from '../server/db/database.ts';
import { createPasswordHasher } from '../server/modules/identity/index.ts';
import { freePort, repoRoot, startChild, stopAllChildren, waitUntilReady, type Child } from './lib/child.ts';
import { accountEmail, accountId, markSessionsSeen, seed } from './lib/seed.ts';
import { sampleDatabase } from './lib/db-sampler.ts';
import { ownCpuMs, postgresCpuMs } from './lib/machine-cpu.ts';
import { wrkPosts, wrkVersion, type LoadFigures } from './lib/wrk.ts';
import type { ProbeReading } from './lib/probe.ts';
import { updateBenchmarksDoc } from './lib/report.ts';
import { runFirstLoad } from './first-load.ts';

const env = process.env;
const num = (name: string, fallback: number) => {
  const value = env[name] === undefined ? fallback : Number(env[name]);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number`);
  return value;
};

const settings = {
  accounts: num('BENCH_ACCOUNTS', 100_000),
  poolSize: num('BENCH_POOL_SIZE', 10),
  /**
   * Session read: connections, seconds per measured run, rounds. Each round measures both
   * sides back to back (the order alternates); the ratio is the median of the rounds' ratios.
   */
  connections: num('BENCH_CONNECTIONS', 32),
  seconds: num('BENCH_SECONDS', 5),
  rounds: num('BENCH_ROUNDS', 9),
  warmupSeconds: num('BENCH_WARMUP_SECONDS', 3),
  /**
   * Password step, in rounds of one login run between two argon2 measurements; more
   * connections than pool threads, so the thread pool never waits for work.
   */
  loginConnections: num('BENCH_LOGIN_CONNECTIONS', 16),
  loginSeconds: num('BENCH_LOGIN_SECONDS', 8),
  argon2Seconds: num('BENCH_ARGON2_SECONDS', 5),
  loginRounds: num('BENCH_LOGIN_ROUNDS', 9),
  /**
   * How the login code goes out: 'sms' (default: every account has a verified mobile number and
   * the SMS limits are set out of reach) or 'email' (SMS budget 0: the e-mail fallback).
   */
  loginCode: env.BENCH_LOGIN_CODE === 'email' ? ('email' as const) : ('sms' as const),
  threadPoolSize: num('UV_THREADPOOL_SIZE', 4),
};
const adminUrl = env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const password = 'bench-Correct-Horse-42';
const cookieName = '__Host-pv_session';

function assertLoopback(url: string): void {
  const host = new URL(url).hostname;
  if (!['127.0.0.1', 'localhost', '[::1]'].includes(host)) throw new Error(`the benchmark only talks to this machine, not to ${host}`);
}

const log = (message: string) => process.stdout.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}\n`);
const round1 = (n: number) => Math.round(n * 10) / 10;
const round3 = (n: number) => Math.round(n * 1000) / 1000;
const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

/** One autocannon run; every request built by `next()` so consecutive requests use different rows. */
async function load(url: string, connections: number, seconds: number, next: () => Request): Promise<LoadFigures> {
  const run = autocannon({
    url,
    connections,
    duration: seconds,
    timeout: 20,
    requests: [{ setupRequest: (request) => ({ ...request, ...next() }) }],
  });
  // A hard stop in case autocannon itself hangs: the run is bounded in time whatever happens.
  const guard = setTimeout(() => run.stop(), (seconds + 30) * 1000);
  try {
    return figuresOf(await run);
  } finally {
    clearTimeout(guard);
  }
}

function figuresOf(result: Result): LoadFigures {
  return {
    requests: result.requests.total,
    seconds: result.duration,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    generatorCpuMs: null,
  };
}

interface Side {
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  requests: number;
  seconds: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  /** CPU time (user + system, all threads) the serving process spent per answered request. */
  cpuUsPerRequest: number;
  /** The part of it spent on the main thread (the event loop), where the OS tells it. */
  mainThreadCpuUsPerRequest: number | null;
  /** How late the serving process's event loop ran (see bench/lib/probe.ts). */
  eventLoopP99Ms: number;
  eventLoopMaxMs: number;
  /** CPU time of all PostgreSQL processes on this machine per answered request, where Linux tells it. */
  postgresCpuUsPerRequest: number | null;
  /** CPU time of the load generator (this process, and wrk where it made the load) per answered request. */
  loadGeneratorCpuUsPerRequest: number;
}

function side(result: LoadFigures, probe: ProbeReading, cpu: { postgresMs: number | null; loadGeneratorMs: number }): Side {
  const perRequest = (ms: number) => round1((ms * 1000) / Math.max(1, result.requests));
  return {
    requestsPerSecond: round1(result.requests / result.seconds),
    p50Ms: round1(result.p50Ms),
    p99Ms: round1(result.p99Ms),
    requests: result.requests,
    seconds: round3(result.seconds),
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    cpuUsPerRequest: perRequest(probe.cpuUserMs + probe.cpuSystemMs),
    mainThreadCpuUsPerRequest: probe.mainThreadCpuMs === null ? null : perRequest(probe.mainThreadCpuMs),
    eventLoopP99Ms: probe.eventLoop.p99Ms,
    eventLoopMaxMs: probe.eventLoop.maxMs,
    postgresCpuUsPerRequest: cpu.postgresMs === null ? null : perRequest(cpu.postgresMs),
    loadGeneratorCpuUsPerRequest: perRequest(cpu.loadGeneratorMs),
  };
}

/** Rounds of one side combined: total requests over total time; the rest averaged over rounds. */
function combine(rounds: Side[]): Side {
  const sum = (f: (s: Side) => number) => rounds.reduce((a, s) => a + f(s), 0);
  const mean = (f: (s: Side) => number) => round1(sum(f) / rounds.length);
  return {
    requestsPerSecond: round1(sum((s) => s.requests) / sum((s) => s.seconds)),
    p50Ms: mean((s) => s.p50Ms),
    p99Ms: mean((s) => s.p99Ms),
    requests: sum((s) => s.requests),
    seconds: round3(sum((s) => s.seconds)),
    non2xx: sum((s) => s.non2xx),
    errors: sum((s) => s.errors),
    timeouts: sum((s) => s.timeouts),
    cpuUsPerRequest: mean((s) => s.cpuUsPerRequest),
    mainThreadCpuUsPerRequest: rounds.some((s) => s.mainThreadCpuUsPerRequest === null) ? null : mean((s) => s.mainThreadCpuUsPerRequest!),
    eventLoopP99Ms: mean((s) => s.eventLoopP99Ms),
    eventLoopMaxMs: Math.max(...rounds.map((s) => s.eventLoopMaxMs)),
    postgresCpuUsPerRequest: rounds.some((s) => s.postgresCpuUsPerRequest === null) ? null : mean((s) => s.postgresCpuUsPerRequest!),
    loadGeneratorCpuUsPerRequest: mean((s) => s.loadGeneratorCpuUsPerRequest),
  };
}

function assertClean(what: string, s: Side): void {
  if (s.non2xx || s.errors || s.timeouts) {
    throw new Error(`${what}: ${s.non2xx} non-2xx answers, ${s.errors} errors, ${s.timeouts} timeouts: the figures would not mean what they say`);
  }
}

/** One load run against a child that carries the probe: the load's figures and the child's own. */
async function measuredLoad(child: Child, runLoad: () => Promise<LoadFigures>): Promise<Side> {
  await child.request({ type: 'probe:reset' }, 'probe:resetDone');
  const postgresBefore = postgresCpuMs();
  const ownBefore = ownCpuMs();
  const result = await runLoad();
  const loadGeneratorMs = ownCpuMs() - ownBefore + (result.generatorCpuMs ?? 0);
  const postgresAfter = postgresCpuMs();
  const probe = await child.request<ProbeReading>({ type: 'probe:read' }, 'probe');
  const postgresMs = postgresBefore === null || postgresAfter === null ? null : postgresAfter - postgresBefore;
  return side(result, probe, { postgresMs, loadGeneratorMs });
}

interface Argon2Rate {
  verifications: number;
  seconds: number;
  perSecond: number;
  inFlight: number;
  /** CPU time (all threads) of the argon2 process per verification. */
  cpuUsPerVerification: number;
  /** How late the argon2 process's idle event loop ran: the machine's floor for the server's. */
  eventLoopP99Ms: number;
}

async function argon2Rate(hash: string, childEnv: Record<string, string>): Promise<Argon2Rate> {
  const child = startChild('argon2-rate', './argon2-rate.ts', {
    ...childEnv,
    ARGON2_BENCH_HASH: hash,
    ARGON2_BENCH_PASSWORD: password,
    ARGON2_BENCH_SECONDS: String(settings.argon2Seconds),
  });
  try {
    const rate = await child.waitForMessage<Argon2Rate>('argon2', (settings.argon2Seconds + 60) * 1000);
    return {
      verifications: rate.verifications,
      seconds: round3(rate.seconds),
      perSecond: round1(rate.perSecond),
      inFlight: rate.inFlight,
      cpuUsPerVerification: round1(rate.cpuUsPerVerification),
      eventLoopP99Ms: rate.eventLoopP99Ms,
    };
  } finally {
    await child.stop();
  }
}

async function main(): Promise<void> {
  assertLoopback(adminUrl);
  const startedAt = new Date();
  const name = `portvakt_bench_${randomBytes(5).toString('hex')}`;
  const dbUrl = new URL(adminUrl);
  dbUrl.pathname = `/${name}`;
  const url = dbUrl.toString();
  const dataDir = mkdtempSync(join(tmpdir(), 'portvakt-bench-'));
  let created = false;

  const cleanup = async () => {
    await stopAllChildren().catch(() => {});
    if (created) {
      const admin = new pg.Client({ connectionString: adminUrl });
      try {
        await admin.connect();
        await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        log(`dropped database ${name}`);
      } catch (error) {
        log(`could not drop database ${name}: ${String(error)}`);
      } finally {
        await admin.end().catch(() => {});
      }
      created = false;
    }
    rmSync(dataDir, { recursive: true, force: true });
  };
  const onSignal = (signal: string) => {
    log(`${signal}: cleaning up`);
    void cleanup().finally(() => process.exit(130));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);

  try {
    // ---- database --------------------------------------------------------------------------
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    const postgresVersion = (await admin.query<{ server_version: string }>('SHOW server_version')).rows[0]!.server_version;
    await admin.query(`CREATE DATABASE ${name}`);
    created = true;
    await admin.end();
    const migrated = await createDatabase({ url, poolSize: 1 });
    await migrated.close();

    const secretKey = randomBytes(32).toString('base64url');
    const serverEnv: Record<string, string> = {
      PATH: env.PATH ?? '',
      ...(env.UV_THREADPOOL_SIZE ? { UV_THREADPOOL_SIZE: env.UV_THREADPOOL_SIZE } : {}),
      NODE_ENV: 'development',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      WORKER: 'off',
      SECRET_KEY: secretKey,
      DATA_DIR: dataDir,
      DATABASE_URL: url,
      DATABASE_POOL_SIZE: String(settings.poolSize),
      // The password step is measured, not the limits around it (they are tested elsewhere).
      LOGIN_RATE_LIMIT_PER_IP: '1000000000',
      LOGIN_RATE_LIMIT_GLOBAL: '1000000000',
      SMS_PER_ACCOUNT_PER_DAY: '1000',
      SMS_MONTHLY_BUDGET: settings.loginCode === 'sms' ? '1000000000' : '0',
    };
    // The server's own settings, so the seeded hash and the raw rate use exactly its argon2 parameters.
    const config = loadConfig(serverEnv);
    const hasher = createPasswordHasher(config.argon2);
    const passwordHash = await hasher.hash(password);

    log(`seeding ${settings.accounts} accounts and sessions into ${name}`);
    const seeded = await seed(url, settings.accounts, passwordHash);
    log(`seeded in ${seeded.seconds.toFixed(1)} s`);

    // ---- servers ---------------------------------------------------------------------------
    const serverPort = await freePort();
    // BENCH_PROFILE_DIR: CPU profiles of the server and the baseline (written on exit) go there.
    const profile = env.BENCH_PROFILE_DIR ? ['--cpu-prof', `--cpu-prof-dir=${env.BENCH_PROFILE_DIR}`] : [];
    const server = startChild('server', './instrumented-server.ts', { ...serverEnv, PORT: String(serverPort) }, profile);
    const baseline = startChild(
      'baseline',
      './baseline-server.ts',
      {
        PATH: serverEnv.PATH!,
        DATABASE_URL: url,
        DATABASE_POOL_SIZE: String(settings.poolSize),
        PORT: '0',
      },
      profile,
    );
    log(`server pid ${server.process.pid}, baseline pid ${baseline.process.pid}`);
    const serverUrl = `http://127.0.0.1:${serverPort}`;
    const { port: baselinePort } = await baseline.waitForMessage<{ port: number }>('ready', 60_000);
    const baselineUrl = `http://127.0.0.1:${baselinePort}`;
    await waitUntilReady(`${serverUrl}/ready`, server);
    await waitUntilReady(`${baselineUrl}/health`, baseline);

    // Both answer correctly before anything is timed.
    const me = await fetch(`${serverUrl}/api/v1/me`, { headers: { cookie: `${cookieName}=${seeded.tokens[0]}` } });
    const meBody = (await me.json()) as { email?: string };
    if (me.status !== 200 || meBody.email !== accountEmail(1)) throw new Error(`GET /api/v1/me answered ${me.status} ${JSON.stringify(meBody)}`);
    const bare = await fetch(`${baselineUrl}/me`, { headers: { 'x-account-id': accountId(1) } });
    const bareBody = (await bare.json()) as { email?: string };
    if (bare.status !== 200 || bareBody.email !== accountEmail(1)) throw new Error(`baseline answered ${bare.status} ${JSON.stringify(bareBody)}`);

    // ---- 1. session read -------------------------------------------------------------------
    let meCounter = 0;
    const nextMe = (): Request => {
      const i = meCounter++ % settings.accounts;
      return { method: 'GET', path: '/api/v1/me', headers: { cookie: `${cookieName}=${seeded.tokens[i]}` } };
    };
    let bareCounter = 0;
    const nextBare = (): Request => {
      const n = (bareCounter++ % settings.accounts) + 1;
      return { method: 'GET', path: '/me', headers: { 'x-account-id': accountId(n) } };
    };

    log(`session read: warm-up ${settings.warmupSeconds} s each`);
    await markSessionsSeen(url);
    await load(serverUrl, settings.connections, settings.warmupSeconds, nextMe);
    await load(baselineUrl, settings.connections, settings.warmupSeconds, nextBare);

    const serverRounds: Side[] = [];
    const baselineRounds: Side[] = [];
    let sessionsTouched = 0;
    for (let round = 0; round < settings.rounds; round++) {
      const seenAt = await markSessionsSeen(url);
      const runServer = async () => serverRounds.push(await measuredLoad(server, () => load(serverUrl, settings.connections, settings.seconds, nextMe)));
      const runBaseline = async () => baselineRounds.push(await measuredLoad(baseline, () => load(baselineUrl, settings.connections, settings.seconds, nextBare)));
      // Alternate the order so drift in the machine's load falls on both sides alike.
      if (round % 2 === 0) {
        await runBaseline();
        await runServer();
      } else {
        await runServer();
        await runBaseline();
      }
      const check = new pg.Client({ connectionString: url });
      await check.connect();
      sessionsTouched += Number((await check.query<{ n: string }>('SELECT count(*) AS n FROM sessions WHERE last_seen_at > $1', [seenAt])).rows[0]!.n);
      await check.end();
      log(
        `round ${round + 1}: server ${serverRounds.at(-1)!.requestsPerSecond} req/s (${serverRounds.at(-1)!.cpuUsPerRequest} µs CPU each), baseline ${baselineRounds.at(-1)!.requestsPerSecond} req/s (${baselineRounds.at(-1)!.cpuUsPerRequest} µs)`,
      );
    }
    const serverSide = combine(serverRounds);
    const baselineSide = combine(baselineRounds);
    assertClean('GET /api/v1/me', serverSide);
    assertClean('baseline', baselineSide);
    await baseline.stop();
    const sessionReadRoundRatios = serverRounds.map((s, i) => round3(s.requestsPerSecond / baselineRounds[i]!.requestsPerSecond));
    const sessionReadRatio = round3(median(sessionReadRoundRatios));
    log(`sessionReadRatio ${sessionReadRatio} (rounds: ${sessionReadRoundRatios.join(', ')})`);

    // ---- 2. password step ------------------------------------------------------------------
    if (env.BENCH_ONLY === 'session-read') {
      await server.stop();
      log('BENCH_ONLY=session-read: no password step, no results written');
      return;
    }
    const wrk = wrkVersion();
    const loadGenerator = wrk ? `wrk ${wrk}` : 'autocannon';
    // A different account for each login; the last one is kept for the check below.
    let loginCounter = 1;
    const loginBody = (n: number) => JSON.stringify({ email: accountEmail(n), password, client: 'web' });
    const nextLogin = (): Request => ({
      method: 'POST',
      path: '/api/v1/auth/login',
      headers: { 'content-type': 'application/json' },
      body: loginBody((loginCounter++ % (settings.accounts - 1)) + 1),
    });
    // wrk where installed (bench/lib/wrk.ts), else autocannon: the same requests either way.
    const logins = async (seconds: number): Promise<LoadFigures> => {
      if (!wrk) return load(serverUrl, settings.loginConnections, seconds, nextLogin);
      const figures = await wrkPosts(serverUrl, '/api/v1/auth/login', loginBody, { first: loginCounter, count: settings.accounts - 1 }, settings.loginConnections, seconds);
      loginCounter += figures.requests;
      return figures;
    };
    const probe = await fetch(`${serverUrl}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: accountEmail(settings.accounts), password, client: 'web' }),
    });
    const probeBody = (await probe.json()) as { status?: string; channel?: string };
    if (probe.status !== 200 || probeBody.status !== 'code_required' || probeBody.channel !== settings.loginCode) {
      throw new Error(`POST /api/v1/auth/login answered ${probe.status} ${JSON.stringify(probeBody)}`);
    }

    log(`login: load from ${loadGenerator}; warm-up ${settings.warmupSeconds} s`);
    await logins(settings.warmupSeconds);
    // Logins still queued in the server when a load stops go on using argon2 for a moment:
    // wait for them, so they do not eat into the next measurement.
    const settle = () => new Promise((resolve) => setTimeout(resolve, Math.min(5_000, settings.loginConnections * 250)));
    await settle();
    const loginRounds: Side[] = [];
    const argon2Rounds: Argon2Rate[] = [];
    const loginDbSamples: Array<Awaited<ReturnType<Awaited<ReturnType<typeof sampleDatabase>>['stop']>>> = [];
    const runArgon2 = async () => argon2Rounds.push(await argon2Rate(passwordHash, serverEnv));
    // Every login round lies between two raw measurements and is compared with their mean, so
    // the machine's speed drifting during a round (a shared host) falls on both sides alike.
    await runArgon2();
    for (let round = 0; round < settings.loginRounds; round++) {
      const sampler = await sampleDatabase(adminUrl, name);
      loginRounds.push(await measuredLoad(server, () => logins(settings.loginSeconds)));
      loginDbSamples.push(await sampler.stop());
      await settle();
      await runArgon2();
      const [before, after] = argon2Rounds.slice(-2);
      log(
        `login round ${round + 1}: ${loginRounds.at(-1)!.requestsPerSecond} logins/s (${loginRounds.at(-1)!.cpuUsPerRequest} µs CPU each, ${loginRounds.at(-1)!.mainThreadCpuUsPerRequest} µs of it on the main thread, event-loop p99 ${loginRounds.at(-1)!.eventLoopP99Ms} ms; PostgreSQL ${loginRounds.at(-1)!.postgresCpuUsPerRequest} µs, load generator ${loginRounds.at(-1)!.loadGeneratorCpuUsPerRequest} µs), argon2id ${before!.perSecond}/s before and ${after!.perSecond}/s after (${after!.cpuUsPerVerification} µs CPU each, event-loop p99 ${after!.eventLoopP99Ms} ms)`,
      );
    }
    const loginSide = combine(loginRounds);
    assertClean('POST /api/v1/auth/login', loginSide);
    const argon2PerSecond = round1(argon2Rounds.reduce((a, r) => a + r.verifications, 0) / argon2Rounds.reduce((a, r) => a + r.seconds, 0));
    const rawAround = (round: number) => (argon2Rounds[round]!.perSecond + argon2Rounds[round + 1]!.perSecond) / 2;
    const loginRoundRatios = loginRounds.map((s, i) => round3(s.requestsPerSecond / rawAround(i)));
    const loginRatio = round3(median(loginRoundRatios));
    log(`loginRatio ${loginRatio} (rounds: ${loginRoundRatios.join(', ')})`);

    const stats = new pg.Client({ connectionString: url });
    await stats.connect();
    const channels = (await stats.query<{ channel: string; n: string }>('SELECT channel, count(*) AS n FROM login_flows GROUP BY channel')).rows;
    await stats.end();
    await server.stop();

    // ---- results ---------------------------------------------------------------------------
    const date = startedAt.toISOString().slice(0, 10);
    const results = {
      date,
      startedAt: startedAt.toISOString(),
      finishedAt: new Date().toISOString(),
      sessionReadRatio,
      loginRatio,
      goals: { sessionReadRatio: 0.5, loginRatio: 0.8 },
      sessionRead: {
        server: serverSide,
        baseline: baselineSide,
        pooledRatio: round3(serverSide.requestsPerSecond / baselineSide.requestsPerSecond),
        /** Baseline CPU per request ÷ server CPU per request: the same comparison, by CPU spent. */
        cpuRatio: round3(baselineSide.cpuUsPerRequest / serverSide.cpuUsPerRequest),
        roundRatios: sessionReadRoundRatios,
        rounds: serverRounds.map((s, i) => ({ server: s, baseline: baselineRounds[i] })),
        distinctSessions: settings.accounts,
        slidingExpiryWrites: sessionsTouched,
      },
      login: {
        server: loginSide,
        argon2: {
          verificationsPerSecond: argon2PerSecond,
          inFlight: argon2Rounds[0]!.inFlight,
          eventLoopP99Ms: round1(median(argon2Rounds.map((r) => r.eventLoopP99Ms))),
          cpuUsPerVerification: round1(median(argon2Rounds.map((r) => r.cpuUsPerVerification))),
        },
        pooledRatio: round3(loginSide.requestsPerSecond / argon2PerSecond),
        /** argon2 CPU per verification ÷ server CPU per login: the share of a login's CPU that is argon2. */
        cpuRatio: round3(median(argon2Rounds.map((r) => r.cpuUsPerVerification)) / loginSide.cpuUsPerRequest),
        roundRatios: loginRoundRatios,
        rounds: loginRounds.map((s, i) => ({ login: s, argon2Before: argon2Rounds[i], argon2After: argon2Rounds[i + 1], database: loginDbSamples[i] })),
        serverEventLoopP99Ms: round1(median(loginRounds.map((r) => r.eventLoopP99Ms))),
        answer: 'code_required',
        loadGenerator,
        codeChannels: Object.fromEntries(channels.map((c) => [c.channel, Number(c.n)])),
      },
      machine: {
        cpus: cpus().length,
        cpuModel: cpus()[0]?.model ?? 'unknown',
        memoryGiB: round1(totalmem() / 2 ** 30),
        loadAverageAtEnd: loadavg().map(round1),
        node: process.version,
        postgres: postgresVersion,
      },
      settings: { ...settings, argon2: config.argon2, cookie: cookieName },
    };
    const resultsDir = join(repoRoot, 'bench', 'results');
    mkdirSync(resultsDir, { recursive: true });
    const file = join(resultsDir, `${date}.json`);
    writeFileSync(file, JSON.stringify(results, null, 2) + '\n');
    updateBenchmarksDoc(join(repoRoot, 'docs', 'benchmarks.md'), results);
    log(`wrote bench/results/${date}.json and docs/benchmarks.md`);
    log(
      `GET /me ${serverSide.requestsPerSecond} req/s (p50 ${serverSide.p50Ms} ms, p99 ${serverSide.p99Ms} ms) vs baseline ${baselineSide.requestsPerSecond} req/s (p50 ${baselineSide.p50Ms} ms, p99 ${baselineSide.p99Ms} ms) → ${sessionReadRatio}; CPU per request ${serverSide.cpuUsPerRequest} µs vs ${baselineSide.cpuUsPerRequest} µs (main thread ${serverSide.mainThreadCpuUsPerRequest} vs ${baselineSide.mainThreadCpuUsPerRequest})`,
    );
    log(
      `login ${loginSide.requestsPerSecond} req/s (p50 ${loginSide.p50Ms} ms, p99 ${loginSide.p99Ms} ms) vs argon2id ${argon2PerSecond}/s → ${loginRatio}; event-loop p99 ${results.login.serverEventLoopP99Ms} ms (argon2 process alone: ${results.login.argon2.eventLoopP99Ms} ms)`,
    );
  } finally {
    await cleanup();
  }
}

const onlyFirstLoad = process.argv.slice(2).includes('first-load');
(onlyFirstLoad ? runFirstLoad(log) : main().then(() => runFirstLoad(log))).then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`benchmark failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
