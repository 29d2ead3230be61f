import type { Change, Person } from './conventional.js';

/** How changes are grouped into the notes (`sections`, `hidden`, `other_heading` in shipkit.yml). */
export interface SectionRules {
  /** type → heading, in display order. Several types may share a heading. */
  sections: Record<string, string>;
  hidden: string[];
  otherHeading: string;
}

export interface Section {
  title: string;
  changes: Change[];
}

export interface GroupedChanges {
  /** Breaking changes, shown first (also those of hidden types). */
  breaking: Change[];
  sections: Section[];
}

/** Groups changes by heading in the configured order; untyped and unknown types go under Other. */
export function groupChanges(changes: Change[], rules: SectionRules): GroupedChanges {
  const hidden = new Set(rules.hidden);
  const byTitle = new Map<string, Change[]>();
  for (const title of Object.values(rules.sections)) byTitle.set(title, []);
  const other: Change[] = [];
  const breaking: Change[] = [];
  for (const c of changes) {
    if (c.breaking) breaking.push(c);
    if (c.type !== undefined && hidden.has(c.type)) continue;
    const title = c.type === undefined ? undefined : rules.sections[c.type];
    if (title === undefined) other.push(c);
    else byTitle.get(title)?.push(c);
  }
  const sections: Section[] = [];
  for (const [title, list] of byTitle) if (list.length > 0) sections.push({ title, changes: list });
  if (other.length > 0) sections.push({ title: rules.otherHeading, changes: other });
  return { breaking, sections };
}

/** A contributor: a name, a login when GitHub knows it, and whether this is their first release. */
export interface Contributor {
  name: string;
  email: string;
  login: string | undefined;
  firstTime: boolean;
}

/**
 * Authors and co-authors of the changes, in order of first appearance; `firstTime` when the email
 * (or login) was never seen in the history before the previous tag (`earlier`).
 */
export function contributors(
  changes: Change[],
  earlier: ReadonlySet<string>,
  logins: ReadonlyMap<string, string> = new Map(),
): Contributor[] {
  const seen = new Map<string, Contributor>();
  const add = (p: Person) => {
    const key = p.email.toLowerCase();
    if (!key || seen.has(key) || (/\[bot\]@|noreply@github\.com$/.test(key) && /\[bot\]/.test(p.name)))
      return;
    seen.set(key, { name: p.name, email: p.email, login: logins.get(key), firstTime: !earlier.has(key) });
  };
  for (const c of changes) {
    add(c.author);
    for (const p of c.coAuthors) add(p);
  }
  return [...seen.values()];
}
