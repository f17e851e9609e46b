// The workflow of a report in the back office, with the honest public meaning of each state: fixed means fixed;
// closing without a fix, "not our responsibility" (naming who is) and "duplicate" need a public answer. Every
// public change informs the reporter; the reporter's reopening brings the case back to processing.
import { workflowSchema } from '../cases/index.js';

const answer = { name: 'answer', label: { de: 'Öffentliche Antwort an die Meldenden', en: 'Public answer to the reporter' } };

export const REPORT_WORKFLOW = workflowSchema.parse({
  states: [
    { id: 'new', phase: 'received', label: { de: 'Neu', en: 'New' }, public: { de: 'neu', en: 'new' } },
    {
      id: 'in_progress',
      phase: 'open',
      label: { de: 'In Bearbeitung', en: 'In progress' },
      public: { de: 'in Bearbeitung', en: 'in progress' },
      onEnter: ['informCitizen'],
    },
    {
      id: 'fixed',
      phase: 'closed',
      label: { de: 'Erledigt (behoben)', en: 'Fixed' },
      public: { de: 'erledigt', en: 'fixed' },
      onEnter: ['informCitizen'],
    },
    {
      id: 'closed',
      phase: 'closed',
      label: { de: 'Geschlossen ohne Behebung', en: 'Closed without fix' },
      public: { de: 'geschlossen ohne Behebung', en: 'closed without fix' },
      onEnter: ['informCitizen'],
    },
    {
      id: 'not_responsible',
      phase: 'closed',
      label: { de: 'Nicht zuständig (weitergeleitet)', en: 'Not responsible (forwarded)' },
      public: { de: 'nicht zuständig', en: 'not our responsibility' },
      onEnter: ['informCitizen'],
    },
    {
      id: 'duplicate',
      phase: 'closed',
      label: { de: 'Doppelt', en: 'Duplicate' },
      public: { de: 'doppelt', en: 'duplicate' },
      onEnter: ['informCitizen'],
    },
  ],
  transitions: [
    { from: ['new'], to: 'in_progress', label: { de: 'In Bearbeitung nehmen', en: 'Start processing' } },
    { from: ['new', 'in_progress'], to: 'fixed', label: { de: 'Als behoben melden', en: 'Report as fixed' }, requires: [answer] },
    { from: ['new', 'in_progress'], to: 'closed', label: { de: 'Ohne Behebung schließen', en: 'Close without fix' }, requires: [answer] },
    {
      from: ['new', 'in_progress'],
      to: 'not_responsible',
      label: { de: 'Nicht zuständig – weiterleiten', en: 'Not responsible – forward' },
      requires: [
        {
          name: 'answer',
          label: {
            de: 'Zuständige Stelle und Antwort, z. B. „Landesstraße: Straßen.NRW, Regionalniederlassung Rhein-Berg“',
            en: 'Responsible body and answer',
          },
        },
      ],
    },
    {
      from: ['new', 'in_progress'],
      to: 'duplicate',
      label: { de: 'Als doppelt zusammenführen', en: 'Merge as duplicate' },
      requires: [{ name: 'original', label: { de: 'Nummer der ursprünglichen Meldung', en: 'Number of the original report' } }],
    },
    { from: ['fixed', 'closed'], to: 'in_progress', label: { de: 'Wieder öffnen', en: 'Reopen' } },
  ],
  automatic: { reply: ['in_progress'] },
});
