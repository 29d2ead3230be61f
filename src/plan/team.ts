import type { TeamMemberInput } from '../config/sections/plan.js';
import { ShipkitError } from '../errors.js';
import type { Unit } from './backlog.js';
import { type Day, expandRange } from './calendar.js';

/** A member as the scheduler sees it: work per working day in the backlog's unit. */
export interface Member {
  name: string;
  /** Work a day, part-time factor applied, in the backlog's unit. */
  rate: number;
  skills: string[];
  timeOff: Set<Day>;
}

const CAPACITY =
  /^\s*(\d+(?:\.\d+)?|\.\d+)\s*(points?|pts?|p|hours?|hrs?|h)\s*(?:\/|\s+per\s+|\s+a\s+)\s*d(?:ay)?\s*$/i;

/** Reads the team, converting hour capacities to points (or back) with `hours_per_point`. */
export function resolveTeam(
  team: TeamMemberInput[],
  unit: Unit,
  hoursPerPoint: number | undefined,
  file: string,
): Member[] {
  const seen = new Set<string>();
  return team.map((m, i) => {
    const where = `team[${i}] (${m.name})`;
    if (seen.has(m.name.toLowerCase()))
      throw new ShipkitError(`${where}: ${m.name} is listed twice`, { location: { file } });
    seen.add(m.name.toLowerCase());
    let amount: number;
    let given: Unit;
    if (typeof m.capacity === 'number') {
      amount = m.capacity;
      given = unit;
    } else {
      const match = CAPACITY.exec(m.capacity);
      amount = Number(match?.[1]);
      given = /^h/i.test(match?.[2] ?? '') ? 'hours' : 'points';
    }
    if (given !== unit) {
      if (!hoursPerPoint) {
        throw new ShipkitError(
          `estimates in mixed units: ${where} has a capacity in ${given}, the backlog is estimated in ${unit}`,
          {
            location: { file },
            hint: 'Set `hours_per_point` (e.g. 4) so hours and points convert, or use one unit.',
          },
        );
      }
      amount = given === 'hours' ? amount / hoursPerPoint : amount * hoursPerPoint;
    }
    const share = typeof m.part_time === 'number' ? m.part_time : Number.parseFloat(m.part_time) / 100;
    if (!(share > 0 && share <= 1)) {
      throw new ShipkitError(`${where}: part_time must be more than 0% and at most 100%`, {
        location: { file },
      });
    }
    const timeOff = new Set(m.time_off.flatMap((r) => expandRange(r, `${where} time_off`)));
    return { name: m.name, rate: amount * share, skills: m.skills.map((s) => s.toLowerCase()), timeOff };
  });
}
