import { apiReportFile } from './files/api-report-file.js';
import type { OutputFile } from './output-file.js';

/**
 * The package from its sources and their compiled dist/: the API report (made of every
 * declaration, so only once all are compiled) joins them, and dist/ only when asked for. Apart
 * from the emitters (and their printer) so that the CLI's main thread, which gets the sources
 * from the model worker batch by batch, finishes the package without loading them.
 */
export function finishPackage(
  sources: readonly OutputFile[],
  dist: readonly OutputFile[],
  {
    packageName,
    command,
    withDist,
  }: { readonly packageName: string; readonly command: string; readonly withDist: boolean },
): OutputFile[] {
  const report = apiReportFile(packageName, command, dist);
  return sortByPath([...sources, report, ...(withDist ? dist : [])]);
}

export function sortByPath<F extends { readonly path: string }>(files: readonly F[]): F[] {
  return [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
