import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './paths.js';

/** The full public OpenAI spec beside the project, when ../shared is there (it is not copied in). */
export const OPENAI_SPEC = join(ROOT, '../shared/specs/openai.yaml');
export const HAS_OPENAI_SPEC = existsSync(OPENAI_SPEC);

/**
 * Specs whose clients and mocks the docs tests exercise: openai.yaml where ../shared has it,
 * this repository's spec, and every fixture that models a real API (not the hostile one).
 */
export const CLIENT_SPECS: readonly string[] = [
  ...(HAS_OPENAI_SPEC ? [OPENAI_SPEC] : []),
  'spec/openapi.yaml',
  'test/fixtures/bookstore/openapi.yaml',
  'test/fixtures/petstore-inferred/openapi.yaml',
  'test/fixtures/mock-shop/openapi.yaml',
  'test/fixtures/streaming/openapi.yaml',
  'test/fixtures/multi-file/openapi.yaml',
  'test/fixtures/schema-language/openapi.yaml',
  'test/fixtures/digitalocean-shape/openapi.yaml',
  'test/fixtures/helpdesk/openapi.yaml',
  'test/fixtures/stainless-client/openapi.yaml',
];
