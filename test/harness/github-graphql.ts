// Checks GraphQL requests against GitHub's public schema (@octokit/graphql-schema's schema.graphql).
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  buildSchema,
  type DocumentNode,
  GraphQLError,
  type GraphQLSchema,
  getOperationAST,
  getVariableValues,
  parse,
  validate,
} from 'graphql';

export interface GraphqlRequestCheck {
  /** `''` for an anonymous operation. */
  operationName: string;
  variables: Record<string, unknown>;
  query: string;
  document?: DocumentNode;
  errors: GraphQLError[];
}

let cachedSchema: GraphQLSchema | undefined;

/** GitHub's public GraphQL schema, built once per process. */
export function githubGraphqlSchema(): GraphQLSchema {
  if (!cachedSchema) {
    // The published SDL defines a few fields twice, which buildSchema's SDL validation rejects.
    cachedSchema = buildSchema(readFileSync(schemaFile(), 'utf8'), { assumeValidSDL: true });
  }
  return cachedSchema;
}

/** The package's exports map hides schema.graphql (and importing it loads schema.json): find the file. */
function schemaFile(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = join(dir, 'node_modules/@octokit/graphql-schema/schema.graphql');
    if (existsSync(candidate)) return candidate;
    const parent = dirname(dir);
    if (parent === dir) throw new Error('@octokit/graphql-schema is not installed');
    dir = parent;
  }
}

/** Parses and validates a GraphQL request body (`{query, variables?, operationName?}`). */
export function checkGraphqlRequest(body: unknown): GraphqlRequestCheck {
  const request = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  const query = typeof request.query === 'string' ? request.query : '';
  const variables = (request.variables ?? {}) as Record<string, unknown>;
  const requestedName = typeof request.operationName === 'string' ? request.operationName : undefined;
  const result: GraphqlRequestCheck = { operationName: requestedName ?? '', variables, query, errors: [] };
  if (!query) return { ...result, errors: [new GraphQLError('A query attribute must be specified')] };
  try {
    result.document = parse(query);
  } catch (error) {
    return { ...result, errors: [error as GraphQLError] };
  }
  const schema = githubGraphqlSchema();
  result.errors = [...validate(schema, result.document)];
  if (result.errors.length > 0) return result;
  const operation = getOperationAST(result.document, requestedName);
  if (!operation) return { ...result, errors: [new GraphQLError('Could not determine the operation')] };
  result.operationName = operation.name?.value ?? '';
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], variables);
  if (coerced.errors) result.errors = [...coerced.errors];
  return result;
}
