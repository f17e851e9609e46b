// Texts of the hand-over to specialist software, German and English.
import { messages } from '../../platform/i18n/index.js';

const de = {
  'alert.subject': 'Übergabe an {consumer} scheitert',
  'alert.body':
    'Die Übergabe des Antrags {submission} an {consumer} ist {attempts}-mal gescheitert ({error}). Rathaus versucht es weiter; bitte prüfen Sie den Empfänger.',
  title: 'Schnittstellen zu Fachverfahren',
  intro:
    'Anträge werden als FIT-Connect-artiges Paket übergeben: abrufen über /api/handover/v1/submissions (Schlüssel im Header Authorization: Bearer …) oder als Push an eine Adresse. Beschreibung: /api/openapi.json.',
  created: 'Neuer Schlüssel (nur jetzt sichtbar): {key}',
  createdSecret: ' · Push-Signaturgeheimnis: {secret}',
  name: 'Name des Fachverfahrens',
  services: 'Dienste (Kennungen, durch Komma getrennt)',
  pushUrl: 'Push-Adresse (https, freiwillig)',
  dropFolder: 'Ablageordner für Altverfahren (freiwillig, z. B. vois-wahlen)',
  dropFolderHint: 'Pakete erscheinen als Verzeichnis unter {dir}/<Ordner>; ist es abgeholt (gelöscht), gilt es als bestätigt.',
  create: 'Anlegen',
  'error.name': 'Bitte geben Sie einen Namen an.',
  'error.services': 'Bitte nennen Sie Dienste mit ihrer Kennung, z. B. hundeanmeldung.',
  'error.pushUrl': 'Bitte eine http(s)-Adresse.',
  'error.dropFolder': 'Bitte nur Kleinbuchstaben, Ziffern und Bindestriche (ein Ordnername, kein Pfad).',
};

const en: typeof de = {
  'alert.subject': 'Hand-over to {consumer} is failing',
  'alert.body':
    'Handing application {submission} over to {consumer} has failed {attempts} times ({error}). Rathaus keeps trying; please check the recipient.',
  title: 'Interfaces to specialist software',
  intro:
    'Applications are handed over as FIT-Connect-style packages: pulled at /api/handover/v1/submissions (key in the Authorization: Bearer … header) or pushed to an endpoint. Description: /api/openapi.json.',
  created: 'New key (shown only now): {key}',
  createdSecret: ' · push signing secret: {secret}',
  name: 'Name of the specialist software',
  services: 'Services (identifiers, comma-separated)',
  pushUrl: 'Push endpoint (https, optional)',
  dropFolder: 'Drop folder for legacy systems (optional, e.g. vois-wahlen)',
  dropFolderHint: 'Packages appear as a directory below {dir}/<folder>; once collected (removed), it counts as acknowledged.',
  create: 'Create',
  'error.name': 'Please give a name.',
  'error.services': 'Please name services by identifier, e.g. hundeanmeldung.',
  'error.pushUrl': 'Please give an http(s) address.',
  'error.dropFolder': 'Please use lower-case letters, digits and hyphens only (a folder name, not a path).',
};

export const handoverText = messages({ de, en });
