import { readMarker, readMilestoneDates, TRACKING_KEY } from '../plan/sync.js';
import type { NotAvailable } from '../report/snapshot.js';
import type { GitHub } from './client.js';
import { pointsOf } from './plan-issues.js';
import { pagesOf, type ReportRepo, readSection } from './report-section.js';

interface ListedIssue {
  state: string;
  body?: string | null;
  pull_request?: unknown;
  labels: (string | { name?: string | null })[];
}

const SPRINT = /^Sprint (\d+)$/;

interface ListedMilestone {
  number: number;
  title: string;
  description: string | null;
  created_at: string;
  due_on: string | null;
}

/** The `Sprint N` milestone (kept by `shipkit plan --sync`) whose dates hold the window's last day. */
export function sprintOf(milestones: ListedMilestone[], lastDay: string): ListedMilestone | undefined {
  const dated = milestones.flatMap((m) => {
    if (!SPRINT.test(m.title)) return [];
    const d = readMilestoneDates(m.description) ?? {
      start: m.created_at.slice(0, 10),
      end: (m.due_on ?? '9999-12-31').slice(0, 10),
    };
    return [{ m, ...d }];
  });
  const current = dated.filter((d) => d.start <= lastDay && lastDay <= d.end);
  // Overlapping sprints: the one that started last.
  return current.sort((a, b) => (a.start < b.start ? 1 : a.start > b.start ? -1 : 0))[0]?.m;
}

/**
 * Issues and points closed against the sprint milestone that holds the window's last day: one
 * call for the milestones, one per 100 of its issues (points from the `points:` labels).
 */
export function readVelocity(gh: GitHub, ref: ReportRepo, window: { to: string }, pointsPrefix: string) {
  const endpoint = `GET /repos/${ref.owner}/${ref.repo}/milestones`;
  return readSection(
    endpoint,
    async () => {
      const { data: milestones } = await gh.rest.issues.listMilestones({
        ...ref,
        state: 'all',
        sort: 'due_on',
        direction: 'desc',
        per_page: 100,
      });
      const lastDay = new Date(Date.parse(window.to) - 1000).toISOString().slice(0, 10);
      const sprint = sprintOf(milestones, lastDay);
      if (!sprint) {
        const na: NotAvailable = {
          status: 'n/a',
          reason: `no \`Sprint N\` milestone holds ${lastDay} (\`shipkit plan\` with \`sync: true\` keeps one per sprint)`,
        };
        return na;
      }
      const number = Number(SPRINT.exec(sprint.title)?.[1]);
      const first = () =>
        gh.rest.issues.listForRepo({ ...ref, milestone: String(sprint.number), state: 'all', per_page: 100 });
      const issues: ListedIssue[] = [];
      for await (const data of pagesOf<ListedIssue>(gh, first)) issues.push(...data);
      const own = issues.filter((i) => !i.pull_request && readMarker(i.body, number) !== TRACKING_KEY);
      const closed = own.filter((i) => i.state === 'closed');
      const points = (list: ListedIssue[]) => list.reduce((s, i) => s + pointsOf(i.labels, pointsPrefix), 0);
      const total = points(own);
      return {
        milestone: sprint.title,
        closedIssues: closed.length,
        openIssues: own.length - closed.length,
        ...(total > 0 ? { pointsClosed: points(closed), pointsTotal: total } : {}),
        source: `GET /repos/${ref.owner}/${ref.repo}/issues?milestone=${sprint.number}`,
      };
    },
    'give the workflow `permissions: issues: read`',
  );
}
