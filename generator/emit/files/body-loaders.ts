import { allOperations } from '../../model/collections.js';
import type { ApiModel, OperationModel } from '../../model/model.js';
import { quote } from '../literals.js';
import { coreFile, FILES, moduleSpecifier } from '../paths.js';

/**
 * The core client's config entries that load the runtime code of bodies and answers beyond JSON
 * (forms and files, bytes and events handed on unread, `request({ stream: true })`) on first use,
 * each only where the API declares an operation that needs it: the client runtime imports none
 * of them itself, so that a JSON-only client's bundle holds none of it, even as one file.
 */
export function bodyLoaderConfig(model: ApiModel): string[] {
  const operations = allOperations(model.root);
  const load = (option: string, module: string): string =>
    `${option}: () => import(${quote(moduleSpecifier(FILES.coreClient, coreFile(module)))}),`;
  return [
    ...(operations.some(sendsForms) ? [load('forms', 'encode-body')] : []),
    ...(operations.some(answersUnread) ? [load('unreadBodies', 'watch-body')] : []),
    ...(operations.some(streamsEvents) ? [load('eventStreams', 'stream')] : []),
  ];
}

/** A body that is not JSON: a form, a file, bytes. */
function sendsForms(operation: OperationModel): boolean {
  return operation.body !== undefined && !/json/i.test(operation.body.contentType);
}

/** An answer handed on unread: events or bytes. */
function answersUnread(operation: OperationModel): boolean {
  return streamsEvents(operation) || operation.response.format === 'binary';
}

function streamsEvents(operation: OperationModel): boolean {
  return operation.streaming !== undefined || operation.response.format === 'stream';
}
