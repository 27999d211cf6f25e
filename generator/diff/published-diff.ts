import type { ApiModel } from '../model/model.js';
import type { Change } from './compare.js';
import type { DiffFormat } from './format.js';
import { comparePublished } from './published-compare.js';
import { formatAgainst } from './published-format.js';
import { clientFolderSurface, generatedSurface, routesOf } from './published-generated.js';
import { readPublishedPackage } from './published-package.js';
import { readPackageSurface } from './published-surface.js';

/**
 * `sdkgen diff --against`: the published package fetched and read, the generated one read the same
 * way, compared. `clientFolder`: the generated client as it is on disk (`--client`), custom code
 * included, rather than the one the model generates in memory.
 */
export function diffAgainst(
  against: string,
  model: ApiModel,
  cwd: string,
  format: DiffFormat,
  clientFolder?: string,
): { readonly text: string; readonly changes: readonly Change[] } {
  const published = readPublishedPackage(against, cwd);
  const report = comparePublished(
    published.label,
    readPackageSurface(published.files, published.label),
    clientFolder === undefined ? generatedSurface(model) : clientFolderSurface(clientFolder, cwd),
    routesOf(model),
  );
  return { text: formatAgainst(report, format), changes: report.changes };
}
