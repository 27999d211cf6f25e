import { execFileSync } from 'node:child_process';

/** Whether a spec location is a URL that remote refs may fetch (http or https only). */
export function isRemote(location: string): boolean {
  return /^https?:\/\//i.test(location);
}

// Run in a child Node: the loader is synchronous by design (positions, one pass), and remote
// refs are opt-in and rare, so a blocking fetch in another process is the simple, honest way.
const FETCH_SCRIPT = `
const response = await fetch(process.argv[1], { redirect: 'follow', signal: AbortSignal.timeout(30000) });
if (!response.ok) { process.stderr.write('HTTP ' + response.status + ' ' + response.statusText); process.exit(2); }
process.stdout.write(await response.text());
`;

/** The text at `url`, or why it could not be fetched. */
export function fetchText(url: string): { readonly text: string } | { readonly error: string } {
  try {
    const text = execFileSync(process.execPath, ['--input-type=module', '-e', FETCH_SCRIPT, url], {
      encoding: 'utf8',
      maxBuffer: 256 * 1024 * 1024,
      timeout: 35_000,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    return { text };
  } catch (error) {
    const stderr = String((error as { stderr?: unknown }).stderr ?? '').trim();
    const firstLine =
      stderr.split('\n').find((line) => /HTTP \d|Error|fetch failed/.test(line)) ?? stderr.split('\n')[0];
    return { error: firstLine === undefined || firstLine === '' ? (error as Error).message : firstLine };
  }
}
