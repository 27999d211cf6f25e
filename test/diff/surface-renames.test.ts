import { expect, it } from 'vitest';
import { compareModels } from '../../generator/diff/compare.js';
import { surfaceSummary } from '../../generator/diff/surface.js';
import { modelSpec } from '../../generator/model-spec.js';
import { specDir } from '../helpers/spec-files.js';
import { edit } from './pets-spec.js';

it('lists a renamed params type and resource class among the types renamed, not as a type removed and one added', () => {
  const client = [
    'info: {title: Pets API, version: 1.0.0}',
    'info: {title: Pets API, version: 1.0.0}\nx-sdkgen-client: {name: PetStore}',
  ] as [string, string];
  const dir = specDir({
    'base.yaml': edit(client),
    'head.yaml': edit(client, [
      '    NewPet:',
      '    Pets: {type: string}\n    PetListParams: {type: string}\n    NewPet:',
    ]),
  });
  const base = modelSpec('base.yaml', dir).model;
  const head = modelSpec('head.yaml', dir).model;
  const surface = surfaceSummary(base, head, compareModels(base, head));
  expect(surface.types.renamed).toEqual([
    ['PetListParams', 'ListPetsParams'],
    ['Pets', 'PetsResource'],
  ]);
  expect(surface.types.removed).toEqual([]);
  expect(surface.types.added).toEqual(['Pets', 'PetListParams']);
});
