import type { CommandModule } from 'yargs';
import type { ProvisionArgs } from '../run-provision.ts';

export const provisionCommand: CommandModule<object, ProvisionArgs> = {
  command: 'provision <plan>',
  describe:
    'Write libvirt XML, kickstart layout and provision.sh per host from a plan.json; with --apply, create them ' +
    'through virsh',
  builder: (y) =>
    y
      .positional('plan', { type: 'string', demandOption: true, describe: 'plan.json written by capplan plan' })
      .option('out', { type: 'string', describe: 'Output folder (default: provision/ beside the plan)' })
      .option('connect', {
        type: 'string',
        describe: 'libvirt URI to read (and with --apply, to change), e.g. qemu+ssh://root@host1/system',
      })
      .option('apply', {
        type: 'boolean',
        default: false,
        describe: 'Run the steps over one virsh connection (needs --connect); without it, print them',
      })
      .option('host', {
        type: 'string',
        describe: 'Planned host the connection belongs to (needed when the plan has several)',
      })
      .option('disk-format', {
        type: 'string',
        choices: ['raw', 'qcow2'],
        describe: "Override the plan's provision.diskFormat (qcow2: thin disks, e.g. to rehearse on the test driver)",
      }),
  handler: async (args) => {
    const { runProvision } = await import('../run-provision.ts');
    process.exitCode = await runProvision(args);
  },
};
