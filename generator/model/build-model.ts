import { type Diagnostic, DiagnosticBag } from '../diagnostics.js';
import type { LoadedSpec } from '../load/load-spec.js';
import { withAliases } from './aliases.js';
import { buildClient, idempotencyHeaderOf } from './client.js';
import { withoutClientSentParams } from './client-sent-params.js';
import { checkReadmeExample } from './client-settings.js';
import { fittingPageClass } from './declared-pagination.js';
import { checkExamples } from './example-check.js';
import { readPageClasses } from './extensions.js';
import { withItemIdExamples } from './item-id-examples.js';
import { KeptNames, type NamesInput } from './kept-names.js';
import type { ApiModel, FilterModel, NamingConventions } from './model.js';
import { NameRegistry } from './names.js';
import { FilteredOperations } from './operation-filter.js';
import type { OperationDraft } from './operations.js';
import { readOperations, readSecurity } from './operations.js';
import { withPageTypes } from './page-types.js';
import { InferredPageClasses, paginationOf } from './pagination.js';
import { RESERVED_NAMES, RUNTIME_PAGE, RUNTIME_PAGE_ALIAS } from './reserved-names.js';
import { buildResources } from './resources.js';
import { SchemaConverter } from './schemas.js';
import { isFiltering, type OperationFilter } from './selectors.js';
import { operationTypes, schemasOnlySkippedReach } from './skipped-operations.js';
import { isRecord, type SpecContext } from './spec-context.js';
import { requestView, responseView } from './visibility.js';
import { readWebhooks, withWebhooksProperty } from './webhooks.js';

