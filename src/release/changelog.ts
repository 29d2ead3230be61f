/** CHANGELOG.md: a new section goes on top, once. */

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Whether the changelog already has a section for `version` (`## 1.2.0`, `## [v1.2.0](…)`, `# pkg@1.2.0`). */
export function hasVersion(changelog: string, version: string): boolean {
  const v = escapeRegExp(version);
  return new RegExp(`^#{1,3}[ \\t]+\\[?[^\\s\\]\\d]*${v}(?![\\w.+-])`, 'm').test(changelog);
}

/**
 * Inserts `section` above the newest release section, below the title and any introduction.
 * A changelog that already has the version is returned unchanged, so a re-run changes nothing.
 */
export function insertSection(changelog: string, version: string, section: string): string {
  if (hasVersion(changelog, version)) return changelog;
  const body = `${section.trim()}\n`;
  if (changelog.trim() === '') return `# Changelog\n\n${body}`;
  const first = /^#{2,3}[ \t]+\S/m.exec(changelog);
  if (!first) return `${changelog.trimEnd()}\n\n${body}`;
  const before = changelog.slice(0, first.index);
  return `${before}${body}\n${changelog.slice(first.index)}`;
}
