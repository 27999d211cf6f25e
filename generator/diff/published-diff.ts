import type { ApiModel, NamingConventions } from '../model/model.js';
import type { Change } from './compare.js';
import type { DiffFormat } from './format.js';
import { namingHints } from './naming-hints.js';
import { comparePublished } from './published-compare.js';
import { formatAgainst } from './published-format.js';
import { clientFolderSurface, generatedSurface, routesOf } from './published-generated.js';
import { readPublishedPackage } from './published-package.js';
import { readPackageSurface } from './published-surface.js';

/**
 * `sdkgen diff --against`: the published package fetched and read, the generated one read the same
 * way, compared. `clientFolder`: the generated client as it is on disk (`--client`), custom code
 * included, rather than the one the model generates in memory. `remodel`: the model built again with
 * other naming conventions, to say which of them the published package follows (naming-hints.ts).
 */
export function diffAgainst(
  against: string,
  model: ApiModel,
  cwd: string,
  format: DiffFormat,
  clientFolder?: string,
  remodel?: (naming: NamingConventions) => ApiModel | undefined,
): { readonly text: string; readonly changes: readonly Change[] } {
  const published = readPublishedPackage(against, cwd);
  const surface = readPackageSurface(published.files, published.label);
  const report = comparePublished(
    published.label,
    surface,
    clientFolder === undefined ? generatedSurface(model) : clientFolderSurface(clientFolder, cwd),
    routesOf(model),
  );
  // A folder on disk has its own names (a lock, custom code): conventions are a question for the spec's client.
  const naming =
    clientFolder === undefined && remodel !== undefined
      ? namingHints(
          surface.methods.map((m) => m.call),
          model,
          remodel,
        )
      : undefined;
  const full = naming === undefined ? report : { ...report, naming };
  return { text: formatAgainst(full, format), changes: report.changes };
}
