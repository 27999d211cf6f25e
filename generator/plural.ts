/** `1 operation`, `2 operations`: a count and its noun, in every message a person reads. */
export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${grouped(count)} ${count === 1 ? singular : pluralForm}`;
}

/**
 * `12,345`, as `toLocaleString('en')` writes it. A count is an integer, grouped here by hand:
 * the first `toLocaleString` of a thread loads ICU's number formats (~25 ms), which the model
 * worker paid on its way to the emit. Anything else is left to Intl.
 */
export function grouped(count: number): string {
  if (!Number.isSafeInteger(count) || Object.is(count, -0)) return count.toLocaleString('en');
  const digits = String(Math.abs(count));
  let text = digits.slice(0, ((digits.length - 1) % 3) + 1);
  for (let at = text.length; at < digits.length; at += 3) text += `,${digits.slice(at, at + 3)}`;
  return count < 0 ? `-${text}` : text;
}
