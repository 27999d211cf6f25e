import { execFile } from 'node:child_process';
import { cpSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/paths.js';
import { specDir } from '../helpers/spec-files.js';
import { readTree } from '../helpers/tree.js';

const run = promisify(execFile);

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe('generation is deterministic', () => {
  it('byte for byte, across working directories, path spellings, time zones and locales', async () => {
    const project = specDir({});
    dirs.push(project);
    cpSync(join(ROOT, 'test/fixtures/schema-language'), join(project, 'api'), { recursive: true });
    mkdirSync(join(project, 'sub/deeper'), { recursive: true });
    const cli = join(ROOT, 'bin/sdkgen.js');
    // Relative paths from the project, in UTC and the C locale…
    await run(process.execPath, [cli, 'generate', '--spec', 'api/openapi.yaml', '--out', 'out', '--quiet'], {
      cwd: project,
      env: { ...process.env, TZ: 'UTC', LANG: 'C', LC_ALL: 'C' },
    });
    const first = readTree(join(project, 'out'));
    rmSync(join(project, 'out'), { recursive: true });
    // …and absolute ones from elsewhere, in a +13:45 time zone and a Turkish locale (dotless i).
    await run(
      process.execPath,
      [cli, 'generate', '--spec', join(project, 'api/openapi.yaml'), '--out', join(project, 'out'), '--quiet'],
      {
        cwd: join(project, 'sub/deeper'),
        env: { ...process.env, TZ: 'Pacific/Chatham', LANG: 'tr_TR.UTF-8', LC_ALL: 'tr_TR.UTF-8' },
      },
    );
    const second = readTree(join(project, 'out'));
    expect(Object.keys(second).length).toBeGreaterThan(20);
    expect(Object.keys(second).some((path) => path.startsWith('dist/'))).toBe(true);
    expect(second).toEqual(first);
  });
});
