/**
 * The raw argon2id rate of this machine: verifications of one stored hash with the server's
 * settings, kept as many in flight as libuv's thread pool runs at once (UV_THREADPOOL_SIZE,
 * default 4), for ARGON2_BENCH_SECONDS. Run as its own process so the pool is sized exactly as
 * the server's. Tells the parent { type: 'argon2', verifications, seconds, perSecond } and how
 * late this process's own (otherwise idle) event loop ran meanwhile: the floor the server's
 * event-loop delay under login load is to be compared with.
 *
 * Env: ARGON2_BENCH_HASH, ARGON2_BENCH_PASSWORD, ARGON2_BENCH_SECONDS.
 */
import { verify } from '@node-rs/argon2';
import { createMonitor } from './lib/probe.ts';

const hash = process.env.ARGON2_BENCH_HASH ?? '';
const password = process.env.ARGON2_BENCH_PASSWORD ?? '';
const seconds = Number(process.env.ARGON2_BENCH_SECONDS ?? 10);
const inFlight = Number(process.env.UV_THREADPOOL_SIZE ?? 4);
// One warm-up round so the first allocations are not counted.
if (!(await verify(hash, password))) throw new Error('the benchmark hash does not verify');
await Promise.all(Array.from({ length: inFlight }, () => verify(hash, password)));

const monitor = createMonitor();
const started = performance.now();
const deadline = started + seconds * 1000;
let verifications = 0;
async function lane(): Promise<void> {
  // Bounded by time, and by count as a safety net.
  while (performance.now() < deadline && verifications < 1_000_000) {
    if (!(await verify(hash, password))) throw new Error('verification failed');
    verifications++;
  }
}
await Promise.all(Array.from({ length: inFlight }, lane));
const elapsed = (performance.now() - started) / 1000;
const { eventLoop, cpuUserMs, cpuSystemMs } = monitor.read();
process.send?.({
  type: 'argon2',
  verifications,
  seconds: elapsed,
  perSecond: verifications / elapsed,
  inFlight,
  cpuUsPerVerification: ((cpuUserMs + cpuSystemMs) * 1000) / Math.max(1, verifications),
  eventLoopP99Ms: eventLoop.p99Ms,
});
process.disconnect?.();
