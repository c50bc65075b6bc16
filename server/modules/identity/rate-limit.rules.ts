import { AppError } from '../../core/app-error.ts';
import { secondsUntil } from '../../core/clock.ts';

/**
 * Each window is counted over this many rows. Every signed-out request counts in the global
 * window and holds the row it counts in until COMMIT; with one row per window all sign-ins of all
 * servers waited for each other there (docs/benchmarks.md). A request counts in one shard at
 * random and reads the others' sum, so a window may pass its limit by at most the requests
 * counted at the same moment in other shards: a brake on credential stuffing, not a quota (the
 * lockout's own count is exact, throttle.store.ts).
 */
export const WINDOW_SHARDS = 16;

/** Fixed windows of a number of seconds, the same for every server process. */
export interface WindowHits {
  /** The keys to count one hit in, each with the most hits its window allows. */
  limits: Map<string, number>;
  windowStart: Date;
  windowEnds: Date;
}

/** The windows `now` falls in, for each key with its limit. */
export function windowHits(limits: Map<string, number>, now: Date, windowSeconds: number): WindowHits {
  const windowMs = windowSeconds * 1000;
  const windowStart = new Date(Math.floor(now.getTime() / windowMs) * windowMs);
  return { limits, windowStart, windowEnds: new Date(windowStart.getTime() + windowMs) };
}

/** Whether any key's hits so far passed its limit. */
export function overLimit(hits: Map<string, number>, windows: WindowHits): boolean {
  return [...windows.limits].some(([key, limit]) => (hits.get(key) ?? 0) > limit);
}

/** The answer to a request past a rate limit: try again when the window ends. */
export function rateLimitedError(windows: WindowHits, now: Date): AppError {
  return new AppError('rate_limited', { retryAfterSeconds: secondsUntil(windows.windowEnds, now) });
}
