import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';

export interface DevSecrets {
  secretKey: string;
  demoPassword: string;
}

/**
 * Development only: a server key and a demo password made on first start and kept beside the
 * embedded database, so sessions and the demo password survive restarts. Production must set
 * SECRET_KEY itself (the config refuses to start without it).
 */
export function loadOrCreateDevSecrets(dataDir: string): DevSecrets {
  const file = join(dataDir, 'dev-secrets.json');
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as DevSecrets;
  mkdirSync(dataDir, { recursive: true });
  const secrets: DevSecrets = {
    secretKey: randomBytes(32).toString('base64url'),
    // Four random words' worth of entropy, easy to type from the console.
    demoPassword: `demo-${randomBytes(9).toString('base64url')}`,
  };
  writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  return secrets;
}
