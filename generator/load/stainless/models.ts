import { closest } from '../../did-you-mean.js';
import { isRecord } from '../validate-document.js';
import { type Conversion, jsonPath } from './context.js';
import { readTargets } from './targets.js';

const SCHEMA_REF = '#/components/schemas/';

/**
 * `models: { page_app: Page_App_ }` (under a resource or `$shared`): the component schema
 * `Page_App_` is exported as `PageApp`, the model key in Stainless's PascalCase. The schema is
 * named bare, as `#/components/schemas/Name`, or in the object form `{ openapi_uri: …, only: [node] }`
 * (ImageKit's `$shared` models), whose `skip`/`only` may leave the model out of TypeScript.
 */
export function readModels(
  conversion: Conversion,
  models: unknown,
  container: Record<string, unknown>,
  path: string,
): void {
  if (!isRecord(models)) {
    conversion.error(
      'stainless-invalid',
      `\`${path}.models\` must be a mapping of model names to schemas.`,
      container,
      'models',
    );
    return;
  }
  const components = conversion.spec['components'];
  const schemas = isRecord(components) && isRecord(components['schemas']) ? components['schemas'] : {};
  for (const [name, value] of Object.entries(models)) {
    if (isRecord(value) && 'openapi_uri' in value && !forTypeScript(conversion, value, `${path}.models.${name}`))
      continue;
    const schema = schemaName(value);
    if (schema === undefined) {
      conversion.unsupported(
        models,
        name,
        `${path}.models.${name}`,
        'a model is named by its schema: `Foo`, `#/components/schemas/Foo` or `{ openapi_uri: … }`.',
      );
      continue;
    }
    if (!Object.hasOwn(schemas, schema)) {
      const near = closest(schema, Object.keys(schemas));
      conversion.error(
        'stainless-model-unknown',
        `The spec has no schema \`${schema}\` (#/components/schemas).`,
        models,
        name,
        near === undefined ? undefined : `Did you mean \`${near}\`?`,
      );
      continue;
    }
    const typeName = conversion.pascal(name);
    const first = conversion.modelNames.get(schema);
    if (first !== undefined) {
      if (first !== typeName)
        conversion.warning(
          'stainless-model-repeated',
          `The schema \`${schema}\` is already the model \`${first}\`; a type has one name, so \`${typeName}\` is left out.`,
          models,
          name,
        );
      continue;
    }
    conversion.modelNames.set(schema, typeName);
    conversion.act(
      { target: jsonPath('components', 'schemas', schema), update: { 'x-sdkgen-name': typeName } },
      models,
      name,
    );
  }
}

/** Whether an object-form model is for TypeScript: its `skip`/`only` lists; other keys are warned about. */
function forTypeScript(conversion: Conversion, model: Record<string, unknown>, where: string): boolean {
  let included = true;
  for (const key of Object.keys(model)) {
    if (key === 'skip') included &&= readTargets(conversion, model, key, model[key]) !== true;
    else if (key === 'only') included &&= readTargets(conversion, model, key, model[key]) !== false;
    else if (key !== 'openapi_uri') conversion.unsupported(model, key, `${where}.${key}`);
  }
  return included;
}

function schemaName(value: unknown): string | undefined {
  const ref = isRecord(value) ? (value['openapi_uri'] ?? value['$ref']) : value;
  if (typeof ref !== 'string' || ref === '') return undefined;
  if (ref.startsWith(SCHEMA_REF))
    return decodeURIComponent(ref.slice(SCHEMA_REF.length)).replaceAll('~1', '/').replaceAll('~0', '~');
  return ref.startsWith('#') ? undefined : ref;
}
