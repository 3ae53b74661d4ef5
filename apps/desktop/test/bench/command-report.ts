import {
  formatNs as ns,
  formatRatio as ratio,
  formatRunHeader,
  formatTableRows,
  isNoisy,
  withRatio,
  type BenchRun,
  type ImplementationResult,
  type Measurement,
} from '@lepupitre/bench/harness';
import type { CommandImplementationName } from './command-cases';

/**
 * An IPC command through the router against the repository call its handler makes, alone and
 * preceded by the profile check. No budget: the table says what the command layer costs.
 */
export interface CommandCaseResult {
  readonly name: string;
  readonly description: string;
  /** Ratios to the direct repository call. */
  readonly implementations: Readonly<Record<CommandImplementationName, ImplementationResult>>;
  /** The command against the repository call with the profile check: the router's own share. */
  readonly commandToProfileChecked: { readonly ratio: number; readonly pairedRatio: number };
  /** The command minus the repository call, in nanoseconds per call (medians). */
  readonly commandOverheadNs: number;
  readonly noisy: boolean;
}

export interface CommandBenchReport extends BenchRun {
  readonly commandCases: readonly CommandCaseResult[];
}

export function commandCaseResult(
  name: string,
  description: string,
  measured: Readonly<Record<CommandImplementationName, Measurement>>,
): CommandCaseResult {
  const base = measured.repository;
  const implementations = {
    repository: withRatio(base, base),
    profileChecked: withRatio(measured.profileChecked, base),
    command: withRatio(measured.command, base),
  };
  const toChecked = withRatio(measured.command, measured.profileChecked);
  return {
    name,
    description,
    implementations,
    commandToProfileChecked: { ratio: toChecked.ratioToRaw, pairedRatio: toChecked.pairedRatioToRaw },
    commandOverheadNs: measured.command.medianNs - base.medianNs,
    noisy: isNoisy(base, implementations.profileChecked) || isNoisy(base, implementations.command),
  };
}

export function formatCommandTable(report: CommandBenchReport): string {
  const commandCalls = formatTableRows(
    ['command', 'repository ns/call', '+ profile check ns/call', 'ratio', 'router.invoke ns/call', 'ratio', 'vs checked', 'overhead ns'],
    report.commandCases.map((c) => {
      const { repository, profileChecked, command } = c.implementations;
      return [
        c.name,
        ns(repository.medianNs),
        ns(profileChecked.medianNs),
        ratio(profileChecked.ratioToRaw),
        ns(command.medianNs),
        ratio(command.ratioToRaw),
        ratio(c.commandToProfileChecked.ratio),
        ns(c.commandOverheadNs),
      ];
    }),
  );
  return [...formatRunHeader(report), '', ...commandCalls, '', ...report.commandCases.map(summary)].join('\n');
}

/** The paired ratios and the spread of the command; no target, so no verdict. */
function summary(c: CommandCaseResult): string {
  const { profileChecked, command } = c.implementations;
  return (
    `${c.name}: command ${ratio(command.ratioToRaw)} the repository call, ${ratio(c.commandToProfileChecked.ratio)} ` +
    `with the profile check; paired per-round ratios ${ratio(command.pairedRatioToRaw)}, ` +
    `${ratio(c.commandToProfileChecked.pairedRatio)} (profile check alone ${ratio(profileChecked.pairedRatioToRaw)}); ` +
    `command p25-p75 ${ns(command.p25Ns)}-${ns(command.p75Ns)} ns` +
    (c.noisy ? '; NOISY, rerun on an idle machine' : '')
  );
}
