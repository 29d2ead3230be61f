import { z } from 'zod';

/** The `codegen` section of shipkit.yml. */

const codegenTarget = z.strictObject({
  spec: z
    .string()
    .min(1)
    .describe(
      'Path of the spec, relative to the repository root: an OpenAPI document, or a .proto file, a directory of them or a buf.yaml (compiled with buf, generated with protoc-gen-es and Connect-ES clients).',
    ),
  out: z.string().min(1).describe('Directory the generated code is written to.'),
  zod: z.boolean().default(false).describe('Also generate zod schemas.'),
  mocks: z.boolean().default(false).describe('Also generate an in-memory fake client and test templates.'),
  int64: z.enum(['bigint', 'string']).default('string').describe('How 64-bit integers are typed.'),
  refs: z
    .enum(['repository', 'spec-directory'])
    .default('repository')
    .describe(
      "Where local `$ref`s may read: inside the repository (the nearest directory above the spec with a `.git`), or only inside the spec's directory. Others are refused.",
    ),
  include: z
    .array(z.string().min(1))
    .default([])
    .describe(
      'Proto targets: directories imports resolve from (like protoc -I); a buf.yaml target lists them as `deps` instead.',
    ),
  breaking: z
    .enum(['FILE', 'PACKAGE'])
    .default('FILE')
    .describe(
      "Proto targets: buf's breaking-change category `codegen check` judges changes by (a buf.yaml target uses its own `breaking:` rules).",
    ),
});

export const codegenSchema = z
  .strictObject({
    targets: z.array(codegenTarget).default([]).describe('Specs to generate clients from.'),
    base: z
      .string()
      .min(1)
      .optional()
      .describe(
        'Branch the regenerate pull request targets (`mode: pr`); default: the pushed branch, or the default branch on a schedule.',
      ),
  })
  .describe('Client generation from OpenAPI and .proto specs.');
