import Database from 'better-sqlite3';
import { join } from 'node:path';
import {
  DbErrorCode,
  defineQuery,
  openDatabase,
  profileQueryBuilder as qb,
  type DatabaseHandle,
  type QueryParams,
} from '../src';
import { useTempDir } from '@lepupitre/fixtures';
import { UNGUARDED } from './support/test-safeguards';

const putSetting = defineQuery((p: QueryParams<{ key: string; value: string }>) =>
  qb.insertInto('profile_settings').values({ key: p.key, value_json: p.value }),
);
const allKeys = defineQuery(() => qb.selectFrom('profile_settings').select('key').orderBy('key'));

class StepFailure extends Error {}

describe('write transactions', () => {
  const dir = useTempDir();
  let path: string;
  let db: DatabaseHandle;
  const keys = (): (string | null)[] => db.all(allKeys).map((r) => r.key);

  beforeEach(() => {
    path = join(dir(), 'profile.db');
    db = openDatabase(path, 'profile', { safeguards: UNGUARDED }).db;
  });
  afterEach(() => db.close());

  it('commits every step together', () => {
    const result = db.transaction(() => {
      db.run(putSetting, { key: 'a', value: '1' });
      db.run(putSetting, { key: 'b', value: '2' });
      return 'done';
    });
    expect(result).toBe('done');
    expect(keys()).toEqual(['a', 'b']);
  });

  it('rolls back every step and surfaces the error that caused it', () => {
    const failure = new StepFailure('step 2 failed');
    expect(() =>
      db.transaction(() => {
        db.run(putSetting, { key: 'a', value: '1' });
        throw failure;
      }),
    ).toThrow(failure);
    expect(keys()).toEqual([]);
    expect(db.inTransaction).toBe(false);
  });

  it('surfaces a driver error inside the transaction as a typed error and rolls back', () => {
    expect(() =>
      db.transaction(() => {
        db.run(putSetting, { key: 'a', value: '1' });
        db.run(putSetting, { key: 'a', value: '2' });
      }),
    ).toThrow(expect.objectContaining({ code: DbErrorCode.CONSTRAINT }));
    expect(keys()).toEqual([]);
  });

  it('turns nested calls into savepoints: an inner failure undoes only the inner work', () => {
    db.transaction(() => {
      db.run(putSetting, { key: 'outer', value: '1' });
      expect(() =>
        db.transaction(() => {
          db.run(putSetting, { key: 'inner', value: '1' });
          throw new StepFailure('inner');
        }),
      ).toThrow(StepFailure);
      db.transaction(() => db.run(putSetting, { key: 'inner-2', value: '1' }));
    });
    expect(keys()).toEqual(['inner-2', 'outer']);
  });

  it('an outer failure undoes released savepoints too', () => {
    expect(() =>
      db.transaction(() => {
        db.transaction(() => db.run(putSetting, { key: 'inner', value: '1' }));
        throw new StepFailure('outer');
      }),
    ).toThrow(StepFailure);
    expect(keys()).toEqual([]);
  });

  it('takes the write lock at BEGIN: another connection cannot write meanwhile', () => {
    const other = new Database(path, { timeout: 50 });
    try {
      db.transaction(() => {
        db.run(putSetting, { key: 'a', value: '1' });
        expect(() => other.prepare("INSERT INTO profile_settings VALUES ('b', '2')").run()).toThrow(/locked|busy/i);
      });
      other.prepare("INSERT INTO profile_settings VALUES ('b', '2')").run();
    } finally {
      other.close();
    }
    expect(keys()).toEqual(['a', 'b']);
  });

  it('a write that cannot take the lock within the busy timeout fails with DB_BUSY and writes nothing', () => {
    const other = new Database(path, { timeout: 50 });
    try {
      other.exec('BEGIN IMMEDIATE');
      expect(() => db.transaction(() => db.run(putSetting, { key: 'a', value: '1' }))).toThrow(
        expect.objectContaining({ code: DbErrorCode.BUSY }),
      );
      other.exec('ROLLBACK');
    } finally {
      other.close();
    }
    expect(keys()).toEqual([]);
  });

  it('refuses an async callback and rolls back what it wrote', () => {
    expect(() =>
      db.transaction(() => {
        db.run(putSetting, { key: 'a', value: '1' });
        return Promise.resolve();
      }),
    ).toThrow(expect.objectContaining({ code: DbErrorCode.ASYNC_TRANSACTION }));
    expect(keys()).toEqual([]);
  });

  it('keeps the connection usable after a rollback', () => {
    expect(() => db.transaction(() => { throw new StepFailure('x'); })).toThrow(StepFailure);
    db.transaction(() => db.run(putSetting, { key: 'after', value: '1' }));
    expect(keys()).toEqual(['after']);
  });

  it('runs compensations of a rolled-back level in reverse order, and only those', () => {
    const log: string[] = [];
    expect(() =>
      db.transaction(() => {
        db.onRollback(() => log.push('outer'));
        db.transaction(() => {
          db.onRollback(() => log.push('released inner'));
        });
        expect(() =>
          db.transaction(() => {
            db.onRollback(() => log.push('failed inner'));
            throw new StepFailure('inner');
          }),
        ).toThrow(StepFailure);
        expect(log).toEqual(['failed inner']);
        throw new StepFailure('outer');
      }),
    ).toThrow(StepFailure);
    expect(log).toEqual(['failed inner', 'released inner', 'outer']);
  });

  it('runs after-commit work once the outermost transaction commits, never on rollback', () => {
    const log: string[] = [];
    db.transaction(() => {
      db.transaction(() => db.afterCommit(() => log.push('inner')));
      db.afterCommit(() => log.push('outer'));
      expect(log).toEqual([]);
    });
    expect(log).toEqual(['inner', 'outer']);
    expect(() =>
      db.transaction(() => {
        db.afterCommit(() => log.push('never'));
        throw new StepFailure('x');
      }),
    ).toThrow(StepFailure);
    expect(log).toEqual(['inner', 'outer']);
  });

  it('keeps the original error when a compensation fails, and attaches the failure', () => {
    const failure = new StepFailure('write failed');
    expect(() =>
      db.transaction(() => {
        db.onRollback(() => {
          throw new Error('cleanup failed');
        });
        throw failure;
      }),
    ).toThrow(failure);
    expect((failure as unknown as { compensationErrors: Error[] }).compensationErrors.map((e) => e.message)).toEqual(['cleanup failed']);
  });

  it('refuses transaction-bound work outside a transaction', () => {
    expect(() => db.onRollback(() => undefined)).toThrow(expect.objectContaining({ code: DbErrorCode.NOT_IN_TRANSACTION }));
    expect(() => db.afterCommit(() => undefined)).toThrow(expect.objectContaining({ code: DbErrorCode.NOT_IN_TRANSACTION }));
  });

  it('shows every statement and the commit to a step observer, which can fail any of them', () => {
    const steps: string[] = [];
    db.observeSteps((event) => steps.push(event.kind));
    db.transaction(() => {
      db.run(putSetting, { key: 'a', value: '1' });
      db.run(putSetting, { key: 'b', value: '2' });
    });
    expect(steps).toEqual(['statement', 'statement', 'commit']);
    db.observeSteps((event) => {
      if (event.kind === 'commit') throw new StepFailure('disk full at commit');
    });
    expect(() => db.transaction(() => db.run(putSetting, { key: 'c', value: '3' }))).toThrow(StepFailure);
    db.observeSteps(undefined);
    expect(keys()).toEqual(['a', 'b']);
  });
});
