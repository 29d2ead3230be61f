import { pathMatcher } from '../glob.js';
import type { Finding } from './finding.js';

export interface AllowEntry {
  id: string;
  path?: string;
  expires: string;
  reason?: string;
}

export interface AllowlistOutcome {
  /** Findings left after the allowlist, some with fewer paths. */
  findings: Finding[];
  suppressed: { finding: Finding; entry: AllowEntry }[];
  /** Entries past their date: they suppress nothing and are reported. */
  expired: AllowEntry[];
  /** Entries in force that matched nothing. */
  unused: AllowEntry[];
}

const norm = (s: string) => s.trim().toLowerCase();

function matchesId(entry: AllowEntry, f: Finding): boolean {
  const id = norm(entry.id);
  return [f.id, ...f.aliases].some((name) => {
    const n = norm(name);
    return n === id || n.endsWith(`/${id}`);
  });
}

/** A path entry matches a package name, a dependency path (`a>b`) or a file path, as a glob. */
function pathMatches(entry: string, path: string, pkg: string | undefined): boolean {
  if (entry === pkg || entry === path) return true;
  if (path.split('>').at(-1) === entry && !entry.includes('>')) return true;
  return pathMatcher([entry])(path);
}

/**
 * Applies the allowlist on `today` (YYYY-MM-DD): an entry in force suppresses its advisory, or
 * only the paths it names; an entry whose `expires` date has passed suppresses nothing.
 */
export function applyAllowlist(
  findings: readonly Finding[],
  entries: readonly AllowEntry[],
  today: string,
): AllowlistOutcome {
  const expired = entries.filter((e) => e.expires < today);
  const active = entries.filter((e) => e.expires >= today);
  const used = new Set<AllowEntry>();
  const kept: Finding[] = [];
  const suppressed: AllowlistOutcome['suppressed'] = [];
  for (const finding of findings) {
    let paths = finding.paths;
    let by: AllowEntry | undefined;
    for (const entry of active) {
      if (!matchesId(entry, finding)) continue;
      const { path } = entry;
      const before = paths.length;
      paths = path === undefined ? [] : paths.filter((p) => !pathMatches(path, p, finding.package));
      if (paths.length < before || (path === undefined && before === 0)) {
        used.add(entry);
        by = entry;
      }
      if (path === undefined) break;
    }
    if (by && paths.length === 0) suppressed.push({ finding, entry: by });
    else kept.push(paths === finding.paths ? finding : { ...finding, paths });
  }
  return { findings: kept, suppressed, expired, unused: active.filter((e) => !used.has(e)) };
}
