import type { BaseClient } from './client.js';

/** Base of the generated resource classes (`client.admin.organization…`): each holds the client. */
export abstract class APIResource {
  declare protected readonly _client: BaseClient;

  constructor(client: BaseClient) {
    // Not enumerable: the resource tree stays printable and JSON-serializable without cycles.
    Object.defineProperty(this, '_client', { value: client, enumerable: false });
  }
}
