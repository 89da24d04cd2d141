// The project's plan and each scenario's (docs/report.md, "Scenarios and the comparison"):
// the same data read once, planned once per settings. The plans share the project's time
// limit (method §6.5): each gets an equal part of placement.timeLimitSeconds — a scenario
// that sets a shorter limit of its own keeps that — so `capplan plan` with scenarios still
// spends at most the project's limit choosing and placing hosts. Each plan records the limit
// it had in settings.placement.timeLimitSeconds.
import type { PlanWithTco } from '../domain/plan.ts';
import type { ProjectData, ProjectSettings } from '../domain/project.ts';
import type { Scenario } from '../domain/scenarios.ts';
import { assemblePlan, type PlanInputs } from './assemble.ts';

export interface ScenarioInputs {
  scenario: Scenario<ProjectSettings>;
  inputs: ProjectData;
}

const withLimit = (s: ProjectSettings, seconds: number): ProjectSettings => ({
  ...s,
  placement: { ...s.placement, timeLimitSeconds: Math.min(s.placement.timeLimitSeconds, seconds) },
});

/** The baseline plan and one per scenario, in the project's order. */
export async function planScenarios(
  baseline: PlanInputs,
  scenarios: readonly ScenarioInputs[],
): Promise<{ baseline: PlanWithTco; scenarios: { slug: string; plan: PlanWithTco }[] }> {
  const share = baseline.settings.placement.timeLimitSeconds / (1 + scenarios.length);
  const base = await assemblePlan(
    scenarios.length === 0 ? baseline : { ...baseline, settings: withLimit(baseline.settings, share) },
  );
  const out: { slug: string; plan: PlanWithTco }[] = [];
  for (const { scenario, inputs } of scenarios) {
    const plan = await assemblePlan({
      ...inputs,
      settings: withLimit(inputs.settings, share),
      ...(baseline.backtest ? { backtest: baseline.backtest } : {}),
      ...(baseline.onProgress ? { onProgress: baseline.onProgress } : {}),
    });
    const { name, description, slug } = scenario;
    // Its reports say which scenario they are: the title names it.
    out.push({ slug, plan: { ...plan, title: `${plan.title} — ${name}`, scenario: { name, description, slug } } });
  }
  return { baseline: base, scenarios: out };
}
