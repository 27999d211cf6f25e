/** How much the client tells about its requests. `debug` shows each request and response. */
export type LogLevel = 'off' | 'error' | 'warn' | 'info' | 'debug';

/** Anything with console's four methods; the default is `console`. */
export interface Logger {
  error(message: string, ...details: unknown[]): void;
  warn(message: string, ...details: unknown[]): void;
  info(message: string, ...details: unknown[]): void;
  debug(message: string, ...details: unknown[]): void;
}

const RANK: Record<LogLevel, number> = { off: 0, error: 1, warn: 2, info: 3, debug: 4 };

export function isLogLevel(value: unknown): value is LogLevel {
  return typeof value === 'string' && Object.hasOwn(RANK, value);
}

/** A logger that drops what is below `level`; what it passes on has no secret in it. */
export function levelLogger(logger: Logger, level: LogLevel, redact: (value: unknown) => unknown): Logger {
  const at = (wanted: Exclude<LogLevel, 'off'>) =>
    RANK[level] >= RANK[wanted]
      ? (message: string, ...details: unknown[]): void =>
          logger[wanted](redact(message) as string, ...details.map(redact))
      : (): void => {};
  return { error: at('error'), warn: at('warn'), info: at('info'), debug: at('debug') };
}
