#!/usr/bin/env node
// Generates the parts of the docs that must agree with the code: schema/shipkit.schema.json and
// schema/report.schema.json (from the built CLI) and the README's action and configuration
// reference (between marker comments).
// `--check` writes nothing and exits 1 when anything is out of date.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse, stringify } from 'yaml';
import { commandActions } from './actions-meta.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const check = process.argv.includes('--check');
const REPO = 'shipkit/shipkit';

const cell = (s) =>
  String(s ?? '')
    .replace(/\|/g, '\\|')
    .replace(/\n+/g, ' ')
    .trim();

function actionsReference(umbrella) {
  const out = [
    `### \`${REPO}@v1\`: ${umbrella.name}`,
    '',
    umbrella.description,
    `It takes \`command\` plus the inputs of that command's own action below, and sets its outputs.`,
    '',
  ];
  for (const { file, action } of commandActions()) {
    out.push(`### \`${REPO}/${dirname(file)}@v1\`: ${action.name}`, '', action.description, '');
    out.push('| input | required | default | description |', '| --- | --- | --- | --- |');
    for (const [name, input] of Object.entries(action.inputs ?? {})) {
      const def = input.default === undefined || input.default === '' ? '' : `\`${input.default}\``;
      out.push(
        `| \`${name}\` | ${input.required ? 'yes' : 'no'} | ${cell(def)} | ${cell(input.description)} |`,
      );
    }
    out.push('', '| output | description |', '| --- | --- |');
    for (const [name, output] of Object.entries(action.outputs ?? {})) {
      out.push(`| \`${name}\` | ${cell(output.description)} |`);
    }
    out.push('');
  }
  return out.join('\n');
}

function typeOf(node) {
  if (node['x-accepts']) return node['x-accepts'];
  const alts = node.anyOf ?? node.oneOf;
  if (alts) return alts.map(typeOf).join(' or ');
  if (node.const !== undefined) return `\`${node.const}\``;
  if (node.enum) return node.enum.map((v) => `\`${v}\``).join(', ');
  if (node.type === 'array') return `list of ${typeOf(node.items ?? {})}`;
  if (node.pattern) return `${node.type} (\`${node.pattern}\`)`;
  return node.type ?? 'any';
}

function configReference(schema) {
  const rows = ['| key | accepts | default | description |', '| --- | --- | --- | --- |'];
  const walk = (node, path) => {
    for (const [key, child] of Object.entries(node.properties ?? {})) {
      const p = path ? `${path}.${key}` : key;
      const item = child.type === 'array' && child.items?.properties ? child.items : undefined;
      const alias = child['x-alias-of'];
      const accepts = alias
        ? `the \`${alias}\` section`
        : child.properties
          ? 'section'
          : item
            ? 'list of entries'
            : typeOf(child);
      const def =
        child.default === undefined || child.properties ? '' : `\`${JSON.stringify(child.default)}\``;
      rows.push(`| \`${p}\` | ${cell(accepts)} | ${cell(def)} | ${cell(child.description)} |`);
      if (child.properties && !alias) walk(child, p);
      if (item) walk(item, `${p}[]`);
    }
  };
  walk(schema, '');
  return rows.join('\n');
}

/** Inputs every command shares, described once for all of them. */
const SHARED_INPUTS = {
  'config-file':
    'Path of the shipkit configuration, relative to the repository root. Default: .github/shipkit.yml.',
  'github-token':
    "Token for the GitHub API; masked in the log. Each command's own action says which permissions it needs.",
  'anthropic-api-key':
    "Anthropic API key (from a secret; masked in the log), for Claude's drafts and answers; every figure still comes from shipkit. Each command's own action says what it is used for.",
};