export interface BuildResult {
  readonly model: ApiModel;
  /** Warnings; errors are thrown as a `SpecError`. */
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * Builds the model of a loaded spec. This is the only code that reads the raw spec.
 * Names are claimed in a fixed order (client, page classes, schemas, resources, params)
 * so the same spec always gives the same names. `lock`: the names an earlier run gave, which
 * whatever is still there keeps (docs/naming.md, "Names are kept"). `filter`: `--include` /
 * `--exclude`, applied before anything is named; the schemas no kept operation reaches are pruned.
 * `naming`: conventions laid over the spec's own `x-sdkgen-client.naming`, as `sdkgen diff --against`
 * tries them to find the ones a published package follows.
 */
export function buildModel(
  spec: LoadedSpec,
  lock?: NamesInput,
  filter?: OperationFilter,
  naming?: NamingConventions,
): BuildResult {
  const kept = lock === undefined ? undefined : new KeptNames(lock);
  const ctx: SpecContext = { spec, diagnostics: new DiagnosticBag(), kept };
  ctx.diagnostics.addAll(spec.warnings);
  const names = new NameRegistry(RESERVED_NAMES);
  const doc = spec.root.value as Record<string, unknown>;
  const { idempotencyExtension, envPrefix, ...built } = buildClient(ctx, names);
  const coreClassName = names.claim(`${built.className}Core`);
  const defaultAuth = readSecurity(ctx, {}, built.auth);
  const declaredPages = readPageClasses(ctx, doc);
  for (const pageClass of declaredPages.values()) {
    // A class named like the runtime's base takes the name; the package exports the base as `AbstractPage`.
    if (pageClass.name === RUNTIME_PAGE && !names.has(RUNTIME_PAGE_ALIAS)) names.claim(RUNTIME_PAGE_ALIAS);
    else if (names.has(pageClass.name))
      ctx.diagnostics.error(
        'name-taken',
        `Page class name ${pageClass.name} is already used.`,
        spec.root.locate(doc, 'x-sdkgen-pagination'),
      );
    else names.claim(pageClass.name);
  }
  // The client and page classes come first; then no name is inferred that the lock keeps for another.
  if (kept !== undefined) names.keep(kept.typeNames);
  const filtered = isFiltering(filter) ? new FilteredOperations(ctx, filter) : undefined;
  const schemas = new SchemaConverter(ctx, names);
  schemas.registerComponents(filtered?.reach());
  const pageClasses = withPageTypes(declaredPages, schemas, names, spec.root);
  const { drafts: read, skipped } = readOperations(ctx, schemas, pageClasses, built.auth, (operation) =>
    filtered === undefined ? false : filtered.leavesOut(operation),
  );
  const webhooks = readWebhooks(ctx, schemas, doc, envPrefix, built.options);
  const idempotencyHeader = idempotencyHeaderOf(idempotencyExtension, read);
  const drafts = withoutClientSentParams(read, built.options);
  checkReadmeExample(ctx, built.readme, drafts);
  const client = {
    ...built,
    coreClassName,
    defaultAuth,
    idempotencyHeader,
    ...(naming === undefined ? {} : { naming: { ...built.naming, ...naming } }),
  };
  schemas.drain();
  // Declared page classes are checked; undeclared GET lists get an inferred one.
  const inferred = new InferredPageClasses(names, pageClasses.values());
  const placed = drafts.map(withVisibility(schemas)).map((draft) => ({
    draft,
    ...(fittingPageClass(schemas, draft, pageClasses.values()) ??
      paginationOf(ctx, schemas, draft, inferred, client.pagination !== 'declared')),
  }));
  const root = buildResources(ctx, withAliases(placed), names, client.className, schemas, client);
  for (const { name, wanted } of names.numbered)
    ctx.diagnostics.warning(
      'name-numbered',
      `${name} is numbered: ${wanted.join(', ')} are all taken.`,
      undefined,
      'Rename one of the clashing schemas, or set x-sdkgen-resource / x-sdkgen-method on the operation.',
    );
  kept?.reportUnused(ctx.diagnostics);
  ctx.diagnostics.throwIfErrors(spec.sourceText);
  const leftOut = schemasOnlySkippedReach(
    ctx,
    skipped,
    schemas.schemas,
    (raw) => schemas.nameOf(raw),
    [...operationTypes(root), ...(webhooks?.events.map((e) => e.type) ?? [])],
    schemas.declaredNames,
  );
  const filterReport = filtered?.report(...componentCounts(doc, schemas, leftOut));
  const checked = checkExamples({
    client,
    schemas: schemas.schemas.filter((s) => !leftOut.has(s.name)),
    pageClasses: inferred.all,
    root,
    ...(webhooks === undefined ? {} : { webhooks: withWebhooksProperty(webhooks, root) }),
    ...(skipped.length === 0 ? {} : { skipped: skipped.map((s) => s.model) }),
  });
  ctx.diagnostics.addAll(checked.diagnostics);
  const model = withItemIdExamples(checked.model);
  return {
    model: filterReport === undefined ? model : withFilter(model, filterReport),
    diagnostics: ctx.diagnostics.all,
  };
}

function withFilter(model: ApiModel, filtered: FilterModel): ApiModel {
  return { ...model, filtered };
}

/** How many schemas `components.schemas` has, and how many of them the client has. */
function componentCounts(
  doc: Record<string, unknown>,
  schemas: SchemaConverter,
  leftOut: ReadonlySet<string>,
): [number, number] {
  const components = doc['components'];
  const raw = isRecord(components) ? components['schemas'] : undefined;
  const all = isRecord(raw) ? Object.values(raw).filter((s): s is object => typeof s === 'object' && s !== null) : [];
  const named = all.filter((s) => {
    const name = schemas.nameOf(s);
    return name !== undefined && !leftOut.has(name);
  });
  return [all.length, named.length];
}

/** Bodies without read-only properties, responses without write-only ones. */
function withVisibility(schemas: SchemaConverter): (draft: OperationDraft) => OperationDraft {
  return (draft) => ({
    ...draft,
    body: draft.body === undefined ? undefined : { ...draft.body, type: requestView(draft.body.type, schemas) },
    response:
      draft.response.type === undefined
        ? draft.response
        : { ...draft.response, type: responseView(draft.response.type, schemas) },
  });
}
