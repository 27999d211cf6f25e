import { lineStarts, type SourceLocation } from '../diagnostics.js';

/** Maps offsets of `text` to 1-based line and column, by binary search over line starts. */
export function offsetLocator(text: string, displayPath: string): (offset: number) => SourceLocation {
  // Made at the first question: most files are read without a diagnostic.
  let starts: readonly number[] | undefined;
  return (at) => {
    starts ??= lineStarts(text);
    const offset = Math.max(0, Math.min(at, text.length));
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if ((starts[mid] as number) <= offset) low = mid;
      else high = mid - 1;
    }
    return { file: displayPath, line: low + 1, column: offset - (starts[low] as number) + 1 };
  };
}
