// Where the migrations live: the platform's own folder and each module's `migrations/` folder.
import { fileURLToPath } from 'node:url';
import type { Module } from '../module.js';
import { findMigrations } from './migrate.js';

export function allMigrations(modules: Module[]) {
  const platformDir = fileURLToPath(new URL('./migrations/', import.meta.url));
  return findMigrations([platformDir, ...modules.flatMap((m) => (m.migrationsDir ? [m.migrationsDir] : []))]);
}
