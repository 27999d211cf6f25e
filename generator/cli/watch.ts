import { type FSWatcher, watch as watchFolder } from 'node:fs';
import { basename, dirname, join } from 'node:path';

export interface WatchOptions {
  /** The files to watch now; asked again after every run, since a spec may gain or lose files. */
  readonly files: () => readonly string[];
  /** One run; its errors are its own to report. */
  readonly run: (changed: readonly string[]) => Promise<void>;
  /** Resolves when watching should stop. */
  readonly stopped: Promise<void>;
  /** Quiet time after the last change before a run (editors write a file in several steps). */
  readonly debounceMs?: number | undefined;
}

/**
 * Runs `run` after the watched files change, one run at a time: changes during a run lead to
 * one more run after it. Folders are watched rather than files, because editors often save
 * by writing a new file and renaming it over the old one, which ends a file watch.
 */
export async function watchFiles(options: WatchOptions): Promise<void> {
  const debounceMs = options.debounceMs ?? 100;
  const watchers = new Map<string, FSWatcher>();
  let wanted = new Set<string>();
  const changed = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;

  const sync = (): void => {
    wanted = new Set(options.files());
    const folders = new Set([...wanted].map((file) => dirname(file)));
    for (const [folder, watcher] of watchers) {
      if (!folders.has(folder)) {
        watcher.close();
        watchers.delete(folder);
      }
    }
    for (const folder of folders) {
      if (watchers.has(folder)) continue;
      try {
        const watcher = watchFolder(folder, (_event, name) => {
          const file = name === null ? undefined : join(folder, basename(name.toString()));
          if (file !== undefined && wanted.has(file)) schedule(file);
        });
        watcher.on('error', () => watchers.delete(folder));
        watchers.set(folder, watcher);
      } catch {
        // A folder that is gone cannot be watched; its file will be reported missing by the run.
      }
    }
  };

  const schedule = (file: string): void => {
    changed.add(file);
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      if (running === undefined) running = runOnce();
    }, debounceMs);
  };

  const runOnce = async (): Promise<void> => {
    do {
      const files = [...changed];
      changed.clear();
      await options.run(files);
      sync();
    } while (changed.size > 0 && timer === undefined);
    running = undefined;
  };

  sync();
  await options.stopped;
  if (timer !== undefined) clearTimeout(timer);
  await running;
  for (const watcher of watchers.values()) watcher.close();
}
