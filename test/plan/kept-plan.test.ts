import { describe, expect, it } from 'vitest';
import { parseNamesLock } from '../../generator/config/names-lock.js';
import { namesLockFile } from '../../generator/emit/files/names-lock-file.js';
import { loadSpec } from '../../generator/load/load-spec.js';
import { buildModel } from '../../generator/model/build-model.js';
import { formatPlan } from '../../generator/plan/format-plan.js';
import { planOf } from '../../generator/plan/plan.js';
import { openapi, specDir } from '../helpers/spec-files.js';

const answer =
  "responses: { '200': { description: ok, content: { application/json: { schema: { type: object, properties: { id: { type: string } } } } } } }";
const THREAD_RUNS = `  /threads/runs:\n    post:\n      operationId: createThreadAndRun\n      ${answer}\n`;
const RUNS = `  /threads/{thread_id}/runs:
    parameters: [{ name: thread_id, in: path, required: true, schema: { type: string } }]
    post:
      operationId: createRun
      ${answer}
  /threads/{thread_id}/runs/{run_id}:
    parameters: [{ name: thread_id, in: path, required: true, schema: { type: string } }, { name: run_id, in: path, required: true, schema: { type: string } }]
    get:
      operationId: getRun
      ${answer}
`;
const load = (paths: string) =>
  loadSpec('openapi.yaml', { cwd: specDir({ 'openapi.yaml': openapi(`paths:\n${paths}`) }) });

describe('sdkgen plan and the names lock', () => {
  const first = buildModel(load(THREAD_RUNS)).model;
  const lock = parseNamesLock(namesLockFile(first).contents, 'generated/.sdkgen-names.json');
  const plan = planOf(buildModel(load(THREAD_RUNS + RUNS), { lock }).model);

  it('marks each method whose name the lock kept, in JSON', () => {
    expect(plan.methods.map((m) => [m.call, m.kept ?? false])).toEqual([
      ['client.threads.runs.create', true],
      ['client.threads.runs.createRun', false],
      ['client.threads.runs.retrieve', false],
    ]);
    expect(JSON.parse(formatPlan(plan, 'json')).methods[0].kept).toBe(true);
  });

  it('marks them (kept) in text and counts them', () => {
    const text = formatPlan(plan, 'text');
    expect(text).toMatch(/\n {2}create\(\) +POST \/threads\/runs +→ RunCreateResponse {2}\(kept\)\n/);
    expect(text).toMatch(/\n {2}createRun\(threadId\) +POST \/threads\/\{thread_id\}\/runs +→ RunCreateRunResponse\n/);
    expect(text).toContain('; 1 (kept) by the names lock.');
  });

  it('says what the rules alone would now give, where that is another name', () => {
    // A name an earlier generator's rules gave.
    const older = { ...lock, operations: new Map([['POST /threads/runs', ['threads', 'runs', 'start']]]) };
    const [method] = planOf(buildModel(load(THREAD_RUNS), { lock: older }).model).methods;
    expect(method).toMatchObject({ call: 'client.threads.runs.start', kept: true });
    expect(method?.reasons).toEqual([
      'kept by generated/.sdkgen-names.json: the rules alone now give threads.runs.create',
    ]);
  });
});
