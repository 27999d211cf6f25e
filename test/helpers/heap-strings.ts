import { getHeapSnapshot } from 'node:v8';

/**
 * Whether any string live in this thread's heap contains `needle` (ASCII). V8's heap snapshot
 * collects garbage first and records each string's first 1,024 characters, so the needle must
 * be near the start of the text it marks. The caller builds it only after asking (pass a
 * function), so that the needle itself is not what is found.
 */
export async function heapHoldsString(needle: () => string): Promise<boolean> {
  // RegExp's legacy statics (`RegExp.input`) keep the last string a regular expression searched,
  // whoever let go of it: point them at an empty one.
  /^/.exec('');
  const chunks: string[] = [];
  for await (const chunk of getHeapSnapshot()) chunks.push(String(chunk));
  return chunks.join('').includes(needle());
}
