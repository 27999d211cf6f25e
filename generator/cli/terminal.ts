/**
 * Colour for people, plain text for machines: only on a terminal, never with `NO_COLOR`
 * (https://no-color.org), always with `FORCE_COLOR` (other than `0`).
 */
export function colourEnabled(
  stream: { readonly isTTY?: boolean | undefined },
  env: Readonly<Record<string, string | undefined>>,
): boolean {
  if (env['NO_COLOR'] !== undefined && env['NO_COLOR'] !== '') return false;
  const force = env['FORCE_COLOR'];
  if (force !== undefined) return force !== '0' && force !== 'false';
  return stream.isTTY === true && env['TERM'] !== 'dumb';
}

export interface Paint {
  readonly red: (text: string) => string;
  readonly yellow: (text: string) => string;
  readonly green: (text: string) => string;
  readonly dim: (text: string) => string;
  readonly bold: (text: string) => string;
}

const style = (open: number, close: number) => (text: string) => `\u001b[${open}m${text}\u001b[${close}m`;
const plain = (text: string): string => text;

export function painter(enabled: boolean): Paint {
  if (!enabled) return { red: plain, yellow: plain, green: plain, dim: plain, bold: plain };
  return { red: style(31, 39), yellow: style(33, 39), green: style(32, 39), dim: style(2, 22), bold: style(1, 22) };
}

/** Diagnostics as formatted (`file:1:2: error code: …`, excerpt, caret) with severities and carets coloured. */
export function paintDiagnostics(text: string, paint: Paint): string {
  return text
    .replace(
      /^(.*?)(error|warning)( [\w-]+:)/gm,
      (_m, where: string, severity: string, code: string) =>
        `${paint.bold(where)}${severity === 'error' ? paint.red(severity) : paint.yellow(severity)}${paint.bold(code)}`,
    )
    .replace(/^(\s+\| *)(\^)$/gm, (_m, gutter: string, caret: string) => `${gutter}${paint.red(caret)}`);
}
