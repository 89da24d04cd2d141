import type { CommandModule } from 'yargs';

interface SchemaArgs {
  name: string;
  out?: string;
}

export const schemaCommand: CommandModule<object, SchemaArgs> = {
  command: 'schema [name]',
  describe:
    'Print (or write) the JSON Schema of a capplan file: project (capplan.yaml), proposal (proposal.yaml), ' +
    'catalog (catalog.yaml), plan (plan.json), problem (problem.json for capplan place)',
  builder: (y) =>
    y
      .positional('name', {
        type: 'string',
        default: 'project',
        describe: 'Which file: project, proposal, catalog, plan or problem',
      })
      .option('out', { type: 'string', describe: 'Write to this file instead of stdout' }),
  handler: async (args) => {
    const { jsonSchemaText, SCHEMAS } = await import('../../domain/json-schema.ts');
    if (!SCHEMAS[args.name]) {
      const { InputError } = await import('../../domain/errors.ts');
      throw new InputError(`unknown schema "${args.name}"; known: ${Object.keys(SCHEMAS).join(', ')}`, {
        file: '(command line)',
      });
    }
    const text = jsonSchemaText(args.name);
    if (args.out) {
      const { writeFileAtomic } = await import('../../io/write-atomic.ts');
      await writeFileAtomic(args.out, text);
    } else process.stdout.write(text);
  },
};
