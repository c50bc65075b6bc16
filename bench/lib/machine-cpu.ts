import { readFileSync, readdirSync } from 'node:fs';

/** Linux reports process and thread CPU time in clock ticks, 100 per second on every common configuration. */
const TICKS_PER_SECOND = 100;

/**
 * The command name and utime + stime (ms) in a `/proc/<id>/stat` or `/proc/<id>/task/<id>/stat`
 * file, or null where it cannot be read (not Linux, or the process has ended).
 */
export function procStatCpu(path: string): { command: string; cpuMs: number } | null {
  try {
    const stat = readFileSync(path, 'utf8');
    const open = stat.indexOf('(');
    const close = stat.lastIndexOf(')');
    // Fields after the command name (which may contain spaces) start at state (field 3); utime and stime are 14 and 15.
    const fields = stat.slice(close + 2).split(' ');
    return { command: stat.slice(open + 1, close), cpuMs: ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND };
  } catch {
    return null;
  }
}

/**
 * CPU time (user + system, ms) of every PostgreSQL process on this machine, where Linux tells it
 * (else null). The benchmark's database is on this machine (loopback only), so the difference
 * over a load is what the database spent serving it, plus whatever else the server did meanwhile.
 */
export function postgresCpuMs(): number | null {
  let pids: string[];
  try {
    pids = readdirSync('/proc').filter((name) => /^\d+$/.test(name));
  } catch {
    return null;
  }
  const postgres = pids.map((pid) => procStatCpu(`/proc/${pid}/stat`)).filter((stat) => stat?.command === 'postgres');
  return postgres.length ? postgres.reduce((total, stat) => total + stat!.cpuMs, 0) : null;
}

/** CPU time (user + system, ms) of this process: the load generator's own cost. */
export function ownCpuMs(): number {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
}
