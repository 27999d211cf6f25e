import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './paths.js';

/** The full public OpenAI spec beside the project, when ../shared is there (it is not copied in). */
export const OPENAI_SPEC = join(ROOT, '../shared/specs/openai.yaml');
export const HAS_OPENAI_SPEC = existsSync(OPENAI_SPEC);
