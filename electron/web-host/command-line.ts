// What every command-line tool of the desk does with its arguments: --help prints the usage, and
// a wrong command line gets one line saying what is wrong plus the usage, exit code 2, never a
// stack trace. Used by `npm run dev:web` and `npm run seed` (start.mjs, plain JS, mirrors it).

/** A command line that can't be run as given; its message is one line, shown with the usage. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** A failure the tool explains itself (exit 1); printed without a stack trace. */
export class CommandError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CommandError';
  }
}

function isParseArgsError(error: unknown): error is Error {
  const code = error instanceof Error ? (error as Error & { code?: unknown }).code : undefined;
  return typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS_');
}

/**
 * Runs node:util parseArgs, turning its complaints into a one-line UsageError. Its own messages
 * run on with advice about "--"; the first sentence says what is wrong.
 */
export function parseCommandLine<T>(parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    if (!isParseArgsError(error)) throw error;
    const firstSentence = error.message.split(/(?<=\.)\s/)[0] ?? error.message;
    throw new UsageError(firstSentence);
  }
}

export interface CommandOutput {
  out: (text: string) => void;
  err: (text: string) => void;
}

const consoleOutput: CommandOutput = { out: (text) => console.log(text), err: (text) => console.error(text) };

/**
 * Runs a tool's main and turns what it throws into the exit code: 2 for a UsageError (with the
 * usage), 1 for anything else (its message only). `main` returns the code of a normal end.
 */
export async function runCommand(usage: string, main: () => number | Promise<number>, output: CommandOutput = consoleOutput): Promise<number> {
  try {
    return await main();
  } catch (error) {
    if (error instanceof UsageError) {
      output.err(`${error.message}\n\n${usage}`);
      return 2;
    }
    output.err(error instanceof Error ? error.message : String(error));
    return 1;
  }
}
