import type { Logger } from 'pino';

/**
 * Run a job every `intervalMs` (first run after one interval) until stopped; a failure is logged
 * and the next run tries again. The timer does not keep the process alive.
 */
export function startPeriodic(name: string, intervalMs: number, job: () => Promise<void>, logger: Logger): () => void {
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    job()
      .catch((error) => logger.error({ err: error, job: name }, 'periodic job failed'))
      .finally(() => {
        running = false;
      });
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
