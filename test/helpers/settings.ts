// Project settings for tests: every section's defaults under the rhev-2.2 profile (the worked
// example's platform, which most tests reproduce), with overrides as a capplan.yaml would write
// them; `hypervisor.profile` in the overrides picks another profile.
import { projectSchema, type ProjectInput, type ProjectSettings } from '../../src/domain/project.ts';

export function defaultSettings(overrides: Partial<ProjectInput> = {}): ProjectSettings {
  return projectSchema.parse({
    project: 'test',
    inputs: { inventory: 'inventory.csv', monitoring: 'monitoring.csv' },
    ...overrides,
    hypervisor: { profile: 'rhev-2.2', ...overrides.hypervisor },
  });
}
