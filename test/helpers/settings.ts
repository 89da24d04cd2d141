// Project settings for tests: every section's defaults (the worked example's sizing), with
// overrides as a capplan.yaml would write them.
import { projectSchema, type ProjectInput, type ProjectSettings } from '../../src/domain/project.ts';

export function defaultSettings(overrides: Partial<ProjectInput> = {}): ProjectSettings {
  return projectSchema.parse({
    project: 'test',
    inputs: { inventory: 'inventory.csv', monitoring: 'monitoring.csv' },
    ...overrides,
  });
}
