import type { ParameterModel, TypeModel } from '../model/model.js';
import { resolveType } from '../model/type-queries.js';
import type { SchemaLookup } from './examples.js';
import { objectKey, quote } from './literals.js';

/**
 * The runtime's code for how a path or query parameter is written (`APIRequest.styles`): the
 * style, `*` when exploded, `+` before it for `allowReserved`, or `json`. `undefined` where the
 * runtime's default writes it the same way, so that most methods pass no styles at all.
 */
export function styleCode(param: ParameterModel, lookup: SchemaLookup): string | undefined {
  const { style, explode, allowReserved, json } = param.serialization;
  if (json) return 'json';
  const code = `${allowReserved ? '+' : ''}${style}${explode ? '*' : ''}`;
  // An exploded object is the only value `explode` changes in these two.
  if (code === 'form*' || code === 'simple*') return mayBeObject(param.type, lookup, 0) ? code : undefined;
  // The runtime's default for an object in the query; the model gives no other kind this style.
  if (code === 'simple' || code === 'deepObject*') return undefined;
  return code;
}

/**
 * How api.md says a parameter is written, where that is not its place's default:
 * `style: form, explode: false`, `content: application/json`; `undefined` otherwise.
 */
export function styleNote(param: ParameterModel, lookup: SchemaLookup): string | undefined {
  const { style, explode, allowReserved, json } = param.serialization;
  if (json) return 'content: application/json';
  if (param.in === 'header' ? !explode || !mayBeObject(param.type, lookup, 0) : styleCode(param, lookup) === undefined)
    return undefined;
  return `style: ${style}, explode: ${explode}${allowReserved ? ', allowReserved: true' : ''}`;
}

/**
 * `styles: queryStyles({ ids: 'form' }),` (or `pathStyles: pathStyles(…)`), or `undefined` when
 * every parameter is written the default way: most methods pass none, and import none.
 */
export function stylesEntry(
  key: 'styles' | 'pathStyles',
  params: readonly ParameterModel[],
  lookup: SchemaLookup,
): string | undefined {
  const codes = params.flatMap((p) => {
    const code = styleCode(p, lookup);
    return code === undefined ? [] : [`${objectKey(p.name)}: ${quote(code)}`];
  });
  return codes.length === 0 ? undefined : `${key}: ${STYLE_WRITERS[key]}({ ${codes.join(', ')} }),`;
}

/** The function of core/styles that makes each entry's writer. */
export const STYLE_WRITERS = { styles: 'queryStyles', pathStyles: 'pathStyles' } as const;

/**
 * The `Cookie` header of the cookie parameters among `params` (bound as `header<i>`, by their
 * index), or nothing when there are none: `cookie: cookieHeader({ session: header0 })`.
 */
export function cookieEntry(params: readonly ParameterModel[], lookup: SchemaLookup): string[] {
  const cookies = params.flatMap((p, i) => (p.in === 'cookie' ? [{ p, i }] : []));
  if (cookies.length === 0) return [];
  const values = cookies.map(({ p, i }) => `${objectKey(p.name)}: header${i}`);
  const codes = cookies.flatMap(({ p }) => {
    const code = styleCode(p, lookup);
    return code === undefined || code === 'form*' ? [] : [`${objectKey(p.name)}: ${quote(code)}`];
  });
  const styles = codes.length === 0 ? '' : `, { ${codes.join(', ')} }`;
  return [`cookie: cookieHeader({ ${values.join(', ')} }${styles})`];
}

/**
 * A header parameter's value as text, `simple` style: a list is `a,b` (as `String` writes it),
 * an object `k,v,k2,v2` (`k=v,k2=v2` exploded), a `content: application/json` value its JSON.
 */
export function headerValue(param: ParameterModel, variable: string, lookup: SchemaLookup): string {
  const orUndefined = (text: string): string => `${variable} === undefined ? undefined : ${text}`;
  if (param.serialization.json) return orUndefined(`JSON.stringify(${variable})`);
  const kind = resolveType(param.type, lookup)?.kind;
  if (kind === 'object' || kind === 'omit') {
    const joint = param.serialization.explode ? '=' : ',';
    return orUndefined(
      `Object.entries(${variable}).flatMap(([k, v]) => (v === undefined ? [] : [\`\${k}${joint}\${v}\`])).join(',')`,
    );
  }
  const isString = param.type.kind === 'primitive' && param.type.name === 'string';
  return isString ? variable : orUndefined(`String(${variable})`);
}

/** Whether a value of the type may be an object (not a list): then `explode` changes how it is written. */
function mayBeObject(type: TypeModel, lookup: SchemaLookup, depth: number): boolean {
  const resolved = resolveType(type, lookup);
  if (resolved === undefined || depth > 16) return false;
  switch (resolved.kind) {
    case 'object':
    case 'omit':
      return true;
    case 'union':
    case 'intersection':
      return resolved.members.some((member) => mayBeObject(member, lookup, depth + 1));
    default:
      return false;
  }
}
