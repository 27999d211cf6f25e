// A fast list server for client benchmarks, in its own process so it does not share the
// client's event loop: `node bench/page-server.js <items>`; prints its port, then serves
// GET /v1/organization/projects/proj_abc/groups?limit=&after= with precomputed pages.
import { createServer } from 'node:http';

const total = Number(process.argv[2] ?? 20000);
const ids = Array.from({ length: total }, (_, i) => `group_${String(i).padStart(7, '0')}`);
const index = new Map(ids.map((id, i) => [id, i]));
const cache = new Map();

function page(start, limit) {
  const key = `${start}:${limit}`;
  let body = cache.get(key);
  if (body === undefined) {
    const data = ids.slice(start, start + limit).map((id, i) => ({
      object: 'project.group',
      project_id: 'proj_abc',
      group_id: id,
      group_name: `Group ${start + i}`,
      group_type: 'group',
      created_at: 1711471533,
    }));
    const hasMore = start + limit < total;
    body = JSON.stringify({ object: 'list', data, has_more: hasMore, next: hasMore ? data.at(-1).group_id : null });
    if (cache.size < 5000) cache.set(key, body);
  }
  return body;
}

const server = createServer((req, res) => {
  const url = new URL(req.url, 'http://x');
  const limit = Number(url.searchParams.get('limit') ?? 20);
  const after = url.searchParams.get('after');
  const start = after === null ? 0 : (index.get(after) ?? -1) + 1;
  res.writeHead(200, { 'content-type': 'application/json', 'x-request-id': 'req_bench' });
  res.end(page(start, limit));
});
server.keepAliveTimeout = 60_000;
server.listen(0, '127.0.0.1', () => process.stdout.write(`${server.address().port}\n`));
