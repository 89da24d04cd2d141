// capplan.yaml `scenarios:` as written: named alternatives of the project, each a partial copy
// of any section (docs/inputs.md, "Scenarios"). Only the name and description are fixed here;
// the overrides are checked by merging them into the project and validating the result with
// the project's own schema (src/domain/scenarios.ts), so they obey every rule a setting has.
import { z } from 'zod';

const scenarioSchema = z
  .object({
    name: z
      .string()
      .trim()
      .min(1, 'a scenario needs a name')
      .max(120)
      .describe('Name shown in the comparison; its folder is reports/<project>/scenarios/<name as a slug>/.'),
    description: z.string().optional().describe('One line on what the scenario changes, for the comparison.'),
  })
  .catchall(z.unknown())
  .describe(
    'A scenario: its name, an optional description and overrides of any project section (e.g. ' +
      '`cluster: { redundancy: 2 }`), merged into the project and validated like it. inputs.catalog is the only ' +
      'input a scenario may change: every scenario plans the same data.',
  );

export const scenariosSchema = z
  .array(scenarioSchema)
  .optional()
  .describe('Alternatives planned beside the project and compared with it (the plan.md and workbook comparison).');
