import { loadSpec } from '../../generator/load/load-spec.js';
import { buildModel } from '../../generator/model/build-model.js';
import type { ApiModel, OperationModel, ResourceModel } from '../../generator/model/model.js';
import { openapi, specDir } from './spec-files.js';

/** The model of a small spec: `yaml` is what follows `info` and `servers` (paths, components, extensions). */
export function modelOf(yaml: string): ApiModel {
  return buildModel(loadSpec('openapi.yaml', { cwd: specDir({ 'openapi.yaml': openapi(yaml) }) })).model;
}

/** Every operation of a resource and of the resources below it, depth first. */
export const allOperations = (r: ResourceModel): OperationModel[] => [
  ...r.operations,
  ...r.children.flatMap(allOperations),
];
