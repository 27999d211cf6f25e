/**
 * Resolves when a long-running command (mock, watch) should stop: on the first SIGINT, SIGTERM
 * or SIGHUP, or when the process that started it is gone. `npx sdkgen mock &` then `kill $!`
 * signals npm, which ends its shell but not the shell's child: left alone, the mock would run
 * on, orphaned, holding its port. An orphan is adopted by another process, so its parent id
 * changes; that is checked twice a second, on a timer that never keeps the process alive.
 */
export function stopSignal(): Promise<void> {
  return new Promise((resolve) => {
    const parent = process.ppid;
    const orphaned = setInterval(() => {
      if (process.ppid !== parent) stop();
    }, ORPHAN_CHECK_MS);
    orphaned.unref();
    const stop = (): void => {
      clearInterval(orphaned);
      for (const signal of SIGNALS) process.off(signal, stop);
      resolve();
    };
    for (const signal of SIGNALS) process.on(signal, stop);
  });
}

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
const ORPHAN_CHECK_MS = 500;
