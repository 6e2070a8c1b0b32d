/**
 * `notes doctor`: every finding about the notebook, most serious first.
 */
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { loadNotes, type Notebook } from '../store/notebook.js';
import { LOCK_NAME } from '../store/lock.js';
import { tempOwner } from '../store/atomic-write.js';
import { alive } from '../store/process.js';
import { checkNote, checkVisits, type Finding } from '../core/doctor.js';
import { CONFIG_NAME } from '../core/config.js';

export interface DoctorResult {
  findings: Finding[];
  notes: number;
}

export function doctor(nb: Notebook, extra: Finding[] = [], now: Date = new Date()): DoctorResult {
  const { notes, problems, temps } = loadNotes(nb);
  const findings: Finding[] = problems.map((p) => ({
    severity: 'error', code: 'unreadable', path: p.path, line: p.line, message: p.reason,
    hint: p.hint ?? 'fix the file; until then notes and Hugo skip it (Hugo may refuse to build)',
  }));
  for (const n of notes) findings.push(...checkNote(n, now));
  findings.push(...checkVisits(notes));
  const current = nb.config.currentVisit;
  if (current && !existsSync(join(nb.root, current))) {
    findings.push({ severity: 'warning', code: 'missing-current-visit', path: CONFIG_NAME, message: `current_visit = "${current}" names no folder of the notebook: new entries would start a new visit there`,
      hint: 'choose a visit with notes visit use <name> (notes visit list shows them)' });
  }
  for (const t of temps) {
    const pid = tempOwner(t);
    if (pid !== null && alive(pid)) continue;
    findings.push({ severity: 'warning', code: 'leftover-temp-file', path: t, message: 'a temp file left by an interrupted write',
      hint: 'it is removed by the next notes command that writes; or delete it (the note itself is intact)' });
  }
  const lock = join(nb.root, LOCK_NAME);
  if (existsSync(lock) && Date.now() - statSync(lock).mtimeMs > 60_000) {
    findings.push({ severity: 'warning', code: 'stale-lock', path: LOCK_NAME, message: 'a lock file older than a minute',
      hint: `if no notes command is running, delete ${lock}` });
  }
  findings.push(...extra);
  const rank = (f: Finding) => (f.severity === 'error' ? 0 : 1);
  findings.sort((a, b) => rank(a) - rank(b) || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0) || (a.line ?? 0) - (b.line ?? 0));
  return { findings, notes: notes.length };
}
