import { hash, verify } from '@node-rs/argon2';

// @node-rs/argon2 declares Algorithm as a const enum; its value for argon2id is 2.
const ARGON2ID = 2;
import { normalizePassword } from './password.rules.ts';

export interface Argon2Settings {
  memoryCost: number;
  timeCost: number;
  parallelism: number;
}

/** argon2id on libuv's thread pool, never on the event loop (SPEC §3.3). */
export function createPasswordHasher(settings: Argon2Settings) {
  const options = { algorithm: ARGON2ID, ...settings };
  // Verified against when the e-mail is unknown, so both paths cost one argon2 verification.
  const decoy = hash('decoy password that matches nothing', options);

  return {
    hash: (password: string) => hash(normalizePassword(password), options),

    async verify(storedHash: string | null, password: string): Promise<boolean> {
      const target = storedHash ?? (await decoy);
      const ok = await verify(target, normalizePassword(password)).catch(() => false);
      return ok && storedHash !== null;
    },

    /** True when the stored hash was made with weaker settings than today's. */
    needsRehash(storedHash: string): boolean {
      const match = /^\$argon2id\$v=\d+\$m=(\d+),t=(\d+),p=(\d+)\$/.exec(storedHash);
      if (!match) return true;
      const [, m, t, p] = match.map(Number);
      return m! < settings.memoryCost || t! < settings.timeCost || p! < settings.parallelism;
    },
  };
}

export type PasswordHasher = ReturnType<typeof createPasswordHasher>;
