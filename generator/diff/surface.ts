import { emitPackage } from '../emit/emit-package.js';
import type { ApiModel, NamedSchema, ResourceModel } from '../model/model.js';
import type { Change } from './compare.js';
import { changedLines } from './line-diff.js';

/** What a spec change does to the generated package's public surface, for a reviewer. */
export interface SurfaceSummary {
  readonly methods: {
    readonly added: readonly string[];
    readonly removed: readonly string[];
    readonly renamed: readonly (readonly [string, string])[];
  };
  readonly functionsRenamed: readonly (readonly [string, string])[];
  /** Methods whose positional arguments changed order: `client.x.retrieve (a, b) → (b, a)`. */
  readonly argumentsReordered: readonly string[];
  /**
   * Methods whose spec lists path parameters in another order than their path: clients made by
   * sdkgen before 0.2 took the spec's order, so regenerating one of those reorders their arguments.
   */
  readonly pathOrderSince02: readonly string[];
  readonly types: {
    readonly added: readonly string[];
    readonly removed: readonly string[];
    readonly renamed: readonly (readonly [string, string])[];
    readonly changed: readonly string[];
  };
  /** Lines changed in the generated package's committed files (not dist/), as `git diff --stat` counts them. */
  readonly lines: { readonly added: number; readonly removed: number; readonly files: number };
  /** Lines changed in api-report.md: the declarations of the package. */
  readonly reportLines: { readonly added: number; readonly removed: number };
}

/**
 * Generates both clients in memory (the same banner for both, so that only the spec's change
 * shows) and reads the surface change from the findings and the two packages' files.
 */
export function surfaceSummary(base: ApiModel, head: ApiModel, changes: readonly Change[]): SurfaceSummary {
  const pairs = (rule: Change['rule']): [string, string][] =>
    changes.filter((c) => c.rule === rule).map((c) => [c.before ?? '', c.after ?? '']);
  const values = (rule: Change['rule'], side: 'before' | 'after'): string[] =>
    changes.filter((c) => c.rule === rule).map((c) => c[side] ?? '');
  const command = 'sdkgen generate';
  const files = (model: ApiModel): Map<string, string> =>
    new Map(
      emitPackage(model, { command, dist: true })
        .filter((f) => !f.path.startsWith('dist/'))
        .map((f) => [f.path, f.contents]),
    );
  const before = files(base);
  const after = files(head);
  let added = 0;
  let removed = 0;
  let touched = 0;
  let reportLines = { added: 0, removed: 0 };
  for (const path of new Set([...before.keys(), ...after.keys()])) {
    const lines = changedLines(before.get(path) ?? '', after.get(path) ?? '');
    if (path === 'api-report.md') reportLines = lines;
    if (lines.added + lines.removed === 0) continue;
    added += lines.added;
    removed += lines.removed;
    touched++;
  }
  const headSchemas = new Map(head.schemas.map((s) => [s.name, s]));
  const baseNames = new Set(base.schemas.map((s) => s.name));
  // A type renamed is listed as renamed, not as removed and added.
  const renamedTypes = [
    ...pairs('schema-renamed'),
    ...pairs('operation-type-renamed'),
    ...pairs('resource-class-renamed'),
  ];
  const renamedFrom = new Set(renamedTypes.map(([from]) => from));
  const renamedTo = new Set(renamedTypes.map(([, to]) => to));
  const changedTypes = base.schemas.filter((s) => {
    const other = headSchemas.get(s.name);
    return other !== undefined && structure(s) !== structure(other);
  });
  return {
    methods: {
      added: values('operation-added', 'after'),
      removed: [...values('operation-removed', 'before'), ...values('deprecated-operation-removed', 'before')],
      renamed: pairs('operation-method-renamed'),
    },
    functionsRenamed: pairs('operation-function-renamed'),
    argumentsReordered: changes
      .filter((c) => c.rule === 'operation-arguments-reordered')
      .map((c) => `${c.subject.replace(/`/g, '')} ${c.before ?? ''} → ${c.after ?? ''}`),
    pathOrderSince02: reorderedSinceDeclared(head),
    types: {
      added: head.schemas.map((s) => s.name).filter((name) => !baseNames.has(name) && !renamedTo.has(name)),
      removed: base.schemas.map((s) => s.name).filter((name) => !headSchemas.has(name) && !renamedFrom.has(name)),
      renamed: renamedTypes,
      changed: changedTypes.map((s) => s.name),
    },
    lines: { added, removed, files: touched },
    reportLines,
  };
}

/** A type's shape without its docs and locations: what its declaration says. */
function structure(schema: NamedSchema): string {
  return JSON.stringify(schema.type, (key, value: unknown) =>
    key === 'docs' || key === 'location' ? undefined : value,
  );
}

/** `client.a.retrieve (orderId, itemId)`: each method whose arguments follow the path, not the spec's list. */
function reorderedSinceDeclared(model: ApiModel): string[] {
  const out: string[] = [];
  const walk = (resource: ResourceModel): void => {
    for (const operation of resource.operations) {
      if (operation.pathParamsDeclared === undefined) continue;
      const call = ['client', ...resource.path, operation.name].join('.');
      out.push(
        `${call} (${operation.pathParamsDeclared.join(', ')}) → (${operation.pathParams.map((p) => p.identifier).join(', ')})`,
      );
    }
    for (const child of resource.children) walk(child);
  };
  walk(model.root);
  return out;
}
