import type { BaseClient } from './client.js';

/** Base of the generated resource classes (`client.admin.organization…`): each holds the client. */
export abstract class APIResource {
  protected readonly _client: BaseClient;

  constructor(client: BaseClient) {
    this._client = client;
  }
}
