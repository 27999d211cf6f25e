import type { SourceLocation } from '../../generator/diagnostics.js';
import type { SpecFile } from '../../generator/load/spec-file.js';

/**
 * Every location a diagnostic may ask of `file`: each container, each entry's key and value, and
 * a missing key; a container reached twice (a YAML alias) once. What two readers of one text must
 * give alike.
 */
export function everyLocation(file: SpecFile): string[] {
  const out: string[] = [];
  const show = (path: string, at: SourceLocation): number => out.push(`${path} ${at.line}:${at.column}`);
  const seen = new Set<object>();
  const visit = (value: unknown, path: string): void => {
    if (value === null || typeof value !== 'object' || seen.has(value)) return;
    seen.add(value);
    show(path, file.locate(value));
    show(`${path}/<missing>`, file.locate(value, '<missing>'));
    for (const [key, inner] of Object.entries(value)) {
      show(`${path}/${key} key`, file.locate(value, Array.isArray(value) ? Number(key) : key));
      show(`${path}/${key} value`, file.locate(value, key, 'value'));
      visit(inner, `${path}/${key}`);
    }
  };
  visit(file.value, '');
  return out;
}
