/**
 * docs/naming.md, "OData paths": an OData-shaped spec (test/fixtures/odata-graph mirrors
 * Microsoft Graph v1.0's shapes) is named as Microsoft's Kiota SDK names it, and no name ends in
 * the hash Microsoft's converter appends to operationIds.
 */
import { describe, expect, it } from 'vitest';
import { countNames, endsInHash } from '../../bench/name-lengths.js';
import { parseNamesLock } from '../../generator/config/names-lock.js';
import { loadSpec } from '../../generator/load/load-spec.js';
import { buildModel } from '../../generator/model/build-model.js';
import type { OperationModel, ResourceModel } from '../../generator/model/model.js';
import { ODataSegments } from '../../generator/model/odata-segments.js';
import { OperationIds } from '../../generator/model/operation-ids.js';
import { ROOT } from '../helpers/paths.js';
import { specDir } from '../helpers/spec-files.js';

function flatten(resource: ResourceModel): { call: string; op: OperationModel }[] {
  return [
    ...resource.operations.map((op) => ({ call: [...resource.path, op.name].join('.'), op })),
    ...resource.children.flatMap(flatten),
  ];
}

const FIXTURE = 'test/fixtures/odata-graph/openapi.json';
const graph = flatten(buildModel(loadSpec(FIXTURE, { cwd: ROOT })).model.root);
const calls = Object.fromEntries(graph.map(({ call, op }) => [`${op.method.toUpperCase()} ${op.path}`, call]));

describe('OData paths (Microsoft Graph)', () => {
  it('names a cast by its namespace alias and type, as Kiota: graphUser', () => {
    expect(calls).toMatchObject({
      'GET /users/{user-id}/transitiveMemberOf/microsoft.graph.user': 'users.transitiveMemberOf.graphUser.list',
      'GET /users/{user-id}/transitiveMemberOf/{directoryObject-id}/microsoft.graph.user':
        'users.transitiveMemberOf.graphUser.retrieve',
      'GET /users/{user-id}/transitiveMemberOf/microsoft.graph.group': 'users.transitiveMemberOf.graphGroup.list',
    });
  });

  it('drops the namespace of an action or a function, and its parameters where it has no overload', () => {
    expect(calls).toMatchObject({
      'POST /drives/{drive-id}/items/{driveItem-id}/workbook/functions/microsoft.graph.gammaLn':
        'drives.items.workbook.functions.gammaLn.create',
      'POST /drives/{drive-id}/items/{driveItem-id}/workbook/functions/microsoft.graph.gammaLn_Precise':
        'drives.items.workbook.functions.gammaLnPrecise.create',
      'GET /users/microsoft.graph.delta()': 'users.delta.list',
      "GET /reports/microsoft.graph.getEmailActivityCounts(period='{period}')": 'reports.getEmailActivityCounts',
      "GET /users/{user-id}/calendar/microsoft.graph.getSchedule(startDateTime='{startDateTime}',endDateTime='{endDateTime}')":
        'users.calendar.getSchedule',
    });
  });

  it('names $count count, $ref ref and $value content (Kiota: ReplaceValueIdentifier)', () => {
    expect(calls).toMatchObject({
      'GET /users/$count': 'users.count',
      'GET /users/{user-id}/transitiveMemberOf/microsoft.graph.user/$count': 'users.transitiveMemberOf.graphUser.count',
      'GET /groups/{group-id}/members/$ref': 'groups.members.ref.list',
      'POST /groups/{group-id}/members/$ref': 'groups.members.ref.create',
      'DELETE /groups/{group-id}/members/{directoryObject-id}/$ref': 'groups.members.ref.delete',
      'GET /users/{user-id}/photo/$value': 'users.photo.content.retrieve',
      'PUT /users/{user-id}/photo/$value': 'users.photo.content.update',
    });
  });

  it('gives no public name a hash: an id its hash alone told apart names its function by its place', () => {
    const functions = Object.fromEntries(
      graph.map(({ op }) => [`${op.method.toUpperCase()} ${op.path}`, op.functionName]),
    );
    expect(functions).toMatchObject({
      // `Get.Count.microsoft.graph.user-eace` and `-a1d2`: one id but for the hash.
      'GET /users/{user-id}/transitiveMemberOf/microsoft.graph.user/$count': 'usersTransitiveMemberOfGraphUserCount',
      'GET /groups/{group-id}/transitiveMemberOf/microsoft.graph.user/$count': 'groupsTransitiveMemberOfGraphUserCount',
      'GET /users/{user-id}/transitiveMemberOf/microsoft.graph.user': 'usersTransitiveMemberOfGraphUserList',
      // An id of its own once its hash is dropped names its function, without the hash.
      'GET /users/$count': 'usersGetCount',
      'GET /users/{user-id}/transitiveMemberOf/microsoft.graph.group/$count': 'getCountMicrosoftGraphGroup',
    });
    const named = graph.flatMap(({ call, op }) => [
      [call.split('.').at(-1) as string, op.operationId],
      [op.functionName, op.operationId],
      ...Object.values(op.naming.types ?? {}).map((type) => [type, op.operationId]),
    ]);
    expect(named.filter(([name, id]) => endsInHash(name as string, /-([0-9a-f]{4})$/.exec(id as string)?.[1]))).toEqual(
      [],
    );
  });
});

