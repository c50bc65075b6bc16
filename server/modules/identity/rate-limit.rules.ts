import { isIPv4, isIPv6 } from 'node:net';
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
  /**
   * Keys whose limit is a brake for unrecognised requests only (the global sign-in figure): a
   * recognised one is counted but never refused by them (ADR 51).
   */
  brakes: Set<string>;
  windowStart: Date;
  windowEnds: Date;
}

/** The windows `now` falls in, for each key with its limit. */
export function windowHits(limits: Map<string, number>, now: Date, windowSeconds: number, brakes: Set<string> = new Set()): WindowHits {
  const windowMs = windowSeconds * 1000;
  const windowStart = new Date(Math.floor(now.getTime() / windowMs) * windowMs);
  return { limits, brakes, windowStart, windowEnds: new Date(windowStart.getTime() + windowMs) };
}

/** Whether any key's hits so far passed its limit; a brake's only when the request is not `recognised`. */
export function overLimit(hits: Map<string, number>, windows: WindowHits, recognised = false): boolean {
  return [...windows.limits].some(([key, limit]) => (hits.get(key) ?? 0) > limit && !(recognised && windows.brakes.has(key)));
}

/**
 * What a per-IP limit counts under: an IPv4 address as it is (also when written as IPv6,
 * `::ffff:192.0.2.1`), an IPv6 address by its /64 prefix. One subscriber, one home or one cloud
 * instance usually holds a whole /64, so counting single IPv6 addresses would give each of them
 * 2^64 fresh allowances.
 */
export function ipLimitSubject(ip: string): string {
  const address = ip.replace(/%.*$/, '');
  if (!isIPv6(address)) return address;
  const groups = ipv6Groups(address);
  if (groups.slice(0, 5).every((g) => g === 0) && groups[5] === 0xffff) {
    return `${groups[6]! >> 8}.${groups[6]! & 255}.${groups[7]! >> 8}.${groups[7]! & 255}`;
  }
  return `${groups
    .slice(0, 4)
    .map((g) => g.toString(16))
    .join(':')}::/64`;
}

/** The eight 16-bit groups of a valid IPv6 address, with `::` and an IPv4 tail written out. */
function ipv6Groups(address: string): number[] {
  const [head, tail] = address.split('::') as [string, string | undefined];
  const parse = (part: string | undefined) =>
    !part
      ? []
      : part.split(':').flatMap((group) => {
          if (!isIPv4(group)) return [parseInt(group, 16)];
          const [a, b, c, d] = group.split('.').map(Number) as [number, number, number, number];
          return [(a << 8) | b, (c << 8) | d];
        });
  const first = parse(head);
  if (tail === undefined) return first;
  const last = parse(tail);
  return [...first, ...Array<number>(8 - first.length - last.length).fill(0), ...last];
}

/** The answer to a request past a rate limit: try again when the window ends. */
export function rateLimitedError(windows: WindowHits, now: Date): AppError {
  return new AppError('rate_limited', { retryAfterSeconds: secondsUntil(windows.windowEnds, now) });
}
