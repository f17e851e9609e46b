// The statement a town starts with (its editors change it on /bo/barrierefreiheit), and the gaps as editors type them.
import type { AccessibilityStatement } from '../../platform/db/tables.js';

export const DEFAULT_STATEMENT: AccessibilityStatement = {
  status: 'partial',
  gaps: [
    {
      content: 'Bescheide und Eingangsbestätigungen als PDF',
      reason: 'Die PDF-Dateien sind noch nicht vollständig getaggt (PDF/UA).',
      alternative: 'Der Inhalt steht zusätzlich als Text im Postfach; auf Wunsch senden wir ihn in einer anderen Form.',
    },
    {
      content: 'Die interaktive Karte (Zoomen und Verschieben)',
      reason: 'Kartenkacheln lassen sich nicht vollständig mit Screenreadern erschließen.',
      alternative: 'Jede Karte hat eine Liste mit denselben Orten; Orte lassen sich auch als Adresse eingeben.',
    },
  ],
  evaluatedOn: '2026-11-30',
  method:
    'Selbstbewertung: jede Seite wird bei jeder Änderung automatisch mit axe-core (WCAG 2.1 AA) geprüft, dazu Prüfung der Hauptabläufe mit Tastatur und Screenreader (NVDA) und bei 320 px Breite.',
  unit: 'FD 1.3',
  enforcement:
    'Wenn Sie auf Ihre Rückmeldung keine zufriedenstellende Antwort erhalten, können Sie sich an die Ombudsstelle für barrierefreie Informationstechnik des Landes Nordrhein-Westfalen bei der Beauftragten der Landesregierung für Menschen mit Behinderung wenden. Das Schlichtungsverfahren ist kostenlos; Sie brauchen keinen Rechtsbeistand.',
};

/** "Inhalt | Grund | Alternative" per line into gaps; the line numbers of lines that are not three parts. */
export function parseGaps(text: string): { gaps: AccessibilityStatement['gaps']; bad: number[] } {
  const gaps: AccessibilityStatement['gaps'] = [];
  const bad: number[] = [];
  text.split('\n').forEach((line, index) => {
    if (!line.trim()) return;
    const parts = line.split('|').map((part) => part.trim());
    if (parts.length !== 3 || parts.some((part) => !part)) bad.push(index + 1);
    else gaps.push({ content: parts[0]!.slice(0, 300), reason: parts[1]!.slice(0, 500), alternative: parts[2]!.slice(0, 500) });
  });
  return { gaps, bad };
}

export const gapsAsText = (gaps: AccessibilityStatement['gaps']) =>
  gaps.map((gap) => `${gap.content} | ${gap.reason} | ${gap.alternative}`).join('\n');