describe('an overloaded OData function', () => {
  it('takes its parameters in its name, as Kiota does (rangeWithAddress), where a sibling has other parameters', () => {
    const odata = new ODataSegments(
      ['microsoft.graph.workbookRange'],
      [
        '/sheets/{id}/microsoft.graph.range()',
        "/sheets/{id}/microsoft.graph.range(address='{address}')",
        '/sheets/{id}/microsoft.graph.image(width={width},height={height})',
      ],
    );
    expect(odata.segments(['sheets', '{id}', 'microsoft.graph.range()'])).toEqual(['sheets', '{id}', 'range']);
    expect(odata.segments(['sheets', '{id}', "microsoft.graph.range(address='{address}')"])).toEqual([
      'sheets',
      '{id}',
      'range with address',
    ]);
    expect(odata.segments(['sheets', '{id}', 'microsoft.graph.image(width={width},height={height})'])).toEqual([
      'sheets',
      '{id}',
      'image',
    ]);
  });

  it('names any OData service alike: Dynamics 365 casts and actions, its keys in parentheses left as they were', () => {
    const odata = new ODataSegments(
      ['Microsoft.Dynamics.CRM.account', 'Microsoft.Dynamics.CRM.contact'],
      ['/accounts({accountid})', '/opportunities({opportunityid})/Microsoft.Dynamics.CRM.WinOpportunity'],
    );
    expect(odata.segments(['contacts', 'Microsoft.Dynamics.CRM.account'])).toEqual(['contacts', 'CRM.account']);
    expect(odata.segments(['opportunities({opportunityid})', 'Microsoft.Dynamics.CRM.WinOpportunity'])).toEqual([
      'opportunities({opportunityid})',
      'WinOpportunity',
    ]);
  });

  it('leaves a dotted segment whole where no schema is named in its namespace (Slack, a domain)', () => {
    const odata = new ODataSegments(
      ['objs_user', 'io.k8s.api.core.v1.Pod'],
      ['/chat.postMessage', '/apis/apps.k8s.io'],
    );
    expect(odata.segments(['chat.postMessage'])).toEqual(['chat.postMessage']);
    expect(odata.segments(['apis', 'apps.k8s.io'])).toEqual(['apis', 'apps.k8s.io']);
  });

  it('reads a cast in full or in the alias form msgraph-metadata writes today (graph.user) alike', () => {
    const odata = new ODataSegments(['microsoft.graph.user'], ['/groups/{id}/members/graph.user']);
    expect(odata.segments(['members', 'graph.user'])).toEqual(['members', 'graph.user']);
    expect(odata.segments(['members', 'microsoft.graph.user'])).toEqual(['members', 'graph.user']);
    // A function in the alias's namespace loses it as one in full does.
    expect(odata.segments(['members', 'graph.delta()'])).toEqual(['members', 'delta']);
  });
});

