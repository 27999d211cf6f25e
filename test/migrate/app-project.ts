/**
 * A copy of a fixture app in a temporary folder, with a node_modules of links into this
 * repository's: the app's own commands (`npm run typecheck`, `npm test`) then run offline.
 */
import { execFile } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { ROOT } from '../helpers/paths.js';

const run = promisify(execFile);

/** Copies `fixture` into a fresh folder and links every package of ours but `without`. */
export function appProject(fixture: string, without: readonly string[] = []): string {
  const dir = mkdtempSync(join(tmpdir(), 'sdkgen-app-'));
  cpSync(fixture, dir, { recursive: true });
  linkModules(dir, without);
  return dir;
}

/**
 * (Re)makes `dir/node_modules`: a link to each of this repository's packages but `without`, and
 * the bins of those; with `withSdkgen`, sdkgen as the app would install it: its CLI, and
 * `sdkgen/fetch` from its sources (the package's own export points at lib/, which only
 * `bin/release.js` builds; vitest compiles the sources, as this repository's alias does).
 */
export function linkModules(dir: string, without: readonly string[], withSdkgen = false): void {
  const modules = join(dir, 'node_modules');
  rmSync(modules, { recursive: true, force: true });
  mkdirSync(join(modules, '.bin'), { recursive: true });
  const source = join(ROOT, 'node_modules');
  for (const name of readdirSync(source))
    if (!name.startsWith('.') && !without.includes(name)) symlinkSync(join(source, name), join(modules, name));
  for (const name of readdirSync(join(source, '.bin')))
    if (!without.includes(name)) symlinkSync(join(source, '.bin', name), join(modules, '.bin', name));
  if (!withSdkgen) return;
  const sdkgen = join(modules, 'sdkgen');
  mkdirSync(sdkgen);
  const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
  const entry = './generator/fetch/index.ts';
  // The declarations at the path the published package has them (bin/release.js), where the
  // tsconfig line migrate writes for openapi-react-query and swr-openapi points: here, the sources'.
  const types = 'lib/types/fetch/index.d.ts';
  writeFileSync(
    join(sdkgen, 'package.json'),
    JSON.stringify({
      name: 'sdkgen',
      version,
      type: 'module',
      bin: { sdkgen: 'bin/sdkgen.js' },
      exports: { './fetch': { types: `./${types}`, default: entry } },
    }),
  );
  for (const folder of ['bin', 'generator']) symlinkSync(join(ROOT, folder), join(sdkgen, folder));
  mkdirSync(join(sdkgen, 'lib/types/fetch'), { recursive: true });
  const fetchSource = "'../../../generator/fetch/index.js'";
  writeFileSync(join(sdkgen, types), `export * from ${fetchSource};\nexport { default } from ${fetchSource};\n`);
  symlinkSync(join(ROOT, 'bin/sdkgen.js'), join(modules, '.bin', 'sdkgen'));
}

/** `npm run <script>` in the app; resolves to its exit code and output, whatever the code. */
export async function npmRun(dir: string, script: string): Promise<{ code: number; output: string }> {
  try {
    const { stdout, stderr } = await run('npm', ['run', '--silent', script], {
      cwd: dir,
      env: { ...process.env, CI: '1' },
    });
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return {
      code: typeof failed.code === 'number' ? failed.code : 1,
      output: `${failed.stdout ?? ''}${failed.stderr ?? ''}`,
    };
  }
}
