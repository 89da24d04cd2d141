// A line of the host derivation (method §5.2) and its step: the figures it says, by name. The
// English text is written from the step's params, so a report in another language
// (report.language) says the very same numbers without redoing the arithmetic.
import type { DerivationStep } from '../domain/plan.ts';
import { fmt } from './rounding.ts';
import { textStep } from '../domain/text-step.ts';

type StepParams = DerivationStep['params'];

export interface DerivationLine {
  text: string;
  step: DerivationStep;
}

/** The lines of a host and their steps, in the same order. */
export interface Derivation {
  derivation: string[];
  derivationSteps: DerivationStep[];
}

export function derivationLine<P extends StepParams>(
  code: string,
  params: P,
  english: (p: P) => string,
): DerivationLine {
  return textStep(code, params, english);
}

/** A figure as the lines print it (fmt: 2 decimals, no trailing zeros), kept as a number. */
export function figure(x: number): number {
  return Number(fmt(x));
}

export function derivationOf(lines: readonly DerivationLine[]): Derivation {
  return { derivation: lines.map((l) => l.text), derivationSteps: lines.map((l) => l.step) };
}

/** `host` with one more line; the original is untouched. */
export function withLine<T extends Derivation>(host: T, line: DerivationLine): T {
  return {
    ...host,
    derivation: [...host.derivation, line.text],
    derivationSteps: [...host.derivationSteps, line.step],
  };
}
