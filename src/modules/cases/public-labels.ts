// The public face of each case state: what the citizen reads about their application (honest, not internal).
import type { Lang } from '../../platform/i18n/index.js';
import type { CaseState } from './workflow.js';

const labels: Record<Lang, Record<CaseState, string>> = {
  de: { received: 'Eingegangen', in_progress: 'In Bearbeitung', waiting: 'Wir warten auf Ihre Rückmeldung', decided: 'Entschieden – der Bescheid liegt in Ihrem Postfach', closed: 'Abgeschlossen', rejected: 'Abgelehnt', withdrawn: 'Zurückgezogen' },
  en: { received: 'Received', in_progress: 'Being processed', waiting: 'We are waiting for your reply', decided: 'Decided – the notice is in your mailbox', closed: 'Closed', rejected: 'Rejected', withdrawn: 'Withdrawn' },
};

export function publicStateLabel(lang: Lang, state: CaseState): string {
  return labels[lang][state];
}