/** The umbrella action.yml: every command's inputs and outputs, chosen by the `command` input. */
function umbrellaAction() {
  const commands = commandActions().filter((c) => c.action.runs?.using?.startsWith('node'));
  const inputs = new Map();
  const outputs = new Map();
  const gather = (map, name, spec, command) => {
    const entry = map.get(name) ?? {
      description: spec?.description ?? '',
      commands: [],
      defaults: new Map(),
    };
    entry.commands.push(command);
    if (spec?.default !== undefined && spec.default !== '') entry.defaults.set(command, String(spec.default));
    map.set(name, entry);
  };
  for (const { name, action } of commands) {
    for (const [input, spec] of Object.entries(action.inputs ?? {})) gather(inputs, input, spec, name);
    for (const [output, spec] of Object.entries(action.outputs ?? {})) gather(outputs, output, spec, name);
  }
  const names = commands.map((c) => `\`${c.name}\``).join(', ');
  const used = (e) => (e.commands.length === commands.length ? '' : ` (${e.commands.join(', ')})`);
  const doc = {
    name: 'shipkit',
    description: 'One step for every shipkit command: choose it with the `command` input.',
    author: 'shipkit',
    branding: { icon: 'package', color: 'blue' },
    inputs: {
      command: {
        description: `The command to run: one of ${names}. Each also has its own action, actions/<command>.`,
        required: true,
      },
    },
    outputs: {},
    runs: { using: 'node24', main: 'dist/action.js' },
  };
  for (const [name, e] of [...inputs].sort(([a], [b]) => a.localeCompare(b))) {
    const values = [...new Set(e.defaults.values())];
    const expression =
      values.length === 1 && values[0].includes('${{') && e.defaults.size === e.commands.length;
    const spec = { description: SHARED_INPUTS[name] ?? `${e.description}${used(e)}`.trim(), required: false };
    if (expression) spec.default = values[0];
    else if (e.defaults.size > 0) {
      const list = [...e.defaults].map(([c, v]) => `\`${v}\` for ${c}`).join(', ');
      spec.description += ` Default: ${list}.`;
    }
    doc.inputs[name] = spec;
  }
  for (const [name, e] of [...outputs].sort(([a], [b]) => a.localeCompare(b))) {
    doc.outputs[name] = { description: `${e.description}${used(e)}`.trim() };
  }
  return `# Generated by npm run docs from actions/*/action.yml: edit those, not this file.\n${stringify(doc, { lineWidth: 0 })}`;
}

function replaceBetween(text, name, body) {
  const start = `<!-- ${name}:start (generated by npm run docs) -->`;
  const end = `<!-- ${name}:end -->`;
  const i = text.indexOf(start);
  const j = text.indexOf(end);
  if (i < 0 || j < i) throw new Error(`README.md has no ${start} … ${end} block`);
  return `${text.slice(0, i + start.length)}\n${body.trim()}\n${text.slice(j)}`;
}

const schemaText = `${execFileSync(process.execPath, [join(root, 'dist/cli.js'), 'config', 'schema'], { encoding: 'utf8' }).trim()}\n`;
const reportSchemaText = `${execFileSync(process.execPath, [join(root, 'dist/cli.js'), 'report', 'schema'], { encoding: 'utf8' }).trim()}\n`;
const readme = readFileSync(join(root, 'README.md'), 'utf8');
const umbrellaText = umbrellaAction();
let next = replaceBetween(readme, 'actions', actionsReference(parse(umbrellaText)));
next = replaceBetween(next, 'config', configReference(JSON.parse(schemaText)));

const targets = [
  ['action.yml', umbrellaText],
  ['schema/shipkit.schema.json', schemaText],
  ['schema/report.schema.json', reportSchemaText],
  ['README.md', next],
];
let stale = 0;
for (const [file, content] of targets) {
  let current = '';
  try {
    current = readFileSync(join(root, file), 'utf8');
  } catch {}
  if (current === content) continue;
  stale++;
  if (check) console.error(`${file} is out of date: run \`npm run build && npm run docs\`.`);
  else writeFileSync(join(root, file), content);
}
if (check && stale > 0) process.exit(1);
