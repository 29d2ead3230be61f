import { describe, expect, it } from 'vitest';
import { apiTime, inclusiveEnd } from '../../src/github/report-section.js';
import { inWindow, isoWeekOf, lastFinishedWeek, resolveWindow, weekWindow } from '../../src/report/window.js';

const now = new Date('2026-12-06T20:00:00Z'); // a Sunday, in 2026-W49

describe('report window', () => {
  it('ISO weeks: Monday 00:00 UTC to the next Monday, years with 52 and 53 weeks', () => {
    expect(weekWindow('2026-W49')).toEqual({
      from: '2026-11-30T00:00:00Z',
      to: '2026-12-07T00:00:00Z',
      week: '2026-W49',
    });
    expect(weekWindow('2026-W01').from).toBe('2025-12-29T00:00:00Z');
    expect(weekWindow('2026-W53').from).toBe('2026-12-28T00:00:00Z'); // 2026 has 53 ISO weeks
    expect(weekWindow('2020-W53').to).toBe('2021-01-04T00:00:00Z');
    expect(() => weekWindow('2025-W53')).toThrow('--week "2025-W53" is not an ISO week');
    expect(() => weekWindow('2026-49')).toThrow('is not an ISO week');
    expect(isoWeekOf(new Date('2027-01-01T12:00:00Z'))).toBe('2026-W53');
    expect(isoWeekOf(new Date('2024-12-30T00:00:00Z'))).toBe('2025-W01');
    expect(isoWeekOf(new Date('2026-12-06T23:59:59Z'))).toBe('2026-W49');
    expect(isoWeekOf(new Date('2026-12-07T00:00:00Z'))).toBe('2026-W50');
  });

  it('every day of a year is in the week its window says', () => {
    for (
      let t = Date.parse('2020-12-20T00:00:00Z');
      t < Date.parse('2027-01-10T00:00:00Z');
      t += 86_400_000 / 3
    ) {
      const w = weekWindow(isoWeekOf(new Date(t)));
      expect(Date.parse(w.from) <= t && t < Date.parse(w.to)).toBe(true);
    }
  });

  it('by default the ISO week that ended most recently, not the one in progress', () => {
    expect(lastFinishedWeek(now).week).toBe('2026-W48');
    expect(lastFinishedWeek(new Date('2026-12-07T00:00:00Z')).week).toBe('2026-W49');
    expect(resolveWindow({}, now)).toEqual(weekWindow('2026-W48'));
  });

  it('--from/--to: dates with --to included, or times', () => {
    expect(resolveWindow({ from: '2026-11-01', to: '2026-11-30' }, now)).toEqual({
      from: '2026-11-01T00:00:00Z',
      to: '2026-12-01T00:00:00Z',
    });
    expect(resolveWindow({ from: '2026-11-01T12:00:00Z', to: '2026-11-02T00:00:00+01:00' }, now).to).toBe(
      '2026-11-01T23:00:00Z',
    );
    expect(() => resolveWindow({ from: '2026-11-31', to: '2026-12-01' }, now)).toThrow('not a calendar date');
    expect(() => resolveWindow({ from: '2026-11-05', to: '2026-11-01' }, now)).toThrow('is not after --from');
    expect(() => resolveWindow({ from: '2026-11-05' }, now)).toThrow('--to is missing');
    expect(() => resolveWindow({ week: '2026-W40', from: '2026-11-05' }, now)).toThrow('cannot be combined');
    expect(() => resolveWindow({ from: 'yesterday', to: '2026-11-05' }, now)).toThrow(
      '--from "yesterday" is not a date',
    );
  });

  it('a time with a fraction of a second starts or ends the window at the next whole second, for git and the API alike', () => {
    const from = '2026-11-30T10:00:00.500Z';
    const to = '2026-12-01T10:00:00.0001+00:00';
    const w = resolveWindow({ from, to }, now);
    expect(w).toEqual({ from: '2026-11-30T10:00:01Z', to: '2026-12-01T10:00:01Z' });
    expect(resolveWindow({ from: '2026-11-30T10:00:00.000Z', to: '2026-12-01T10:00Z' }, now).from).toBe(
      '2026-11-30T10:00:00Z',
    );
    // git and GitHub record whole seconds. Around either end as given, a commit at each whole
    // second is in the window for the git reader (inWindow) exactly when the API reader's range
    // takes it: `since` apiTime(from), `until` inclusiveEnd(to), both inclusive.
    const since = Date.parse(apiTime(w.from));
    const until = Date.parse(inclusiveEnd(w.to));
    for (const edge of [from, to]) {
      const second = Math.floor(Date.parse(edge) / 1000) * 1000;
      for (let s = -2; s <= 2; s++) {
        const t = second + s * 1000;
        expect(inWindow(w, t), new Date(t).toISOString()).toBe(t >= since && t <= until);
      }
    }
    // The API reader's range: what it asks GitHub for.
    expect([apiTime(w.from), inclusiveEnd(w.to)]).toEqual(['2026-11-30T10:00:01Z', '2026-12-01T10:00:00Z']);
  });

  it('a window within one second is refused as such, not as --to before --from', () => {
    expect(() =>
      resolveWindow({ from: '2026-11-30T10:00:00.200Z', to: '2026-11-30T10:00:00.700Z' }, now),
    ).toThrow(
      '--from 2026-11-30T10:00:00.200Z and --to 2026-11-30T10:00:00.700Z fall within one second (both move to 2026-11-30T10:00:01Z)',
    );
    expect(() =>
      resolveWindow({ from: '2026-11-30T10:00:01Z', to: '2026-11-30T10:00:00.500Z' }, now),
    ).toThrow('is not after --from');
  });

  it('a window that has not ended is refused in one line', () => {
    expect(() => resolveWindow({ week: '2026-W49' }, now)).toThrow(
      'the window 2026-W49 has not ended yet (it ends 2026-12-07T00:00:00Z)',
    );
    expect(() => resolveWindow({ week: '2027-W10' }, now)).toThrow('has not ended yet');
    expect(() => resolveWindow({ from: '2026-12-01', to: '2026-12-06' }, now)).toThrow('has not ended yet');
    expect(resolveWindow({ from: '2026-12-01', to: '2026-12-05' }, now).to).toBe('2026-12-06T00:00:00Z');
  });
});
