// PascalCase exactly as openapi-typescript 7.13 names root types (it uses change-case 5): words
// split at case changes and non-alphanumerics, a word after the first starting with a digit
// gets `_` (`v2 thing 3` → `V2Thing_3`). sdkgen's own `pascalCase` differs, and these names are
// part of the user's code.

export function rootTypePascalCase(text: string): string {
  return splitWords(text)
    .map((word, index) => {
      const first = word.charAt(0);
      const initial = index > 0 && first >= '0' && first <= '9' ? `_${first}` : first.toUpperCase();
      return initial + word.slice(1).toLowerCase();
    })
    .join('');
}

function splitWords(text: string): string[] {
  const marked = text
    .trim()
    .replace(/([\p{Ll}\d])(\p{Lu})/gu, '$1\0$2')
    .replace(/(\p{Lu})([\p{Lu}][\p{Ll}])/gu, '$1\0$2')
    .replace(/[^\p{L}\d]+/giu, '\0');
  let start = 0;
  let end = marked.length;
  while (marked.charAt(start) === '\0') start++;
  if (start === end) return [];
  while (marked.charAt(end - 1) === '\0') end--;
  return marked.slice(start, end).split('\0');
}
