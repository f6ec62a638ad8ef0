// Command-line options for `npm run demo` and `npm run bench`: parsed strictly, with a --help text.
// A user's mistake is one line that says what is wrong and where the help is, and exit code 2;
// only a failure of the program itself shows a stack trace.
import { parseArgs, type ParseArgsConfig } from 'node:util';

/** A mistake on the command line or in the environment the command reads. */
export class UsageError extends Error {}

export type OptionSpecs = NonNullable<ParseArgsConfig['options']>;
export type OptionValues = Record<string, string | boolean | undefined>;

/**
 * Parses `argv` against `specs` and reads the values with `interpret`. `--help` or `-h` prints
 * `help` and exits 0, once the other options given with it are known to be valid: so appending
 * `--help` to a command checks it without running it.
 */
export function parseOptions<T>(
  specs: OptionSpecs,
  help: string,
  argv: string[],
  interpret: (values: OptionValues) => T
): T {
  let values: OptionValues;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: { ...specs, help: { type: 'boolean', short: 'h' } },
      strict: true,
      allowPositionals: false
    }) as { values: OptionValues });
  } catch (error) {
    // Node's messages can span lines and end in a full stop; ours is one line.
    const message = (error instanceof Error ? error.message : String(error))
      .replace(/\s*\n\s*/g, ' ')
      .replace(/\.$/, '');
    throw new UsageError(message.charAt(0).toLowerCase() + message.slice(1));
  }
  const options = interpret(values);
  if (values.help) {
    process.stdout.write(help);
    process.exit(0);
  }
  return options;
}

/** A whole number option within [min, max]. */
export function wholeNumber(values: OptionValues, name: string, min: number, max: number): number {
  const text = String(values[name]);
  const value = Number(text);
  if (!/^\d+$/.test(text) || value < min || value > max) {
    throw new UsageError(`--${name} takes a whole number from ${min} to ${max}, not '${text}'`);
  }
  return value;
}

/** A decimal number option of at least 0. */
export function nonNegativeNumber(values: OptionValues, name: string): number {
  const text = String(values[name]);
  if (!/^\d+(\.\d+)?$/.test(text)) {
    throw new UsageError(`--${name} takes a number of 0 or more, not '${text}'`);
  }
  return Number(text);
}

/** An option whose value must be one of `choices`. */
export function oneOf(values: OptionValues, name: string, choices: string[]): string {
  const text = String(values[name]);
  if (!choices.includes(text)) {
    throw new UsageError(`--${name} takes one of ${choices.join(', ')}, not '${text}'`);
  }
  return text;
}

/**
 * Runs `parse`; a UsageError becomes one line naming the help, and exit code 2. `npmScript` is
 * the command's name under `npm run`.
 */
export function parseOrExit<T>(npmScript: string, parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`${npmScript}: ${error.message}. See: npm run ${npmScript} -- --help\n`);
    process.exit(2);
  }
}
