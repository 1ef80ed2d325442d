// Ctrl-C (SIGINT), SIGTERM and SIGHUP during `npm run build`: the build stops its children,
// removes its working folders, releases its lock and exits, leaving the output folder as it was.
// The swap into the output folder (two renames) is never cut in half: a signal that arrives
// during it is handled once it is done.

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
const EXIT_CODES: Record<(typeof SIGNALS)[number], number> = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 };

let interrupted = false;
let critical: Promise<unknown> = Promise.resolve();

/** Whether the build has been interrupted (its other failure paths then stay quiet). */
export const isInterrupted = () => interrupted;

/**
 * On a signal: waits for a critical section in progress, runs `cleanup`, prints `message` and
 * exits with 128 + the signal's number.
 */
export function onInterrupt(cleanup: () => Promise<void> | void, message: () => string): void {
  for (const signal of SIGNALS) {
    process.on(signal, () => {
      if (interrupted) return;
      interrupted = true;
      void (async () => {
        await critical.catch(() => undefined);
        try {
          await cleanup();
        } finally {
          console.error(message());
          process.exit(EXIT_CODES[signal]);
        }
      })();
    });
  }
}

/** Runs `fn` with interruptions held until it ends. */
export function uninterrupted<T>(fn: () => Promise<T>): Promise<T> {
  const running = fn();
  critical = running;
  return running;
}

/** A promise that never settles: what a failure path returns once the build is being interrupted. */
export const never = () => new Promise<never>(() => {});
