import { linkSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';

/** Who holds the embedded database: enough to name the process and to tell a live one from a dead one. */
export interface LockHolder {
  pid: number;
  host: string;
  /** The process's start time from /proc (Linux), so a reused pid is not taken for the holder. */
  processStart: string | null;
  command: string;
  since: string;
}

/** The embedded database is open in another process: a second writer would lose acknowledged writes. */
export class DataDirInUseError extends Error {
  constructor(
    readonly dataDir: string,
    readonly holder: LockHolder,
  ) {
    super(
      `The embedded database in ${dataDir} is in use by process ${holder.pid} (${holder.command}, since ${holder.since}). ` +
        'Only one process may open it: stop that process first, or use PostgreSQL (DATABASE_URL) to run commands beside the server.',
    );
    this.name = 'DataDirInUseError';
  }
}

const LOCK_FILE = 'portvakt.lock';

/** Field 22 of /proc/<pid>/stat: clock ticks since boot when the process started; null off Linux. */
function processStart(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may hold spaces and parentheses: count from the last ')'.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? null;
  } catch {
    return null;
  }
}

function isAlive(holder: LockHolder): boolean {
  if (holder.host !== hostname()) return true; // a shared folder: we cannot tell, so assume it is
  if (holder.pid === process.pid) return false; // a restarted container's PID 1 left it behind
  try {
    process.kill(holder.pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  return holder.processStart === null || holder.processStart === processStart(holder.pid);
}

function readHolder(path: string): LockHolder | undefined {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as LockHolder;
  } catch {
    return undefined; // vanished, or damaged: never half-written, since it appears whole (link)
  }
}

/**
 * Takes the embedded database's data folder for this process, or throws DataDirInUseError naming
 * the live process that has it. A lock left by a crashed process is taken over. Returns the release.
 */
export function lockDataDir(dataDir: string, command = process.argv.slice(1).join(' ')): () => void {
  const path = join(dataDir, LOCK_FILE);
  const me: LockHolder = {
    pid: process.pid,
    host: hostname(),
    processStart: processStart(process.pid),
    command: command.slice(0, 200),
    since: new Date().toISOString(),
  };
  // Written beside it and linked into place, so another process never reads it half-written.
  const draft = `${path}.${process.pid}`;
  writeFileSync(draft, JSON.stringify(me), { mode: 0o600 });
  try {
    takeOver(path, draft, dataDir, me);
  } finally {
    unlinkSync(draft);
  }
  return () => {
    if (readHolder(path)?.pid === me.pid) unlinkSync(path);
  };
}

function takeOver(path: string, draft: string, dataDir: string, me: LockHolder): void {
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      linkSync(draft, path);
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const holder = readHolder(path);
    if (holder && isAlive(holder)) throw new DataDirInUseError(dataDir, holder);
    // Moved aside rather than deleted: if another process took over the stale lock in the
    // meantime, what was moved is its live lock, and it goes back.
    const aside = `${path}.stale.${process.pid}`;
    try {
      renameSync(path, aside);
    } catch {
      continue; // someone else moved it first; the next link decides
    }
    const moved = readHolder(aside);
    const isStaleOne = moved?.pid === holder?.pid && moved?.since === holder?.since;
    if (!isStaleOne && moved) {
      try {
        linkSync(aside, path);
      } catch {
        // a third process holds it now; either way the folder is taken
      }
      unlinkSync(aside);
      throw new DataDirInUseError(dataDir, moved);
    }
    unlinkSync(aside);
  }
  throw new DataDirInUseError(dataDir, readHolder(path) ?? me);
}
