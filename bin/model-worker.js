// Worker-thread entry: TypeScript support for this thread, then the model worker itself.
import { register } from 'tsx/esm/api';

register();
await import('../generator/model-worker.ts');
