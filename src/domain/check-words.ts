// The words of `capplan check`'s human and Markdown reports, as one shape: check/render/words-en.ts
// says them in English (the check's own text), report/messages/check-es.ts in Spanish; the CLI
// hands the renderers the one of the proposal's language (report.language of the project).
import type { TextStep } from './text-step.ts';

/** A violation or note as the report says it: its English text and, when it has one, its step. */
export interface Said {
  message: string;
  step?: TextStep | undefined;
}

export interface CheckWords {
  holds: (hosts: number, policy: string) => string;
  fails: (violations: number) => string;
  /** A check resource (vcpu, memoryGb, …) in words; a reason code stays as it is. */
  resource: (resource: string) => string;
  kind: (kind: string) => string;
  /** A failure scenario's id ("host1 fails") in words. */
  scenario: (id: string) => string;
  /** `load / available (N left | over by N)`. */
  headroom: (load: number, available: number, headroom: number) => string;
  /** `CPU 2 vCPU → 3 vCPU: +1 vCPU (+50 %)`, the amounts with their units already. */
  drift: (resource: string, change: string, delta: string, pct: string) => string;
  yes: string;
  no: string;
  /** A violation's or note's text: the step's when this language has its code, else the message. */
  say: (s: Said) => string;
  title: {
    violations: string;
    headroom: string;
    scenarios: (policy: string) => string;
    scenariosMd: (policy: string) => string;
    drift: string;
    notes: string;
  };
  head: {
    violations: string[];
    violationsMd: string[];
    hosts: string[];
    scenarios: string[];
    scenariosMd: string[];
    drift: string[];
    driftMd: string[];
  };
}
