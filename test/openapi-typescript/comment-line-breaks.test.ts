// A lone carriage return in a description is a line break to TypeScript's printer, which
// 7.13's comments go through (vtex's Profile System writes `\n\r\n\r>` in its descriptions):
// sdkgen's types file is the same text as 7.13's.

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import openapiTS, { astToString, COMMENT_HEADER } from 'openapi-typescript';
import { afterAll, describe, expect, it } from 'vitest';
import { generateTypes } from '../../generator/generate-types.js';

const dir = mkdtempSync(join(tmpdir(), 'cr-docs-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const SPEC = {
  openapi: '3.0.0',
  info: { title: 'Carriage returns', version: '1' },
  paths: {
    '/profiles': {
      post: {
        description: 'Creates a profile.\n\r\n\r> Since\r  indented \r\r  \rlast\r\nend',
        responses: {
          '200': {
            description: 'ok',
            content: {
              'application/json': {
                schema: { type: 'object', properties: { id: { type: 'string', description: 'one\rtwo  \r   three' } } },
              },
            },
          },
        },
      },
    },
  },
};

describe('descriptions with lone carriage returns', () => {
  it('print as 7.13 prints them: a new line at the comment’s indentation, with no `*`', async () => {
    const file = join(dir, 'openapi.json');
    writeFileSync(file, JSON.stringify(SPEC));
    const theirs = `${COMMENT_HEADER}${astToString(await openapiTS(pathToFileURL(file), { silent: true }))}`;
    const ours = generateTypes(file, dir, { compat: true }).text;
    expect(ours).toContain('         *\n        > Since\n          indented\n        \n          \n        last\n');
    expect(ours).toContain(
      '/** @description one\n                            two\n                               three */',
    );
    expect(ours).toBe(theirs);
  });
});
