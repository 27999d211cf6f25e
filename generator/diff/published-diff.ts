import type { ApiModel } from '../model/model.js';
import type { Change } from './compare.js';
import type { DiffFormat } from './format.js';
import { comparePublished } from './published-compare.js';
import { formatAgainst } from './published-format.js';
import { generatedSurface, routesOf } from './published-generated.js';
import { readPublishedPackage } from './published-package.js';
import { readPackageSurface } from './published-surface.js';

/** `sdkgen diff --against`: the published package fetched and read, the generated one read the same way, compared. */
export function diffAgainst(
  against: string,
  model: ApiModel,
  cwd: string,
  format: DiffFormat,
): { readonly text: string; readonly changes: readonly Change[] } {
  const published = readPublishedPackage(against, cwd);
  const report = comparePublished(
    published.label,
    readPackageSurface(published.files, published.label),
    generatedSurface(model),
    routesOf(model),
  );
  return { text: formatAgainst(report, format), changes: report.changes };
}
