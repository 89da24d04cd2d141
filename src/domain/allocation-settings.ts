// capplan.yaml `allocation:` — sizing from what an inventory export says (RVTools) when there is
// no monitoring (docs/method.md §3.6), and which VMs of such an export are not workloads at all.
import { z } from 'zod';

export const allocationSchema = z
  .strictObject({
    use: z
      .enum(['no-monitoring', 'missing', 'never'])
      .default('no-monitoring')
      .describe(
        'When to size from allocation: no-monitoring = only when the project names no monitoring; missing = also ' +
          'for each server the monitoring does not cover; never = such servers are missing performance data.',
      ),
    cpu: z
      .enum(['recorded', 'allocated'])
      .default('recorded')
      .describe(
        'recorded: vCPU from the CPU in use the export recorded (RVTools Overall / Max MHz); allocated: the ' +
          'configured vCPU.',
      ),
    memory: z
      .enum(['consumed', 'active', 'allocated'])
      .default('consumed')
      .describe('consumed / active: the memory the export recorded (RVTools vMemory); allocated: configured memory.'),
    disk: z
      .enum(['in-use', 'provisioned'])
      .default('in-use')
      .describe(
        'in-use: storage in use (vPartition Consumed, else vInfo In Use); provisioned: the disks as configured.',
      ),
    poweredOff: z
      .enum(['include', 'exclude'])
      .default('include')
      .describe('Powered-off VMs: planned (sized from allocation) or excluded with a reason.'),
    excludeAgentVms: z
      .boolean()
      .default(true)
      .describe('Exclude vSphere agent VMs (vCLS, ESX Agent Manager appliances): they do not move with workloads.'),
  })
  .prefault({})
  .describe('Sizing without monitoring, from allocation and the utilisation an inventory export recorded.');
