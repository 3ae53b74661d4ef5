import { printableText } from '@lepupitre/domain-primitives';
import type { Command } from 'commander';
import { closestName } from './closest-name';
import { withSuggestion } from './usage-error-text';

export const HELP = 'help';

/** A refused name is quoted in the error: every command name is far shorter. */
const SHOWN_NAME_MAX = 64;

/**
 * `lepupitre help [command...]`: the help of the program, of a command or of a subcommand
 * (`help db restore`), the same text as `--help` on it. The parser's own help command reads one
 * name only, so `help db restore` would print the help of `db`: this one follows the whole path.
 * A name that is no command there is a usage error of the command it was looked for in, with the
 * closest name.
 */
export function registerHelp(program: Command): void {
  program
    .command(HELP)
    .description('show the help of a command or subcommand, as --help on it does (e.g. help db restore)')
    .argument('[command...]', 'a command and its subcommands')
    .action((names: string[]) => {
      let target = program;
      for (const name of names) {
        const sub = target.commands.find((command) => command.name() === name);
        if (!sub) {
          const known = target.commands.map((command) => command.name());
          return target.error(withSuggestion(`unknown command '${printableText(name, SHOWN_NAME_MAX)}'`, closestName(name, known)), {
            code: 'commander.unknownCommand',
          });
        }
        target = sub;
      }
      target.help();
    });
}
