import type { LoggerService, LogLevel } from '@nestjs/common';

/** Structured logs: one JSON object per line on stdout (errors on stderr). */
export class JsonLogger implements LoggerService {
  constructor(private readonly levels: LogLevel[] = ['log', 'error', 'warn', 'fatal']) {}

  log(message: unknown, ...rest: unknown[]): void {
    this.write('info', 'log', message, rest);
  }
  error(message: unknown, ...rest: unknown[]): void {
    this.write('error', 'error', message, rest);
  }
  warn(message: unknown, ...rest: unknown[]): void {
    this.write('warn', 'warn', message, rest);
  }
  debug(message: unknown, ...rest: unknown[]): void {
    this.write('debug', 'debug', message, rest);
  }
  verbose(message: unknown, ...rest: unknown[]): void {
    this.write('verbose', 'verbose', message, rest);
  }
  fatal(message: unknown, ...rest: unknown[]): void {
    this.write('fatal', 'fatal', message, rest);
  }
  setLogLevels(levels: LogLevel[]): void {
    this.levels.splice(0, this.levels.length, ...levels);
  }

  private write(level: string, nestLevel: LogLevel, message: unknown, rest: unknown[]): void {
    if (!this.levels.includes(nestLevel)) return;
    // Nest passes the context last; an error's stack comes before it.
    const context = typeof rest[rest.length - 1] === 'string' ? (rest.pop() as string) : undefined;
    const line: Record<string, unknown> = { time: new Date().toISOString(), level, ...(context ? { context } : {}) };
    if (message !== null && typeof message === 'object' && !(message instanceof Error)) Object.assign(line, message);
    else line.msg = message instanceof Error ? message.message : String(message);
    if (rest.length && typeof rest[0] === 'string') line.stack = rest[0];
    const text = `${JSON.stringify(line)}\n`;
    if (level === 'error' || level === 'fatal') process.stderr.write(text);
    else process.stdout.write(text);
  }
}
