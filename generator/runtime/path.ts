import { SDKError } from './errors.js';

const TEMPLATE_PARAM = /\{([^{}]+)\}/g;

/**
 * Expands an OpenAPI path template such as `/projects/{project_id}/groups`.
 * Every value is percent-encoded as one path segment, so no value can add a segment,
 * a query or a fragment. `.` and `..` are refused: URL parsers collapse them (even
 * percent-encoded) into a different path.
 */
export function expandPath(template: string, params: Readonly<Record<string, unknown>>): string {
  return template.replace(TEMPLATE_PARAM, (_match, name: string) => {
    const raw = params[name];
    if (raw === undefined || raw === null) {
      throw new SDKError(`Path parameter \`${name}\` is missing.`);
    }
    const value = simpleStyle(raw);
    if (value === '' || value === '.' || value === '..') {
      throw new SDKError(`Path parameter \`${name}\` must not be ${value === '' ? 'empty' : `"${value}"`}.`);
    }
    return value;
  });
}

/** OpenAPI's default path style, `simple`: `a,b,c` for a list, `k,v,k2,v2` for an object; each part encoded. */
function simpleStyle(value: unknown): string {
  if (Array.isArray(value)) return value.map((item) => encodeURIComponent(String(item))).join(',');
  if (typeof value === 'object' && value !== null) {
    return Object.entries(value)
      .flatMap(([key, item]) => [encodeURIComponent(key), encodeURIComponent(String(item))])
      .join(',');
  }
  return encodeURIComponent(String(value));
}
