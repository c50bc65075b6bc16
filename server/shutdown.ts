import type { Logger } from 'pino';

export interface ShutdownStep {
  /** Logged as the step begins, so the log shows where a slow shutdown waits. */
  message: string;
  run(): Promise<void> | void;
}

export interface ShutdownOptions {
  logger: Logger;
  /** Called first, synchronously: `/ready` must turn 503 the moment the signal arrives. */
  begin(): void;
  steps: ShutdownStep[];
  /** Past this the process exits 1 instead of hanging on a step that never ends. */
  timeoutMs: number;
  exit?: (code: number) => void;
}

/**
 * On SIGTERM or SIGINT, run the steps in order and exit 0 (docs/runbook.md "Start and stop").
 * A second signal (Ctrl-C twice) or the deadline exits 1 at once, saying which step was waiting.
 */
export function exitGracefullyOnSignals(options: ShutdownOptions): void {
  const exit = options.exit ?? ((code: number) => process.exit(code));
  let current: string | undefined;
  const onSignal = (signal: NodeJS.Signals) => {
    if (current !== undefined) {
      options.logger.warn({ signal, waitingFor: current }, 'second signal: exiting without finishing');
      exit(1);
      return;
    }
    current = 'start';
    options.begin();
    options.logger.info({ signal }, 'shutting down');
    const deadline = setTimeout(() => {
      options.logger.error({ waitingFor: current, timeoutMs: options.timeoutMs }, 'shutdown took too long: exiting');
      exit(1);
    }, options.timeoutMs);
    deadline.unref();
    void (async () => {
      try {
        for (const step of options.steps) {
          current = step.message;
          options.logger.info(step.message);
          await step.run();
        }
        options.logger.info('stopped');
        exit(0);
      } catch (error) {
        options.logger.error({ err: error, waitingFor: current }, 'shutdown failed');
        exit(1);
      }
    })();
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
}
