// The project's plan and each scenario's (docs/report.md, "Scenarios and the comparison"):
// the same data read once, planned once per settings. The plans share the command's one clock
// (method §6.5): each plan gets an equal part of what is left when it starts — a scenario that
// sets a shorter limit of its own keeps that — so `capplan plan` with scenarios still keeps
// the project's limit. Each plan records its nominal part (limit ÷ plans) in
// settings.placement.timeLimitSeconds: a figure of the input, not of the machine's speed.
import type { PlanWithTco } from '../domain/plan.ts';
import type { ProjectData, ProjectSettings } from '../domain/project.ts';
import type { Scenario } from '../domain/scenarios.ts';
import { assemblePlan, type PlanInputs } from './assemble.ts';
import { Deadline } from '../placement/deadline.ts';

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
  const plans = 1 + scenarios.length;
  const share = baseline.settings.placement.timeLimitSeconds / plans;
  const clock = baseline.deadline ?? Deadline.after(baseline.settings.placement.timeLimitSeconds);
  const base = await assemblePlan(
    scenarios.length === 0
      ? { ...baseline, deadline: clock }
      : { ...baseline, settings: withLimit(baseline.settings, share), deadline: clock.share(1 / plans) },
  );
  const out: { slug: string; plan: PlanWithTco }[] = [];
  for (const [i, { scenario, inputs }] of scenarios.entries()) {
    const plan = await assemblePlan({
      ...inputs,
      settings: withLimit(inputs.settings, share),
      // An equal part of what the plans before it left (the last one gets all of it).
      deadline: clock.share(1 / (plans - 1 - i)),
      ...(baseline.backtest ? { backtest: baseline.backtest } : {}),
      ...(baseline.onProgress ? { onProgress: baseline.onProgress } : {}),
    });
    const { name, description, slug } = scenario;
    // Its reports say which scenario they are: the title names it.
    out.push({ slug, plan: { ...plan, title: `${plan.title} — ${name}`, scenario: { name, description, slug } } });
  }
  return { baseline: base, scenarios: out };
}
