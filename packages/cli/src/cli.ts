import { escapeText, RuleSettingsError } from '@ormdrift/core';
import { ConnectionError, IntrospectionError, isStatementTimeout, MissingSchemaError, redactPassword, redactUrl, SqlScriptError } from '@ormdrift/postgres';
import { MigrationsError } from '@ormdrift/migrations';
import { baselineCommand } from './commands/baseline-command.ts';
import { checkCommand } from './commands/check-command.ts';
import { diffCommand, diffUsage } from './commands/diff-command.ts';
import { fixCommand } from './commands/fix-command.ts';
import { statusCommand, statusUsage } from './commands/status-command.ts';
import type { CliIo } from './cli-io.ts';
import { stackFrames, thrownCode, thrownMessage } from './thrown-value.ts';
import { UsageError } from './usage-error.ts';
import { negativeDuration } from './parse-duration.ts';
import { currentWatchdog } from './load/watchdog.ts';
import { interruptedBy } from './interrupt.ts';
import { ownPackage } from './own-package.ts';

const usage = `Usage: ormdrift <command> [options]

Commands:
  check [modules...]   compare the ORM models in the modules with a PostgreSQL database
  status               compare the migrations on disk with the database's ledger of applied ones
  diff                 compare one database with another (or with what the migrations build)
  fix [modules...]     write the SQL that adds what the database lacks, and the SQL that undoes it
  baseline [modules...] record today's findings, so that check --baseline reports only new ones

Run "ormdrift <command> --help" for the options; "ormdrift --version" prints the version.`;

/** Runs one CLI invocation and returns its exit code: 0 clean, 1 drift at error severity, 2 anything else. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const debug = argv.includes('--debug');
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'check':
        return await checkCommand(rest, io);
      case 'status':
        return await statusCommand(rest, io);
      case 'diff':
        return await diffCommand(rest, io);
      case 'fix':
        return await fixCommand(rest, io);
      case 'baseline':
        return await baselineCommand(rest, io);
      case '--version':
      case '-v':
        io.stdout.write(`${cliVersion()}\n`);
        return 0;
      case undefined:
      case '-h':
      case '--help':
        io.stdout.write(`${usage}\n`);
        return command === undefined ? 2 : 0;
      default:
        throw new UsageError(`unknown command "${command}": the commands are: check, status, diff, fix, baseline`);
    }
  } catch (error) {
    // what breaks because the run was interrupted is no error of its own: the interruption is reported once
    if (interruptedBy()) return 2;
    // code stopped by the watchdog throws whatever it throws: the deadline that expired is the error
    const expired = currentWatchdog()?.takeExpired();
    // the last line of defence: no message nor stack trace holds the password of a connection string we were given
    const hide = (text: string) => givenUrls(argv).reduce((redacted, url) => redactPassword(redacted, url), text);
    io.stderr.write(hide(`ormdrift: ${expired === undefined ? describeError(error, command ?? 'check', debug, argv) : escapeText(expired)}\n`));
    if (debug && error instanceof Error) io.stderr.write(hide(`${stackFrames(error)}${causeChain(error)}`));
    return 2;
  }
}

/** The connection strings this run was given: every `--db` value and `$DATABASE_URL`. */
function givenUrls(argv: readonly string[]): string[] {
  const urls: string[] = [];
  argv.forEach((arg, index) => {
    if (arg === '--db' && argv[index + 1] !== undefined) urls.push(argv[index + 1]!);
    else if (arg.startsWith('--db=')) urls.push(arg.slice('--db='.length));
  });
  if (process.env.DATABASE_URL) urls.push(process.env.DATABASE_URL);
  return urls;
}

function cliVersion(): string {
  return ownPackage().version;
}

function describeError(error: unknown, command: string, debug: boolean, argv: readonly string[]): string {
  const known =
    error instanceof UsageError ||
    error instanceof MigrationsError ||
    error instanceof RuleSettingsError ||
    error instanceof ConnectionError ||
    error instanceof SqlScriptError;
  let message = thrownMessage(error);
  const code = thrownCode(error);
  if (code?.startsWith('ERR_PARSE_ARGS')) message = parseArgsMessage(message, command, argv);
  else if (error instanceof MissingSchemaError) message = `${message}: check --schema`;
  else if (error instanceof IntrospectionError && error.interrupted === 'deadline') {
    message = `the database stopped answering while ${error.step} (${message.slice(error.step.length + 2)}): check the server and the network, or raise --statement-timeout`;
  } else if (error instanceof IntrospectionError && error.lock) {
    const { relation, mode, pid, holder, seconds } = error.lock;
    message =
      `could not read the database schema (${message}): ${relation} is locked (${mode}) by backend ${pid} (${holder}, in a transaction open for ${seconds} s): ` +
      'wait for it to end, or raise --statement-timeout';
  } else if (error instanceof IntrospectionError && isStatementTimeout(error.cause)) {
    message = `could not read the database schema (${message}): raise --statement-timeout, or look for a session that locks the catalogs`;
  } else if (error instanceof IntrospectionError) message = `could not read the database schema (${message})`;
  else if (!known) message = debug ? `unexpected error: ${message}` : `unexpected error: ${message} (run with --debug for the stack trace)`;
  // one line, no terminal control from names in the message, and never a connection string with its password
  return escapeText(message.replace(/\s*\n\s*/g, ' ').replace(/postgres(ql)?:\/\/[^\s'"]+/g, (url) => redactUrl(url)));
}

/** The usage of each command that takes no positional argument, for the line that refuses one. */
const commandUsages: Record<string, string> = { diff: diffUsage, status: statusUsage };

/** The options whose value is a duration (see parseDuration). */
const durationOptions = new Set(['--connect-timeout', '--statement-timeout', '--import-timeout', '--migration-timeout']);

function parseArgsMessage(message: string, command: string, argv: readonly string[]): string {
  // parseArgs takes a value that starts with "-" for an option of its own: `--statement-timeout -5s`
  const ambiguous = /Option '([^']+)' argument is ambiguous/.exec(message);
  if (ambiguous?.[1]) {
    const flag = ambiguous[1].split(',').pop()!.trim();
    const value = argv[argv.indexOf(flag) + 1] ?? '';
    if (durationOptions.has(flag)) return negativeDuration(flag, value);
    return `option ${flag} needs a value, not the option-like ${value}: write ${flag}=${value} if that is the value`;
  }
  const unknown = /Unknown option '([^']+)'/.exec(message);
  if (unknown) return `unknown option ${unknown[1]}: see "ormdrift ${command} --help"`;
  const missing = /Option '([^']+)' argument missing/.exec(message);
  if (missing?.[1]) return `option ${missing[1].split(',').pop()?.trim()} needs a value: see "ormdrift ${command} --help"`;
  // a command without positionals: the whole argument, then what the command takes (its usage line)
  const unexpected = /^Unexpected argument '(.*)'\. This command does not take positional arguments$/s.exec(message);
  if (unexpected) {
    const synopsis = commandUsages[command]?.split('\n')[0]?.replace(/^Usage: /, '');
    return `unexpected argument "${unexpected[1]}": ormdrift ${command} takes options only${synopsis ? ` (${synopsis})` : ''}: see "ormdrift ${command} --help"`;
  }
  return `${message}: see "ormdrift ${command} --help"`;
}

function causeChain(error: Error): string {
  let text = '';
  for (let cause = error.cause; cause instanceof Error; cause = cause.cause) text += `caused by: ${cause.stack ?? cause.message}\n`;
  return text;
}
