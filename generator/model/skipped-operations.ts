/**
 * Operations `x-sdkgen-skip` leaves out of the client (Stainless generates only the endpoints
 * its config lists), and the schemas that only they reach, which are left out with them.
 */
import type { SpecFile } from '../load/spec-file.js';
import type { HttpMethod, NamedSchema, ResourceModel, SkippedOperationModel, TypeModel } from './model.js';
import { rawReach } from './raw-reach.js';
import type { SpecContext } from './spec-context.js';

/** A skipped operation as the spec has it: what `sdkgen plan` lists, and the raw object whose `$ref`s it reaches. */
export interface SkippedOperation {
  readonly model: SkippedOperationModel;
  readonly raw: Record<string, unknown>;
  readonly file: SpecFile;
}

export function skippedOperation(
  operation: Record<string, unknown>,
  file: SpecFile,
  route: { readonly method: HttpMethod; readonly path: string },
  skip: string | true,
  location: SkippedOperationModel['location'],
): SkippedOperation {
  const id = operation['operationId'];
  return {
    model: {
      operationId: typeof id === 'string' ? id : undefined,
      method: route.method,
      path: route.path,
      reason: skip === true ? 'x-sdkgen-skip' : `x-sdkgen-skip: ${skip}`,
      location,
    },
    raw: operation,
    file,
  };
}

/** The names a type refers to, directly. */
function refsOf(type: TypeModel, out: string[]): void {
  switch (type.kind) {
    case 'ref':
      out.push(type.name);
      return;
    case 'array':
      refsOf(type.items, out);
      return;
    case 'object':
      for (const p of type.properties) refsOf(p.type, out);
      if (type.additional !== undefined) refsOf(type.additional, out);
      return;
    case 'union':
    case 'intersection':
      for (const m of type.members) refsOf(m, out);
      return;
    case 'omit':
      refsOf(type.type, out);
      return;
    case 'primitive':
    case 'literal':
      return;
    default: {
      const never: never = type;
      throw new Error(`unknown type ${JSON.stringify(never)}`);
    }
  }
}

/** The names of the named schemas `roots` reach, through each other. */
function reachedNames(roots: readonly TypeModel[], lookup: (name: string) => NamedSchema | undefined): Set<string> {
  const reached = new Set<string>();
  const pending: string[] = [];
  for (const root of roots) refsOf(root, pending);
  for (let name = pending.pop(); name !== undefined; name = pending.pop()) {
    if (reached.has(name)) continue;
    reached.add(name);
    const schema = lookup(name);
    if (schema !== undefined) refsOf(schema.type, pending);
  }
  return reached;
}

/**
 * The named schemas to leave out: those a skipped operation reaches that nothing generated
 * reaches (`roots`: the types of the kept operations and webhooks, and through them what they
 * refer to) and whose name is not declared (`x-sdkgen-name` makes a schema part of the package
 * whoever uses it). A schema no operation reaches stays, as it always has, and so does what it
 * refers to.
 */
export function schemasOnlySkippedReach(
  ctx: SpecContext,
  skipped: readonly SkippedOperation[],
  schemas: readonly NamedSchema[],
  nameOfRaw: (raw: object) => string | undefined,
  roots: readonly TypeModel[],
  declared: ReadonlySet<string>,
): Set<string> {
  if (skipped.length === 0) return new Set();
  const candidates = new Set<string>();
  for (const raw of rawReach(
    ctx,
    skipped.map((s) => ({ raw: s.raw, file: s.file })),
  )) {
    const name = nameOfRaw(raw);
    if (name !== undefined && !declared.has(name)) candidates.add(name);
  }
  const byName = new Map(schemas.map((s) => [s.name, s]));
  const staying = [...byName.values()].filter((s) => !candidates.has(s.name)).map((s) => s.type);
  const kept = reachedNames([...roots, ...staying], (name) => byName.get(name));
  return new Set([...candidates].filter((name) => byName.has(name) && !kept.has(name)));
}

/**
 * Every type the operations of a resource tree take or give: what the generated client refers to.
 * One list filled in place, a resource's own types before its children's: copying each level's
 * list into its parent's cost Graph's deep tree ~150 ms.
 */
export function operationTypes(resource: ResourceModel): TypeModel[] {
  const types: TypeModel[] = [];
  collectOperationTypes(resource, types);
  return types;
}

function collectOperationTypes(resource: ResourceModel, into: TypeModel[]): void {
  for (const op of resource.operations) {
    for (const p of op.pathParams) into.push(p.type);
    for (const p of op.queryParams) into.push(p.type);
    for (const p of op.headerParams) into.push(p.type);
    if (op.body !== undefined) into.push(op.body.type);
    if (op.response.type !== undefined) into.push(op.response.type);
    if (op.response.events !== undefined) into.push(op.response.events.item);
    if (op.pagination !== undefined) into.push(op.pagination.item);
    for (const e of op.errors) into.push(e.type);
  }
  for (const child of resource.children) collectOperationTypes(child, into);
}
