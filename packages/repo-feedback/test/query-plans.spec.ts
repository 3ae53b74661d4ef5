import { buildRealisticProfile, checkQueryPlans, GROWING_PROFILE_TABLES, type PlanGateResult } from '@lepupitre/testing';
import Database from 'better-sqlite3';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as queries from '../src/queries';

/**
 * Indexes the timeline needs and the shipped profile schema does not have yet: without them,
 * both timeline queries read every `auto_feedback` row, as the previous app's did. They are
 * requested as a new profile migration; this spec checks the queries against the shipped
 * schema and against the shipped schema plus exactly these definitions.
 */
const AWAITED_INDEXES = {
  // For one project: from the project's runs and attempts to their feedback.
  idx_auto_feedback_subject: 'CREATE INDEX idx_auto_feedback_subject ON auto_feedback(subject_id)',
  // For all projects: each subject type's feedback newest first, ties by id, cut at the limit.
  idx_auto_feedback_type_time:
    'CREATE INDEX idx_auto_feedback_type_time ON auto_feedback(subject_type, created_at, id)',
} as const;

const TIMELINE_QUERIES = ['timelineAll', 'timelineForProject'];

let folder: string;
let shipped: string;
let withIndexes: string;

beforeAll(() => {
  folder = mkdtempSync(join(tmpdir(), 'lepupitre-feedback-plans-'));
  shipped = join(folder, 'profile.db');
  buildRealisticProfile(shipped);
  withIndexes = join(folder, 'profile-with-indexes.db');
  copyFileSync(shipped, withIndexes);
  const db = new Database(withIndexes);
  try {
    for (const [name, ddl] of Object.entries(AWAITED_INDEXES)) {
      if (!indexExists(db, name)) db.exec(ddl);
    }
  } finally {
    db.close();
  }
});

afterAll(() => rmSync(folder, { recursive: true, force: true }));

function indexExists(db: Database.Database, name: string): boolean {
  return db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = ?").get(name) !== undefined;
}

function missingIndexes(path: string): string[] {
  const db = new Database(path, { readonly: true });
  try {
    return Object.keys(AWAITED_INDEXES).filter((name) => !indexExists(db, name));
  } finally {
    db.close();
  }
}

function gate(path: string): PlanGateResult {
  const result = checkQueryPlans(path, queries, { growingTables: GROWING_PROFILE_TABLES, allowlist: {} });
  for (const finding of result.checked) console.log(`${finding.query}\n  ${finding.plan.join('\n  ')}`);
  return result;
}

/** An automatic index is built by reading the whole table on every execution: a hidden scan. */
function automaticIndexes(result: PlanGateResult): string[] {
  return result.checked.filter((f) => f.plan.some((step) => step.includes('AUTOMATIC'))).map((f) => f.query);
}

describe('query plans of the feedback context', () => {
  it('checks every query', () => {
    const result = checkQueryPlans(shipped, queries, { growingTables: GROWING_PROFILE_TABLES });
    expect(result.checked.map((f) => f.query).sort()).toEqual(Object.keys(queries).sort());
  });

  it('on the shipped schema, scans only auto_feedback, only for the timeline, until the awaited indexes ship', () => {
    const result = gate(shipped);
    expect(result.staleAllowances).toEqual([]);
    expect(automaticIndexes(result)).toEqual([]);
    if (missingIndexes(shipped).length === 0) {
      expect(result.violations).toEqual([]);
      return;
    }
    expect(result.violations.map((v) => v.query).sort()).toEqual(TIMELINE_QUERIES);
    for (const violation of result.violations) expect(new Set(violation.scans)).toEqual(new Set(['SCAN af']));
  });

  it('with the awaited indexes, no query scans a growing table', () => {
    expect(missingIndexes(withIndexes)).toEqual([]);
    const result = gate(withIndexes);
    expect(result.violations).toEqual([]);
    expect(result.staleAllowances).toEqual([]);
    expect(automaticIndexes(result)).toEqual([]);
    const plan = (name: string) => result.checked.find((f) => f.query === name)?.plan.join('\n') ?? '';
    expect(plan('timelineForProject')).toContain('idx_auto_feedback_subject (subject_id=?)');
    expect(plan('timelineForProject')).toContain('idx_runs_project_time (project_id=?)');
    expect(plan('timelineForProject')).toContain('idx_attempts_project_time (project_id=?)');
    // Walking the index in order is what lets the limit stop each branch early.
    expect(plan('timelineAll')).toContain('idx_auto_feedback_type_time (subject_type=?)');
    // Only the final merge of at most 2 × limit rows is sorted; neither branch sorts its table.
    expect(plan('timelineAll').match(/USE TEMP B-TREE FOR ORDER BY/g)).toHaveLength(1);
  });
});
