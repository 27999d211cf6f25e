// `npm run demo`: starts `sdkgen mock` for spec/, walks every group and every user of a
// project with the generated client, prints them, and stops the mock. No key, no network.
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import OpenAI from '../generated/src/index.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const mock = spawn(
  process.execPath,
  ['bin/sdkgen.js', 'mock', '--spec', 'spec/openapi.yaml', '--port', '0', '--quiet'],
  {
    cwd: root,
    stdio: ['ignore', 'pipe', 'inherit'],
  },
);

try {
  const baseURL = await mockURL();
  console.log(`Mock of spec/openapi.yaml at ${baseURL}\n`);
  // Any key will do for the mock; against the real API, leave it out and set OPENAI_ADMIN_KEY.
  const client = new OpenAI({ baseURL, adminAPIKey: 'sk-admin-demo' });

  console.log('Groups of project proj_abc:');
  let groups = 0;
  for await (const group of client.admin.organization.projects.groups.list('proj_abc', { limit: 20 })) {
    console.log(
      `  ${group.group_id}  ${group.group_name.padEnd(18)} ${group.group_type.padEnd(6)} since ${new Date(group.created_at * 1000).toISOString().slice(0, 10)}`,
    );
    groups++;
  }

  console.log('\nUsers of project proj_abc:');
  let users = 0;
  for await (const user of client.admin.organization.projects.users.list('proj_abc')) {
    console.log(`  ${user.id}  ${(user.name ?? '(no name)').padEnd(15)} ${(user.email ?? '').padEnd(22)} ${user.role}`);
    users++;
  }
  console.log(`\n${groups} groups and ${users} users, fetched page by page (20 per page) by auto-pagination.`);
} finally {
  mock.kill('SIGTERM');
}

/** The base URL the mock prints once it listens. */
async function mockURL(): Promise<string> {
  const lines = createInterface({ input: mock.stdout });
  const failed = new Promise<never>((_, reject) =>
    mock.once('exit', (code) => reject(new Error(`sdkgen mock exited with code ${code}`))),
  );
  const found = (async () => {
    for await (const line of lines) {
      const url = /at (http:\/\/\S+)/.exec(line)?.[1];
      if (url !== undefined) return url;
    }
    throw new Error('sdkgen mock printed no URL');
  })();
  return Promise.race([found, failed]);
}
