import type { CodeBlockWriter } from 'ts-morph';
import type { ApiModel, Constraints, FieldDocs, NamedSchema, OperationModel, TypeModel } from '../../model/model.js';
import type { Shape, ShapeDocs, ShapeProperty } from '../../runtime/validate.js';
import type { OutputFile } from '../output-file.js';
import { coreFile, FILES, moduleSpecifier } from '../paths.js';
import { printModule } from '../print-module.js';
import { referencedNames } from '../type-writer.js';
import { allResources } from './resource-file.js';

/**
 * `src/validation.ts`: the `validator` client option, that is the spec's schemas as data (only
 * those an answer reaches) and each operation's JSON answer. Its own module, which nothing else
 * imports, so that a client that does not validate leaves the tables and the validator out of
 * its bundle. One line per schema and per operation, so a spec change reads as a short diff.
 */
export function emitValidationFile(model: ApiModel, banner: string): OutputFile {
  const responses = new Map<string, TypeModel>();
  for (const operation of [model.root, ...allResources(model)].flatMap((r) => r.operations)) {
    const answer = jsonAnswer(operation);
    if (answer === undefined) continue;
    const key = `${operation.method} ${operation.path}`;
    const before = responses.get(key);
    // Variants of one path (`/responses?beta=true`) share it: either answer is the spec's.
    responses.set(key, before === undefined ? answer : { kind: 'union', members: [before, answer] });
  }
  const schemas = reachable([...responses.values()], model.schemas);
  const from = (file: string): string => moduleSpecifier(FILES.validation, file);
  const table = (writer: CodeBlockWriter, entries: readonly (readonly [string, unknown])[]): void => {
    writer.write('{').newLine();
    writer.indent(() => {
      // `"__proto__": …` in a literal would set the prototype; a computed key is an own property.
      for (const [key, value] of entries)
        writer.writeLine(`${key === '__proto__' ? '["__proto__"]' : JSON.stringify(key)}: ${JSON.stringify(value)},`);
    });
    writer.write('}');
  };
  return printModule(FILES.validation, [
    banner,
    `import { responseValidator } from '${from(coreFile('validate'))}';`,
    `import type { ResponseValidator } from '${from(coreFile('types'))}';`,
    (writer) => {
      writer.blankLine();
      writer.writeLine('/**');
      writer.writeLine(
        ' * Checks each JSON answer against the API description: pass it as the `validator` client option,',
      );
      writer.writeLine(
        " * with `validate: 'warn'` (log a mismatch) or `validate: 'strict'` (throw `ResponseValidationError`).",
      );
      writer.writeLine(' */');
      writer.write('export const validator: ResponseValidator = responseValidator(').inlineBlock(() => {
        writer.write('schemas: ');
        table(
          writer,
          schemas.map((s) => {
            const docs = shapeDocs(s.docs, s.type);
            return [s.name, docs === undefined ? { type: shapeOf(s.type) } : { type: shapeOf(s.type), docs }];
          }),
        );
        writer.write(',').newLine().write('responses: ');
        table(
          writer,
          [...responses]
            .map(([key, type]) => [key, shapeOf(type)] as const)
            .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
        );
        writer.write(',').newLine();
      });
      writer.write(');').newLine();
    },
  ]);
}

/** The answer a method returns parsed from JSON: not bytes, text or a stream. */
function jsonAnswer(operation: OperationModel): TypeModel | undefined {
  const { response } = operation;
  if (response.format !== 'json' || operation.streaming?.mode === 'always') return undefined;
  return response.type;
}

/** The named schemas the answers reach, through refs, in the model's order. */
function reachable(roots: readonly TypeModel[], schemas: readonly NamedSchema[]): NamedSchema[] {
  const byName = new Map(schemas.map((s) => [s.name, s]));
  const seen = new Set<string>();
  const pending = [...roots.reduce((names, root) => referencedNames(root, names), new Set<string>())];
  for (let name = pending.pop(); name !== undefined; name = pending.pop()) {
    const schema = byName.get(name);
    if (schema === undefined || seen.has(name)) continue;
    seen.add(name);
    pending.push(...referencedNames(schema.type));
  }
  return schemas.filter((s) => seen.has(s.name));
}

/** A model type as the validator reads it: only what it checks (no descriptions, examples or locations). */
function shapeOf(type: TypeModel): Shape {
  switch (type.kind) {
    case 'primitive':
    case 'literal':
    case 'ref':
      return type;
    case 'array':
      return type.constraints === undefined
        ? { kind: 'array', items: shapeOf(type.items) }
        : { kind: 'array', items: shapeOf(type.items), constraints: type.constraints };
    case 'object': {
      const properties = type.properties.map((p): ShapeProperty => {
        const docs = shapeDocs(p.docs, p.type);
        return {
          name: p.name,
          ...(p.required ? { required: true } : {}),
          type: shapeOf(p.type),
          ...(docs === undefined ? {} : { docs }),
          ...(p.readOnly ? { readOnly: true } : {}),
          ...(p.writeOnly ? { writeOnly: true } : {}),
        };
      });
      // A closed object allows nothing more: what `additional` says of other properties is moot.
      if (type.closed === true) return { kind: 'object', properties, closed: true };
      return type.additional === undefined
        ? { kind: 'object', properties }
        : { kind: 'object', properties, additional: shapeOf(type.additional) };
    }
    case 'union':
    case 'intersection':
      return { kind: type.kind, members: type.members.map(shapeOf) };
    case 'omit':
      return { kind: 'omit', type: shapeOf(type.type), keys: type.keys };
    default:
      return assertNever(type);
  }
}

/** A field's constraints that its type does not carry already (those beside a `$ref`, or on an enum). */
function shapeDocs(docs: FieldDocs | undefined, type?: TypeModel): ShapeDocs | undefined {
  const own: Record<string, unknown> =
    type !== undefined && (type.kind === 'primitive' || type.kind === 'array') ? { ...type.constraints } : {};
  const constraints = Object.fromEntries(
    Object.entries(docs?.constraints ?? {}).filter(([key, value]) => value !== undefined && own[key] !== value),
  ) as Constraints;
  return Object.keys(constraints).length === 0 ? undefined : { constraints };
}

function assertNever(value: never): never {
  throw new Error(`Unexpected type: ${JSON.stringify(value)}`);
}
