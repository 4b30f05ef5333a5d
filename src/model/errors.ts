/** The user called protokit wrongly (bad flag or argument): exit code 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** The configuration file is missing, unreadable or invalid: exit code 2. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/** protokit could not read its input or write its output: exit code 2. */
export class IoError extends Error {
  override readonly name = 'IoError';
}

/** A tool failure that is not the user's fault. */
export class InternalError extends Error {
  override readonly name = 'InternalError';
}

/** Errors that end a run with exit code 2 and a one-line message. */
export type ToolError = UsageError | ConfigError | IoError | InternalError;

/** True for the typed errors that the CLI reports in one line. */
export function isToolError(error: unknown): error is ToolError {
  return (
    error instanceof UsageError ||
    error instanceof ConfigError ||
    error instanceof IoError ||
    error instanceof InternalError
  );
}
