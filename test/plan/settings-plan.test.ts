// `sdkgen plan` says what x-sdkgen-client's settings change, and calls as pathArguments makes them.
import { describe, expect, it } from 'vitest';
import { modelSpec } from '../../generator/model-spec.js';
import { formatPlan } from '../../generator/plan/format-plan.js';
import { planOf } from '../../generator/plan/plan.js';
import { ROOT } from '../helpers/paths.js';

describe('the plan of the stainless-client fixture', () => {
  const plan = planOf(modelSpec(`${ROOT}/test/fixtures/stainless-client/openapi.yaml`, '/').model);

  it('lists the settings', () => {
    expect(plan.client.settings).toEqual([
      'environments production (default) https://api.linqapp.com/api/partner, sandbox https://sandbox.linqapp.com/api/partner',
      'retries 3, backoff 0.25 s up to 4 s',
      'option organization: string | null, header Linq-Organization, from LINQ_ORG_ID',
      'option region: string, query region, default "us"',
      'option webhookSecret: string | null, from LINQ_WEBHOOK_SECRET',
      'query lists brackets, objects dots',
      'path arguments last',
      'README example get /v3/chats/{chat_id}/messages/{message_id}',
    ]);
    expect(formatPlan(plan, 'text')).toContain('  setting    path arguments last\n');
  });

  it('shows the calls with the last path parameter as the argument', () => {
    expect(plan.methods.map((m) => `${m.call}(${m.args})`)).toEqual([
      'client.chats.retrieve(chatID)',
      'client.chats.messages.list(chatID, params?)',
      'client.chats.messages.retrieve(messageID, params)',
      'client.chats.messages.delete(messageID, params)',
      'client.chats.participants.update(handle, body)',
    ]);
  });
});
