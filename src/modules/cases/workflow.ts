// The default workflow of a case: its states, what the citizen sees for each (an honest public label), and the
// transitions clerks may make, with the fields a transition requires.
export const CASE_STATES = ['received', 'in_progress', 'waiting', 'decided', 'closed', 'rejected', 'withdrawn'] as const;
export type CaseState = (typeof CASE_STATES)[number];

export const OPEN_STATES: readonly CaseState[] = ['received', 'in_progress', 'waiting'];
export const isOpen = (state: CaseState) => OPEN_STATES.includes(state);

export type Transition = { from: readonly CaseState[]; to: CaseState; requires?: 'reason' };

export const TRANSITIONS: readonly Transition[] = [
  { from: ['received', 'waiting'], to: 'in_progress' },
  { from: ['in_progress'], to: 'waiting' },
  { from: ['in_progress'], to: 'decided' },
  { from: ['decided'], to: 'closed' },
  { from: ['received', 'in_progress', 'waiting'], to: 'rejected', requires: 'reason' },
  { from: ['received', 'in_progress', 'waiting'], to: 'withdrawn', requires: 'reason' },
];

export function transitionsFrom(state: CaseState): Transition[] {
  return TRANSITIONS.filter((transition) => transition.from.includes(state));
}

export function findTransition(from: CaseState, to: CaseState): Transition | undefined {
  return TRANSITIONS.find((transition) => transition.from.includes(from) && transition.to === to);
}
