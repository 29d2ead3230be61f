import { join } from 'node:path';
import { loadConfig } from '../config/load.js';
import { localGit } from '../process/git.js';
import { prepareRelease } from '../release/prepare.js';
import { versionOfTag } from '../release/tags.js';
import { writeUpdates } from '../release/version-files.js';
import { jsonForLog } from '../render/log.js';
import { type CliIO, commandOptions, optionString, parseCommandLine, UsageError } from './args.js';

const HELP = `Usage:
  shipkit release notes [--from <tag>] [--to <ref>] [--path <dir>] [--tag-prefix P] [--json] [--config FILE]
      Release notes for the commits between two refs. --to defaults to HEAD; a --to that is not a
      release tag is an unreleased version, numbered from the previous tag and the bump the commits
      require. --from defaults to the previous release tag by semver order within the prefix.
      A tag smaller than its commits require (a breaking change tagged as a patch) prints the notes
      with a warning on stderr; the release pipeline refuses it unless release.allow_smaller_bump.
  shipkit release changelog [--tag <tag>] [--path <dir>] [--tag-prefix P] [--write] [--config FILE]
      Shows the CHANGELOG.md section and version-file changes a release would make (a dry run);
      --write writes them.
  shipkit release changelog --full [--write]
      The whole CHANGELOG.md rebuilt from every release tag of the prefix (one git log).

Reads .github/shipkit.yml (section \`release\`) for headings, hidden types, 0.x rules and version files.
Runs on the local git repository: no GitHub token needed (PR numbers come from the subjects).`;

const OPTIONS = commandOptions(
  ['from', 'to', 'tag', 'path', 'tag-prefix', 'config'],
  ['json', 'write', 'full'],
);

export async function run(args: string[], io: CliIO): Promise<number> {
  const [verb, ...rest] = args;
  if (verb === undefined || verb === '--help' || verb === '-h' || verb === 'help') {
    io.out(HELP);
    return verb === undefined ? 2 : 0;
  }
  if (verb !== 'notes' && verb !== 'changelog') {
    throw new UsageError(`unknown release command "${verb}"`, { hint: 'Run `shipkit release --help`.' });
  }
  const { values } = parseCommandLine(rest, OPTIONS, `shipkit release ${verb}`);
  if (values.help) {
    io.out(HELP);
    return 0;
  }
  const str = (name: string) => optionString(values, name);
  const cwd = process.cwd();
  const { config: all } = await loadConfig(str('config'), cwd);
  const config = all.release;
  const prefix = str('tag-prefix') ?? config.tag_prefix;
  if (verb === 'changelog' && values.full) {
    const { fullChangelog } = await import('../release/full-changelog.js');
    const text = await fullChangelog({ cwd, git: localGit(cwd), config, prefix, path: str('path') });
    if (!values.write) io.out(text);
    else {
      const { writeFileAtomic } = await import('../fs/atomic.js');
      await writeFileAtomic(join(cwd, config.changelog), text);
      io.out(`wrote ${config.changelog}`);
    }
    return 0;
  }
  const to = str(verb === 'notes' ? 'to' : 'tag') ?? 'HEAD';
  const unreleased = versionOfTag(to, prefix) === undefined;
  const prepared = await prepareRelease({
    cwd,
    git: localGit(cwd),
    tag: to,
    to,
    from: str('from'),
    path: str('path'),
    prefix,
    unreleased,
    config,
    smallerBump: verb === 'notes' ? 'warn' : 'refuse',
    warn: (m) => io.err(`warning: ${m}`),
  });
  if (verb === 'notes') {
    if (values.json) {
      const { notesJson } = await import('../release/notes.js');
      io.out(jsonForLog(notesJson(prepared.notes)));
    } else io.out(prepared.markdown);
    return 0;
  }
  if (prepared.updates.length === 0) {
    io.out(
      `${config.changelog} and the version files already hold ${prepared.notes.version}: nothing to do.`,
    );
    return 0;
  }
  for (const u of prepared.updates) io.out(`${values.write ? 'wrote' : 'would write'} ${u.path}`);
  if (values.write) await writeUpdates(cwd, prepared.updates);
  else io.out(`\n${prepared.markdown}\n(dry run: --write writes these files)`);
  return 0;
}
