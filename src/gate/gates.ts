import { coverageGateEntry } from './coverage-gate.js';
import { documentationGateEntry } from './documentation.js';
import { duplicationGateEntry } from './duplication.js';
import type { RegisteredGate } from './gate.js';
import { securityGateEntry } from './security/gate.js';

/**
 * Every gate `shipkit gate` runs, in the order of its results, summary and outputs. Adding a gate
 * is one module that calls `defineGate` and one line here.
 */
export const GATES: readonly RegisteredGate[] = [
  coverageGateEntry,
  duplicationGateEntry,
  securityGateEntry,
  documentationGateEntry,
];

/** The registered gate whose main result has this id (ids of saved outcomes are data: no lookup by key). */
export function gateWithId(id: string): RegisteredGate | undefined {
  return GATES.find((g) => g.id === id);
}
