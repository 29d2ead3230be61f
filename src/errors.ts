/** Where in a user's file a problem sits (1-based line and column). */
export interface SourceLocation {
  file: string;
  line?: number;
  column?: number;
}

/**
 * The one error type shipkit raises for bad input: a one-line message, a hint that says how to
 * fix it, and where it is. The action shell prints it as an `::error` annotation, the CLI as
 * `file:line:col: message`, both without a stack trace.
 */
export class ShipkitError extends Error {
  readonly hint: string | undefined;
  readonly location: SourceLocation | undefined;
  /** Further problems of the same kind (all config errors are reported at once). */
  readonly details: ShipkitError[];

  constructor(
    message: string,
    options: { hint?: string; location?: SourceLocation; details?: ShipkitError[]; cause?: unknown } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'ShipkitError';
    this.hint = options.hint;
    this.location = options.location;
    this.details = options.details ?? [];
  }
}

export function formatLocation(loc: SourceLocation | undefined): string {
  if (!loc) return '';
  let s = loc.file;
  if (loc.line !== undefined) s += `:${loc.line}`;
  if (loc.line !== undefined && loc.column !== undefined) s += `:${loc.column}`;
  return s;
}

/** The message and its hint as two sentences, joined with a full stop. */
export function withHint(e: ShipkitError): string {
  if (!e.hint) return e.message;
  return `${/[.!?:]$/.test(e.message) ? e.message : `${e.message}.`} ${e.hint}`;
}

/** `file:line:col: message. Hint.` — one line per problem. */
export function formatError(err: ShipkitError): string[] {
  const all = err.details.length > 0 ? err.details : [err];
  return all.map((e) => {
    const where = formatLocation(e.location);
    return `${where ? `${where}: ` : ''}${withHint(e)}`;
  });
}

/** Turns anything thrown into a ShipkitError; unknown errors keep their message, not their stack. */
export function asShipkitError(err: unknown): ShipkitError {
  if (err instanceof ShipkitError) return err;
  if (err instanceof Error) return new ShipkitError(err.message, { cause: err });
  return new ShipkitError(String(err));
}
