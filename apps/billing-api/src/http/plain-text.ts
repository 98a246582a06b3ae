import { applyDecorators } from '@nestjs/common';
import { IsString, Length, ValidateBy } from 'class-validator';

/*
 * C0 controls (NUL to US: TAB, LF, CR, ESC…), DEL, C1 controls, the bidirectional embeddings and
 * overrides (U+202A–U+202E) and isolates (U+2066–U+2069), and lone surrogates (no UTF-8 for them).
 * They have no place in a name, and they garble or disguise what logs, CSV exports and invoices show.
 */
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]|\p{Cs}/u;
/** The same, line feeds allowed. */
// eslint-disable-next-line no-control-regex
const UNSAFE_BUT_LINE_FEEDS = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]|\p{Cs}/u;

export interface PlainTextOptions {
  /** Fewest characters (default 1). */
  min?: number;
  /** Most characters. */
  max: number;
  /** Long free text (a summary, a description) may span lines: LF is allowed, CR is not. */
  multiline?: boolean;
}

/** A free-text field (a name, a reason, a PO number, a summary): a string of `min` to `max` characters with no control or bidi formatting characters. */
export function IsPlainText({ min = 1, max, multiline = false }: PlainTextOptions): PropertyDecorator {
  const unsafe = multiline ? UNSAFE_BUT_LINE_FEEDS : UNSAFE;
  return applyDecorators(
    IsString(),
    Length(min, max),
    ValidateBy({
      name: 'isPlainText',
      validator: {
        validate: (value: unknown) => typeof value !== 'string' || !unsafe.test(value),
        defaultMessage: (args) =>
          `${args?.property} must not contain control or bidirectional formatting characters${multiline ? ' (line feeds are allowed)' : ''}`,
      },
    }),
  );
}
