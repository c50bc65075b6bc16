import { Counter, Registry, collectDefaultMetrics } from 'prom-client';

/**
 * Process metrics shared by the HTTP app and the modules. One registry per services instance,
 * so tests that build several apps in one process do not collide.
 */
export function createMetricsRegistry() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const credentialChecks = new Counter({
    name: 'portvakt_credential_checks_total',
    help: 'Passwords and one-time codes actually compared, by kind and outcome (lockout refusals are not checks)',
    labelNames: ['kind', 'outcome'],
    registers: [registry],
  });
  return {
    registry,
    /** Lets tests and dashboards see how many guesses were really evaluated. */
    credentialChecked(kind: 'password' | 'code', ok: boolean): void {
      credentialChecks.labels(kind, ok ? 'match' : 'mismatch').inc();
    },
  };
}

export type Metrics = ReturnType<typeof createMetricsRegistry>;
