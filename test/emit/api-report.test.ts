import { describe, expect, it } from 'vitest';
import { compileDist } from '../../generator/emit/compile-dist.js';
import { emitSources } from '../../generator/emit/emit-package.js';
import { ApiReport, apiReportFile, singleQuoted } from '../../generator/emit/files/api-report-file.js';
import type { OutputFile } from '../../generator/emit/output-file.js';
import { modelSpec } from '../../generator/model-spec.js';
import { ROOT } from '../helpers/paths.js';

/** The report's sections by module: `## \`core/client\`` → its code block. */
function sections(report: OutputFile): Map<string, string> {
  const out = new Map<string, string>();
  for (const match of report.contents.matchAll(/^## `([^`]+)`\n\n```ts\n([\s\S]*?)\n```$/gm))
    out.set(match[1] as string, match[2] as string);
  return out;
}

describe('singleQuoted', () => {
  it('turns double-quoted literals into single-quoted ones and leaves the rest alone', () => {
    expect(singleQuoted('import { A } from "./a.js";')).toBe("import { A } from './a.js';");
    expect(singleQuoted(`kind: "it's" | 'x"y';`)).toBe(`kind: 'it\\'s' | 'x"y';`);
    expect(singleQuoted('say: "a \\"b\\" \\\\";')).toBe(`say: 'a "b" \\\\';`);
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a template literal type, as tsc prints it, is the input.
    expect(singleQuoted('t: `a"${string}"`;')).toBe('t: `a"${string}"`;');
    expect(singleQuoted('no quotes at all')).toBe('no quotes at all');
  });
});

describe('the API report', () => {
  const sources = emitSources(modelSpec('test/fixtures/hostile/openapi.yaml', ROOT).model, 'sdkgen generate');
  const report = apiReportFile('hostile', 'sdkgen generate', compileDist(sources));
  const bySection = sections(report);

  it('has a section per module, with declarations and no comments, indented with spaces', () => {
    const modules = sources
      .filter((f) => f.path.startsWith('src/') && f.path.endsWith('.ts'))
      .map((f) => f.path.slice(4, -3));
    expect([...bySection.keys()]).toEqual([...modules].sort());
    for (const [module, text] of bySection) {
      expect(text, module).not.toMatch(/^\s*(\/\/|\/\*|\*)/m);
      expect(text, module).not.toMatch(/^\t/m);
      expect(text, module).not.toMatch(/from "/);
    }
    expect(bySection.get('core/client')).toContain('export declare class BaseClient {');
  });

  it('is the same made batch by batch, in any order, as the CLI’s main thread makes it', () => {
    const dist = compileDist(sources);
    const byBatch = new ApiReport();
    // The last modules first, in batches of three: the sections are put in path order at the end.
    const reversed = [...dist].reverse();
    for (let at = 0; at < reversed.length; at += 3) byBatch.add(reversed.slice(at, at + 3));
    expect(byBatch.file('hostile', 'sdkgen generate')).toEqual(report);
  });

  it('is made once while no declaration is added, and again after one is', () => {
    const dist = compileDist(sources);
    const made = new ApiReport();
    made.add(dist.slice(0, -4));
    const early = made.file('hostile', 'sdkgen generate');
    expect(made.file('hostile', 'sdkgen generate')).toBe(early);
    expect(made.file('hostile', 'sdkgen generate --no-dist').contents).toContain('sdkgen generate --no-dist');
    made.add(dist.slice(-4));
    expect(made.file('hostile', 'sdkgen generate')).toEqual(report);
  });
});
