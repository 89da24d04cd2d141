// plan.json `scenario`: which scenario of its project a plan is (docs/report.md, "Scenarios
// and the comparison"). Absent on the project's own plan, the baseline.
import { z } from 'zod';

/** Field planSchema gains. */
export const planScenarioFields = {
  scenario: z
    .object({
      name: z.string(),
      description: z.string().nullable(),
      slug: z.string().describe('Its folder under <out>/scenarios/.'),
    })
    .optional()
    .describe('The scenario of capplan.yaml this plan is; absent on the baseline.'),
};
