/**
 * Starts the real server (server/main.ts, unchanged, configured by the environment) with a
 * probe beside it (bench/lib/probe.ts): event-loop delay and CPU time, read by the benchmark
 * over the IPC channel. Nothing of this reaches production modules: it only wraps the process.
 */
import { installProbe } from './lib/probe.ts';

installProbe();
await import('../server/main.ts');
