export const schemaCommand = {
    command: 'schema [name]',
    describe: 'Print (or write) the JSON Schema of a capplan file: project (capplan.yaml), proposal (proposal.yaml)',
    builder: (y) => y
        .positional('name', { type: 'string', default: 'project', describe: 'Which file: project or proposal' })
        .option('out', { type: 'string', describe: 'Write to this file instead of stdout' }),
    handler: async (args) => {
        const { jsonSchemaText, SCHEMAS } = await import("../../domain/json-schema.js");
        if (!SCHEMAS[args.name]) {
            const { InputError } = await import("../../domain/errors.js");
            throw new InputError(`unknown schema "${args.name}"; known: ${Object.keys(SCHEMAS).join(', ')}`);
        }
        const text = jsonSchemaText(args.name);
        if (args.out) {
            const { writeFileAtomic } = await import("../../io/write-atomic.js");
            await writeFileAtomic(args.out, text);
        }
        else
            process.stdout.write(text);
    },
};
