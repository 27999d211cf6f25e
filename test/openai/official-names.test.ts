/**
 * Names as a hand-made SDK has them: the client of openai.yaml against the official openai-node
 * 7.57.0, whose calls bench/official-names.ts recorded (test/fixtures/official-names). Its
 * `admin.` and `beta.` namespaces are set aside: the spec does not say which calls are beta, nor
 * which need the admin key. The whole plan is pinned in test/plan/plan.test.ts.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadSpec } from '../../generator/load/load-spec.js';
import { buildModel } from '../../generator/model/build-model.js';
import { planOf } from '../../generator/plan/plan.js';
import { HAS_OPENAI_SPEC, OPENAI_SPEC } from '../helpers/shared.js';

interface OfficialName {
  readonly name: string;
  readonly http: string;
  readonly path: string;
}

const OFFICIAL: readonly OfficialName[] = JSON.parse(
  readFileSync(new URL('../fixtures/official-names/openai-node-7.57.0.json', import.meta.url), 'utf8'),
);

const route = (http: string, path: string): string => `${http} ${path.replace(/\{[^}]*\}/g, '{}')}`;
const withoutNamespace = (name: string): string => name.replace(/^(admin|beta)\./, '');

describe.skipIf(!HAS_OPENAI_SPEC)('the names of the openai.yaml client (needs ../shared/specs/openai.yaml)', () => {
  const official = new Map<string, string[]>();
  for (const o of OFFICIAL)
    official.set(route(o.http, o.path), [...(official.get(route(o.http, o.path)) ?? []), o.name]);
  const methods = HAS_OPENAI_SPEC ? planOf(buildModel(loadSpec(OPENAI_SPEC)).model).methods : [];
  const compared = methods.flatMap((m) => {
    const names = official.get(route(m.http, `${m.path}${m.fixedQuery === '' ? '' : `?${m.fixedQuery}`}`));
    const ours = m.call.replace(/^client\./, '');
    return names === undefined
      ? []
      : [{ ours, official: names, same: names.map(withoutNamespace).includes(withoutNamespace(ours)), m }];
  });

  it('are the official ones for at least 90% of the operations the official SDK has', () => {
    // 288 operations; the official SDK sends one of them (POST /evals/{id}/runs/{run_id}, which
    // sdkgen names `evals.runs.cancel` as it does) to another path, `…/cancel`.
    expect(compared).toHaveLength(287);
    const same = compared.filter((c) => c.same).length;
    expect(same / compared.length).toBeGreaterThanOrEqual(0.9);
  });

  it('differ only where the official names follow no rule the spec shows', () => {
    const differences = compared.filter((c) => !c.same).map((c) => `${c.ours} ≠ ${c.official.join(' | ')}`);
    const expected = [
      // Downloads are named after what they fetch, one way for all: the official SDK has three ways.
      'containers.files.content ≠ containers.files.content.retrieve',
      'skills.content ≠ skills.content.retrieve',
      'skills.versions.content ≠ skills.versions.content.retrieve',
      'videos.content ≠ videos.downloadContent',
      // Pages read below an item, and nothing else on their path, are the item's `listX`, as the
      // official SDK has `jobs.listEvents`, `fileBatches.listFiles` and `threads.listItems`, and
      // stripe-node 9 of its 11 (bench/naming-agreement.md); but not these two.
      'chat.completions.listMessages ≠ chat.completions.messages.list',
      'fineTuning.jobs.listCheckpoints ≠ fineTuning.jobs.checkpoints.list',
      // POSTs to a noun, as `audio.transcriptions.create` and `audio.speech.create` are officially too.
      'images.edits.create ≠ images.edit',
      'images.generations.create ≠ images.generate',
      'images.variations.create ≠ images.createVariation',
      // sdkgen writes acronyms as words (`adminApiKeys`, `projectId`); openai-node capitalizes them.
      'organization.adminApiKeys.create ≠ admin.organization.adminAPIKeys.create',
      'organization.adminApiKeys.delete ≠ admin.organization.adminAPIKeys.delete',
      'organization.adminApiKeys.list ≠ admin.organization.adminAPIKeys.list',
      'organization.adminApiKeys.retrieve ≠ admin.organization.adminAPIKeys.retrieve',
      // The path says `/organization/costs`; openai-node files it under `usage`.
      'organization.costs.list ≠ admin.organization.usage.costs',
      // Hand-chosen names that repeat the resource (`rateLimits.listRateLimits`).
      'organization.projects.rateLimits.list ≠ admin.organization.projects.rateLimits.listRateLimits',
      'organization.projects.rateLimits.update ≠ admin.organization.projects.rateLimits.updateRateLimit',
      // `POST /threads/runs` beside `POST /threads/{thread_id}/runs`: named by its operationId.
      'threads.runs.createThreadAndRun ≠ beta.threads.createAndRun',
      'videos.characters.create ≠ videos.createCharacter',
      'videos.characters.retrieve ≠ videos.getCharacter',
      'videos.edits.create ≠ videos.edit',
      'videos.extensions.create ≠ videos.extend',
    ];
    expect(differences.sort()).toEqual(expected.sort());
  });

  it('read the operation: the count it asks for, the flag it sets, the views it reads, one home per collection', () => {
    const call = (http: string, path: string, fixedQuery = ''): string | undefined =>
      methods.find((m) => m.http === http && m.path === path && m.fixedQuery === fixedQuery)?.call;
    expect(call('POST', '/responses/input_tokens')).toBe('client.responses.inputTokens.count');
    expect(call('POST', '/responses/input_tokens', 'beta=true')).toBe('client.beta.responses.inputTokens.count');
    expect(call('GET', '/responses/{response_id}', 'beta=true')).toBe('client.beta.responses.retrieve');
    expect(call('GET', '/organization/usage/completions')).toBe('client.organization.usage.completions');
    expect(call('GET', '/projects/{project_id}/roles')).toBe('client.organization.projects.roles.list');
    expect(call('GET', '/vector_stores/{vector_store_id}/files/{file_id}/content')).toBe(
      'client.vectorStores.files.content',
    );
  });
});
