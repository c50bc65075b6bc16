import { readFileSync, readdirSync } from 'node:fs';

/** Linux reports process CPU time in clock ticks, 100 per second on every common configuration. */
const TICKS_PER_SECOND = 100;

/**
 * CPU time (user + system, ms) of every PostgreSQL process on this machine, where Linux tells it
 * (else null). The benchmark's database is on this machine (loopback only), so the difference
 * over a load is what the database spent serving it, plus whatever else the server did meanwhile.
 */
export function postgresCpuMs(): number | null {
  let total = 0;
  let found = false;
  let pids: string[];
  try {
    pids = readdirSync('/proc').filter((name) => /^\d+$/.test(name));
  } catch {
    return null;
  }
  for (const pid of pids) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const open = stat.indexOf('(');
      const close = stat.lastIndexOf(')');
      if (stat.slice(open + 1, close) !== 'postgres') continue;
      // Fields after the command name start at state (field 3); utime and stime are 14 and 15.
      const fields = stat.slice(close + 2).split(' ');
      total += ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
      found = true;
    } catch {
      // The process ended between listing and reading.
    }
  }
  return found ? total : null;
}

/** CPU time (user + system, ms) of this process: the load generator's own cost. */
export function ownCpuMs(): number {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
}
