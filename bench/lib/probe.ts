import { monitorEventLoopDelay } from 'node:perf_hooks';
import { procStatCpu } from './machine-cpu.ts';

/** Event-loop delay and CPU time of this process, as measured between a reset and a read. */
export interface ProbeReading {
  type: 'probe';
  /** Wall-clock milliseconds since the reset. */
  elapsedMs: number;
  /** CPU time of the whole process (all threads) since the reset. */
  cpuUserMs: number;
  cpuSystemMs: number;
  /** CPU time of the main (event-loop) thread alone, where Linux tells it; else null. */
  mainThreadCpuMs: number | null;
  eventLoop: {
    resolutionMs: number;
    count: number;
    minMs: number;
    p50Ms: number;
    p99Ms: number;
    maxMs: number;
    meanMs: number;
  };
}

const RESOLUTION_MS = 10;
/** utime + stime of the main thread (its task id is the process id), in milliseconds. */
const mainThreadCpuMs = () => procStatCpu(`/proc/self/task/${process.pid}/stat`)?.cpuMs ?? null;

/**
 * Event-loop delay and CPU time since the last reset. The delay histogram samples every
 * RESOLUTION_MS and records the time between samples, so the interval itself is subtracted:
 * the figures say how late the loop was (0 when idle).
 */
export function createMonitor() {
  const histogram = monitorEventLoopDelay({ resolution: RESOLUTION_MS });
  histogram.enable();
  let since = performance.now();
  let cpuSince = process.cpuUsage();
  let mainSince = mainThreadCpuMs();
  const late = (ns: number) => Math.max(0, Math.round((ns / 1e6 - RESOLUTION_MS) * 100) / 100);
  return {
    reset(): void {
      histogram.reset();
      since = performance.now();
      cpuSince = process.cpuUsage();
      mainSince = mainThreadCpuMs();
    },
    read(): ProbeReading {
      const cpu = process.cpuUsage(cpuSince);
      const main = mainThreadCpuMs();
      return {
        type: 'probe',
        elapsedMs: Math.round(performance.now() - since),
        cpuUserMs: Math.round(cpu.user / 1000),
        cpuSystemMs: Math.round(cpu.system / 1000),
        mainThreadCpuMs: main === null || mainSince === null ? null : main - mainSince,
        eventLoop: {
          resolutionMs: RESOLUTION_MS,
          count: histogram.count,
          minMs: late(histogram.min),
          p50Ms: late(histogram.percentile(50)),
          p99Ms: late(histogram.percentile(99)),
          maxMs: late(histogram.max),
          meanMs: late(histogram.mean),
        },
      };
    },
  };
}

/**
 * Answer the benchmark over the IPC channel:
 *   { type: 'probe:reset' } → starts a new measurement, answers { type: 'probe:resetDone' }
 *   { type: 'probe:read' }  → answers a ProbeReading
 */
export function installProbe(): void {
  const monitor = createMonitor();
  process.on('message', (message: { type?: string }) => {
    if (message?.type === 'probe:reset') {
      monitor.reset();
      process.send?.({ type: 'probe:resetDone' });
    } else if (message?.type === 'probe:read') {
      process.send?.(monitor.read());
    }
  });
}
