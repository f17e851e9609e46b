// Runs the test files with node's test runner: unit and HTTP tests by default, browser journeys with `e2e`.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const e2e = process.argv[2] === 'e2e';
const roots = e2e ? ['test/e2e'] : ['src', 'test'];

function find(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return !e2e && path === join('test', 'e2e') ? [] : find(path);
    return /\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

const files = roots.flatMap(find).sort();
const result = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-concurrency=2', ...files], { stdio: 'inherit' });
process.exit(result.status ?? 1);
