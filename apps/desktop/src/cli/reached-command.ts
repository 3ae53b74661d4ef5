import type { Command } from 'commander';

/**
 * Follows how far the command line got in the command tree, so that a usage error can be
 * followed by the usage of the command it concerns (`db restore`, not the program): the parser
 * refuses a line on the command that was parsing it, and an action refuses its options on its
 * own command. Every command ends through its own exit callback, which notes it and throws
 * (never exits the process); the action about to run is noted before it runs. Returns the
 * command reached so far: the program until the line reaches a command.
 */
export function followReachedCommand(program: Command): () => Command {
  let reached = program;
  const follow = (command: Command): void => {
    command.exitOverride((error) => {
      reached = command;
      throw error;
    });
    command.commands.forEach(follow);
  };
  follow(program);
  program.hook('preAction', (_program, action) => {
    reached = action;
  });
  return () => reached;
}

/** The command's usage as its help prints it first: `Usage: lepupitre db restore [options]`. */
export function usageLine(command: Command): string {
  return `Usage: ${command.createHelp().commandUsage(command)}`;
}
