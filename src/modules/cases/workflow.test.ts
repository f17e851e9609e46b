// Workflow definitions are checked when a service definition loads: a mistake names what is wrong.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_WORKFLOW, findTransition, mayPerform, workflowSchema, type WorkflowInput } from './workflow.js';

const text = (de: string) => ({ de, en: de });
const valid: WorkflowInput = {
  states: [
    { id: 'received', phase: 'received', label: text('Eingegangen'), public: text('Eingegangen') },
    { id: 'approval', phase: 'open', label: text('Zur Freigabe'), public: null },
    { id: 'approved', phase: 'decided', label: text('Genehmigt'), public: text('Genehmigt'), onEnter: ['notice'] },
  ],
  transitions: [
    { from: ['received'], to: 'approval', label: text('Vorlegen') },
    { from: ['approval'], to: 'approved', label: text('Genehmigen'), roles: ['unit_lead'] },
  ],
};

describe('case workflows', () => {
  it('a well-formed workflow loads; only the named roles may take a restricted step', () => {
    const workflow = workflowSchema.parse(valid);
    const approve = findTransition(workflow, 'approval', 'approved')!;
    assert.equal(mayPerform(approve, new Set(['clerk'])), false);
    assert.equal(mayPerform(approve, new Set(['unit_lead'])), true);
    assert.equal(findTransition(workflow, 'received', 'approved'), undefined);
  });

  it('a transition to an unknown state, a duplicate state or two initial states are refused with the reason', () => {
    const unknown = workflowSchema.safeParse({ ...valid, transitions: [{ from: ['received'], to: 'done', label: text('Fertig') }] });
    assert.match(JSON.stringify(unknown.error?.issues), /unknown state \\"done\\"/);
    const twice = workflowSchema.safeParse({ ...valid, states: [...valid.states, valid.states[0]!] });
    assert.match(JSON.stringify(twice.error?.issues), /state ids must be unique/);
    const initial = workflowSchema.safeParse({
      ...valid,
      states: [...valid.states, { id: 'again', phase: 'received', label: text('Nochmal'), public: null }],
    });
    assert.match(JSON.stringify(initial.error?.issues), /exactly one state must have the phase/);
  });

  it('the default workflow asks for a reason to reject and informs the citizen of a rejection', () => {
    assert.deepEqual(
      findTransition(DEFAULT_WORKFLOW, 'in_progress', 'rejected')!.requires.map((field) => field.name),
      ['reason'],
    );
    assert.deepEqual(DEFAULT_WORKFLOW.states.find((state) => state.id === 'rejected')!.onEnter, ['informCitizen']);
  });
});