describe('operationIds with a dedupe hash', () => {
  const ids = new OperationIds([
    'Get.Count.user-eace',
    'Get.Count.user-85b5',
    'users.GetCount-1e8b',
    'Get.Count.group-cafe',
    'groups.ListMembers',
  ]);

  it('are read without the hash', () => {
    expect(ids.words('Get.Count.user-eace')).toBe('Get.Count.user');
    expect(ids.words('users.GetCount-1e8b')).toBe('users.GetCount');
    expect(ids.words('groups.ListMembers')).toBe('groups.ListMembers');
  });

  it('name nothing exported where the hash alone told two apart', () => {
    expect(ids.exported('Get.Count.user-eace')).toBeUndefined();
    expect(ids.exported('Get.Count.user-85b5')).toBeUndefined();
    expect(ids.exported('users.GetCount-1e8b')).toBe('users.GetCount');
    // Letters alone are a hash too in a spec whose ids carry hashes.
    expect(ids.exported('Get.Count.group-cafe')).toBe('Get.Count.group');
  });

  it('keep a last word of hex letters in a spec without hashes', () => {
    const plain = new OperationIds(['list-cafe', 'get-feed', 'orders-2024', 'items-2f4a']);
    expect(plain.words('list-cafe')).toBe('list-cafe');
    expect(plain.words('get-feed')).toBe('get-feed');
    expect(plain.words('orders-2024')).toBe('orders-2024');
    expect(plain.words('items-2f4a')).toBe('items');
  });
});

describe('a spec without OData schemas', () => {
  it('keeps its dotted segments as before', () => {
    const spec = JSON.stringify({
      openapi: '3.1.0',
      info: { title: 'Slack shape', version: '1' },
      paths: {
        '/chat.postMessage': { post: { operationId: 'chat_postMessage', responses: { '200': { description: 'ok' } } } },
      },
    });
    const { model } = buildModel(loadSpec('openapi.json', { cwd: specDir({ 'openapi.json': spec }) }));
    expect(flatten(model.root).map(({ call }) => call)).toEqual(['chatPostMessage.create']);
  });
});

describe('an output generated before', () => {
  // What the names lock of an sdkgen before these rules holds for two of the fixture's operations.
  const CAST = 'GET /users/{user-id}/transitiveMemberOf/microsoft.graph.user/$count';
  const lock = parseNamesLock(
    JSON.stringify({
      version: 1,
      operations: { [CAST]: 'users.transitiveMemberOf.microsoftGraphUser.count' },
      resources: { 'users.transitiveMemberOf.microsoftGraphUser': 'MicrosoftGraphUser' },
      schemas: {},
      types: { [`${CAST} function`]: 'getCountMicrosoftGraphUserEace' },
    }),
    '.sdkgen-names.json',
  );
  const routes = (rename?: readonly string[]) =>
    Object.fromEntries(
      flatten(buildModel(loadSpec(FIXTURE, { cwd: ROOT }), { lock, rename }).model.root).map(({ call, op }) => [
        `${op.method.toUpperCase()} ${op.path}`,
        [call, op.functionName],
      ]),
    );

  it('keeps the names its lock lists, hash and all; what it does not list is named by the new rules', () => {
    expect(routes()).toMatchObject({
      [CAST]: ['users.transitiveMemberOf.microsoftGraphUser.count', 'getCountMicrosoftGraphUserEace'],
      'GET /users/{user-id}/transitiveMemberOf/microsoft.graph.group': [
        'users.transitiveMemberOf.graphGroup.list',
        'getMicrosoftGraphDirectoryObjectItemsAsMicrosoftGraphGroup',
      ],
    });
  });

  it('takes the new names with --rename', () => {
    expect(routes([CAST])[CAST]).toEqual([
      'users.transitiveMemberOf.graphUser.count',
      'usersTransitiveMemberOfGraphUserCount',
    ]);
  });
});

describe('bench/name-lengths.ts', () => {
  it("counts a name that ends in its operation's dedupe hash or a hex word with a digit before a letter", () => {
    expect(endsInHash('getCountIssuesFd80', 'fd80')).toBe(true);
    expect(endsInHash('getCountUserEace', 'eace')).toBe(true);
    expect(endsInHash('getMicrosoftGraphUser85b5')).toBe(true);
    // sdkgen's own number, a word with a digit, a hash of another operation.
    expect(endsInHash('aToZLetterFeed2')).toBe(false);
    expect(endsInHash('_2fa')).toBe(false);
    expect(endsInHash('getCountIssuesFd80', 'e140')).toBe(false);
  });

  it('finds no hash and no call path over 120 characters in the Graph-shaped fixture', () => {
    const counted = countNames(buildModel(loadSpec(FIXTURE, { cwd: ROOT })).model);
    expect(counted.calls).toBe(25);
    expect(counted.hashed).toEqual([]);
    expect(counted.long).toEqual([]);
  });
});
