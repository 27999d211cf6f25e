import type { Diagnostic } from '../diagnostics.js';
import type { SpecFile } from './spec-file.js';

/** Checks the outline every later stage relies on: an OpenAPI 3.x document with the right kinds of nodes. */
export function validateDocument(file: SpecFile): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const error = (code: string, message: string, container: object | undefined, key?: string, hint?: string): void => {
    const location =
      container === undefined ? { file: file.displayPath, line: 1, column: 1 } : file.locate(container, key);
    diagnostics.push({ code, severity: 'error', message, location, hint });
  };
  const root = file.value;
  if (!isRecord(root)) {
    error('not-openapi', `${file.displayPath} is not an OpenAPI document: its top level is not a mapping.`, undefined);
    return diagnostics;
  }
  if ('swagger' in root) {
    error(
      'swagger-2',
      `${file.displayPath} is a Swagger ${String(root['swagger'])} document; sdkgen reads OpenAPI 3.0 and 3.1.`,
      root,
      'swagger',
      'Convert it first, e.g. `npx swagger2openapi spec.yaml -o openapi.yaml`, or with the Swagger Editor (Edit → Convert to OpenAPI 3).',
    );
    return diagnostics;
  }
  const version = root['openapi'];
  if (version === undefined) {
    error('not-openapi', `${file.displayPath} is not an OpenAPI document: it has no \`openapi\` field.`, root);
    return diagnostics;
  }
  // `3.0` without a patch number is read too, as Redocly (and openapi-typescript) read it.
  if (typeof version !== 'string' || !/^3\.[01](\.\d+|$)/.test(version)) {
    error(
      'openapi-version',
      `Unsupported OpenAPI version ${JSON.stringify(version)}; sdkgen reads 3.0.x and 3.1.x.`,
      root,
      'openapi',
    );
  }
  expectKind(root, 'info', 'mapping', error);
  expectKind(root, 'paths', 'mapping', error);
  expectKind(root, 'components', 'mapping', error);
  expectKind(root, 'servers', 'list', error);
  const components = root['components'];
  if (isRecord(components)) {
    for (const section of ['schemas', 'parameters', 'responses', 'requestBodies', 'securitySchemes']) {
      expectKind(components, section, 'mapping', error);
    }
  }
  const paths = root['paths'];
  if (isRecord(paths)) {
    for (const [path, item] of Object.entries(paths)) {
      if (path.startsWith('x-')) continue; // the Paths Object allows extensions
      if (!path.startsWith('/')) error('path-invalid', `Path "${path}" must start with "/".`, paths, path);
      if (item === null) {
        // `/path: null`: other generators skip the path, and so does the model.
        diagnostics.push({
          code: 'path-null',
          severity: 'warning',
          message: `\`${path}: null\` declares no operation; the path is ignored.`,
          location: file.locate(paths, path),
          hint: 'Remove the line, or describe the path item under it.',
        });
        continue;
      }
      expectKind(paths, path, 'mapping', error);
      if (isRecord(item) && typeof item['$ref'] !== 'string') {
        for (const [method, operation] of Object.entries(item)) {
          // `post: null` is ignored with a warning (check-keys), as other generators read it.
          if (HTTP_METHODS.has(method) && operation !== null) expectKind(item, method, 'mapping', error);
          if (HTTP_METHODS.has(method) && isRecord(operation)) expectKind(operation, 'parameters', 'list', error);
        }
        expectKind(item, 'parameters', 'list', error);
      }
    }
  }
  return diagnostics;
}

export const HTTP_METHODS: ReadonlySet<string> = new Set([
  'get',
  'put',
  'post',
  'delete',
  'options',
  'head',
  'patch',
  'trace',
]);

type Report = (code: string, message: string, container: object | undefined, key?: string) => void;

function expectKind(container: Record<string, unknown>, key: string, kind: 'mapping' | 'list', error: Report): void {
  const value = container[key];
  if (value === undefined) return;
  const ok = kind === 'list' ? Array.isArray(value) : isRecord(value);
  if (!ok) error('wrong-kind', `\`${key}\` must be a ${kind}, not ${describeKind(value)}.`, container, key);
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function describeKind(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  return typeof value === 'object' ? 'a mapping' : `a ${typeof value}`;
}
