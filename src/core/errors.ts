/**
 * Typed errors. Every error a user can cause carries a hint (what to run or
 * fix next) and the exit code it ends the process with. main() is the one
 * place that turns them into output and exit codes.
 */
export class NotesError extends Error {
  readonly hint: string | undefined;
  readonly exitCode: number;
  constructor(message: string, options: { hint?: string; exitCode?: number; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.hint = options.hint;
    this.exitCode = options.exitCode ?? 1;
  }
}

/** The command line itself is wrong (unknown flag, bad value): exit code 2. */
export class UsageError extends NotesError {
  constructor(message: string, hint?: string) {
    super(message, { hint, exitCode: 2 });
  }
}

/** No notebook could be found or the one named does not exist. */
export class NotebookNotFoundError extends NotesError {}

/** A ref matched nothing, or more than one note. */
export class RefError extends NotesError {
  readonly candidates: string[];
  constructor(message: string, candidates: string[] = [], hint?: string) {
    super(message, { hint });
    this.candidates = candidates;
  }
}

/** A note could not be read or parsed. `line` is 1-based in the file when known. */
export class NoteParseError extends NotesError {
  readonly file: string;
  readonly line: number | undefined;
  readonly reason: string;
  constructor(file: string, reason: string, line?: number, hint?: string) {
    super(`${file}${line ? `:${line}` : ''}: ${reason}`, { hint });
    this.file = file;
    this.line = line;
    this.reason = reason;
  }
}

/** A note that should be created exists already (never overwritten). */
export class NoteExistsError extends NotesError {
  readonly path: string;
  constructor(path: string) {
    super(`${path} exists already`);
    this.path = path;
  }
}

/** The day's entry exists but cannot be read: new, add and today stop rather than start a second one. */
export class BrokenEntryError extends NotesError {
  /** The entry, relative to the notebook root. */
  readonly path: string;
  constructor(path: string, message: string, hint: string) {
    super(message, { hint });
    this.path = path;
  }
}
