import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** Writes spec files (path → text) into a fresh temporary folder and returns it. */
export function specDir(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'sdkgen-spec-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

/** A valid OpenAPI 3.1 document with the given extra top-level YAML (paths, components, …). */
export function openapi(rest: string): string {
  return `openapi: 3.1.0\ninfo:\n  title: Test API\n  version: 1.0.0\nservers:\n  - url: https://api.example.com\n${rest}`;
}
