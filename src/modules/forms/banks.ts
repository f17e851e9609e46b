// Bank lookup for German IBANs: the Bankleitzahl (IBAN characters 5–12) names the bank and its BIC. A small
// directory of banks common in the Rhein-Sieg area; unknown codes simply show no bank (the IBAN checksum
// still applies). The full Bundesbank directory can replace this list without changing callers.
const banks: Record<string, { name: string; bic: string }> = {
  '37050299': { name: 'Kreissparkasse Köln', bic: 'COKSDE33XXX' },
  '37050198': { name: 'Sparkasse KölnBonn', bic: 'COLSDE33XXX' },
  '38160220': { name: 'VR-Bank Bonn Rhein-Sieg', bic: 'GENODED1HBO' },
  '37069520': { name: 'VR-Bank Rhein-Sieg', bic: 'GENODED1RST' },
  '37040044': { name: 'Commerzbank Köln', bic: 'COBADEFFXXX' },
  '37070060': { name: 'Deutsche Bank Köln', bic: 'DEUTDEDKXXX' },
  '37010050': { name: 'Postbank Köln', bic: 'PBNKDEFFXXX' },
  '50010517': { name: 'ING-DiBa', bic: 'INGDDEFFXXX' },
  '12030000': { name: 'Deutsche Kreditbank Berlin', bic: 'BYLADEM1001' },
  '43060967': { name: 'GLS Gemeinschaftsbank', bic: 'GENODEM1GLS' },
  '10011001': { name: 'N26 Bank', bic: 'NTSBDEB1XXX' },
};

export function bankOf(iban: string): { name: string; bic: string } | undefined {
  const compact = iban.replace(/\s/g, '').toUpperCase();
  return compact.startsWith('DE') && compact.length === 22 ? banks[compact.slice(4, 12)] : undefined;
}

/** "DE89 3704 0044 0532 0130 00": the IBAN in groups of four, as printed on cards and statements. */
export function groupedIban(iban: string): string {
  return iban
    .replace(/\s/g, '')
    .replace(/(.{4})/g, '$1 ')
    .trim();
}
