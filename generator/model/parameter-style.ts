import type { DiagnosticBag } from '../diagnostics.js';
import type { SpecFile } from '../load/spec-file.js';
import type { ParameterLocation, ParameterSerialization, ParameterStyle } from './model.js';
import { fileHolding, isRecord, locate, type SpecContext } from './spec-context.js';

/** The styles OpenAPI defines for each place, the default first. */
const STYLES: Readonly<Record<ParameterLocation, readonly ParameterStyle[]>> = {
  path: ['simple', 'label', 'matrix'],
  query: ['form', 'spaceDelimited', 'pipeDelimited', 'deepObject'],
  header: ['simple'],
  cookie: ['form'],
};

const ALL_STYLES: ReadonlySet<string> = new Set(Object.values(STYLES).flat());

/** The warnings given so far, by the model build (its diagnostics) they belong to. */
const warned = new WeakMap<DiagnosticBag, Set<string>>();

/** What a schema holds, as far as styles care: a list, an object, one value, or one cannot tell. */
type ValueKind = 'array' | 'object' | 'primitive' | 'unknown';

/** The serialization of a query parameter the spec says nothing about. */
export const QUERY_DEFAULT: ParameterSerialization = {
  style: 'form',
  explode: true,
  allowReserved: false,
  json: false,
};

/**
 * How a parameter is written on the wire: its `style`, `explode` and `allowReserved` with the
 * defaults of its place (`form` exploded in the query, `simple` elsewhere), or JSON for
 * `content: application/json`. An object in the query with no style is a `deepObject`
 * (`filter[kind]=x`), as openapi-fetch and hey-api send it: `form`'s flattening would mix its
 * keys with the other parameters. What OpenAPI leaves undefined (`deepObject` on a list, a
 * style of another place, an exploded `pipeDelimited`) is a warning, and the place's default.
 */
export function readSerialization(
  ctx: SpecContext,
  param: Record<string, unknown>,
  place: ParameterLocation,
  schema: unknown,
  file: SpecFile,
): ParameterSerialization {
  const name = String(param['name']);
  const warn = (key: string, message: string): void => {
    const text = `Parameter "${name}" (${place}): ${message}`;
    // Once per text: a parameter repeated on every operation (an `expand` list, say) is one problem.
    const said = warned.get(ctx.diagnostics) ?? new Set<string>();
    warned.set(ctx.diagnostics, said);
    if (said.has(text)) return;
    said.add(text);
    ctx.diagnostics.warning('parameter-style-unsupported', text, locate(ctx, param, key));
  };
  const placeDefault = STYLES[place][0] as ParameterStyle;
  const defaultExplode = placeDefault === 'form';
  const allowReserved = readAllowReserved(param, place, warn);
  if (param['schema'] === undefined && isRecord(param['content'])) {
    const media = Object.keys(param['content'])[0] ?? '';
    const json = /^application\/(.+\+)?json\s*(;|$)/i.test(media);
    if (!json && !/^text\/plain\s*(;|$)/i.test(media))
      warn('content', `\`content: ${media}\` is not JSON; the value is sent as text.`);
    return { style: placeDefault, explode: defaultExplode, allowReserved: false, json };
  }
  const kind = valueKind(ctx, schema, file, 0);
  const declared = param['style'];
  let style = placeDefault;
  if (typeof declared === 'string' && STYLES[place].includes(declared as ParameterStyle)) {
    style = declared as ParameterStyle;
  } else if (declared !== undefined) {
    const known = typeof declared === 'string' && ALL_STYLES.has(declared);
    warn(
      'style',
      `${known ? `\`style: ${declared}\` is not a style of ${place} parameters` : `\`style: ${String(declared)}\` is not an OpenAPI style`}; ${place} parameters take ${STYLES[place].join(', ')}. It is sent as \`${placeDefault}\`.`,
    );
  } else if (place === 'query' && kind === 'object') {
    style = 'deepObject';
  }
  const explode = typeof param['explode'] === 'boolean' ? param['explode'] : style === 'form' || style === 'deepObject';
  if (style === 'deepObject' && kind !== 'object' && kind !== 'unknown') {
    warn(
      'style',
      `\`style: deepObject\` is defined for objects only, and the schema is ${kind === 'array' ? 'a list' : 'a single value'}. It is sent as \`form\` (exploded).`,
    );
    return { style: 'form', explode: true, allowReserved, json: false };
  }
  if (style === 'deepObject' && !explode) {
    warn(
      'explode',
      '`style: deepObject` is defined with `explode: true` only. It is sent exploded (`name[key]=value`).',
    );
    return { style, explode: true, allowReserved, json: false };
  }
  if ((style === 'spaceDelimited' || style === 'pipeDelimited') && explode && kind !== 'primitive') {
    warn(
      'explode',
      `\`style: ${style}\` is defined with \`explode: false\` only. It is sent as \`form\` (exploded), which repeats the name for each value.`,
    );
    return { style: 'form', explode: true, allowReserved, json: false };
  }
  return { style, explode, allowReserved, json: false };
}

function readAllowReserved(
  param: Record<string, unknown>,
  place: ParameterLocation,
  warn: (key: string, message: string) => void,
): boolean {
  if (param['allowReserved'] !== true) return false;
  if (place === 'query') return true;
  warn('allowReserved', `\`allowReserved\` applies to query parameters only; it is ignored.`);
  return false;
}

/** Whether a schema is a list, an object or one value, following `$ref`s, type lists and compositions. */
function valueKind(ctx: SpecContext, raw: unknown, file: SpecFile, depth: number): ValueKind {
  if (depth > 16 || !isRecord(raw)) return 'unknown';
  // Followed quietly: the schema's converter has reported any broken `$ref` already.
  const resolved =
    typeof raw['$ref'] === 'string' ? ctx.spec.resolveRef(raw['$ref'], fileHolding(ctx, raw, file)) : undefined;
  if (resolved !== undefined) return valueKind(ctx, resolved.value, resolved.file, depth + 1);
  const schema = raw;
  const at = file;
  if (typeof schema['$ref'] === 'string') return 'unknown';
  const types = (Array.isArray(schema['type']) ? schema['type'] : [schema['type']]).filter(
    (t) => typeof t === 'string' && t !== 'null',
  );
  if (types.length === 1) return types[0] === 'array' ? 'array' : types[0] === 'object' ? 'object' : 'primitive';
  if (types.length > 1) return 'unknown';
  if ('properties' in schema || 'additionalProperties' in schema) return 'object';
  if ('items' in schema) return 'array';
  if ('enum' in schema || 'const' in schema) return 'primitive';
  const members = ['allOf', 'oneOf', 'anyOf'].flatMap((key) => (Array.isArray(schema[key]) ? schema[key] : []));
  const kinds = new Set(members.map((member) => valueKind(ctx, member, at, depth + 1)));
  return kinds.size === 1 ? ([...kinds][0] as ValueKind) : 'unknown';
}
