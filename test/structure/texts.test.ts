// Everything a person reads comes from a texts.ts (German and English side by side), never from a string written
// into the rules: a service that sends a mail, writes a history entry or explains a refusal takes its words from
// its module's texts. This walks the services, repositories, jobs and case steps of every module and fails on a
// string literal in German.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const MODULES = new URL('../../src/modules/', import.meta.url).pathname;
const RULE_FILES = /(^|\/)(service|repo|workflow|case-steps|[a-z-]+-job)\.ts$/;
const GERMAN = /[äöüÄÖÜß]|\b(der|die|das|und|Ihr|Ihre|Sie|bitte|nicht|wurde|ist|Antrag|Meldung|Bescheid)\b/;

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? (entry.name === 'migrations' ? [] : files(path)) : [path];
  });
}

/** The string and template literals of a file, without comments (a rough scanner that is enough for our code).
 * The German half of a `{ de: …, en: … }` pair (a workflow's state names) is bilingual data, not a literal. */
function literals(source: string): string[] {
  const found: string[] = [];
  const pattern = /\/\/[^\n]*|\/\*[\s\S]*?\*\/|'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"|`(?:[^`\\]|\\.)*`/g;
  for (const match of source.matchAll(pattern)) {
    const bilingual = /\bde:\s*$/.test(source.slice(Math.max(0, match.index - 10), match.index));
    if (!match[0].startsWith('/') && !bilingual) found.push(match[0]);
  }
  return found;
}

describe('texts live in texts.ts', () => {
  const checked = files(MODULES).filter((path) => RULE_FILES.test(path));

  it('the scan finds the rule files of the modules', () => {
    assert.ok(checked.length >= 20, `${checked.length} files`);
    assert.ok(literals("const a = 'Der Antrag'; // Die Meldung\nconst b = `x`;").includes("'Der Antrag'"));
    assert.deepEqual(literals('/* Die Meldung */ const c = 1;'), []);
    assert.deepEqual(literals("label: { de: 'Wartet', en: 'Waiting' }"), ["'Waiting'"]);
  });

  it('no service, repository, job or case step writes German text itself', () => {
    const offenders = checked.flatMap((path) =>
      literals(readFileSync(path, 'utf8'))
        .filter((literal) => GERMAN.test(literal.replace(/\$\{[^}]*\}/g, '')))
        .map((literal) => `${path.slice(MODULES.length)}: ${literal.slice(0, 80)}`),
    );
    assert.deepEqual(offenders, []);
  });
});
