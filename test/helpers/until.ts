/**
 * Waits until `check` holds, polling what a watcher or server printed. The limit is generous
 * (two minutes): it only turns a hang into a failure that says what never came, on any machine.
 */
export async function until(check: () => boolean, what: string, log: () => string = () => ''): Promise<void> {
  for (let i = 0; i < 4800; i++) {
    if (check()) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`timed out waiting for ${what}; printed:\n${log()}`);
}
