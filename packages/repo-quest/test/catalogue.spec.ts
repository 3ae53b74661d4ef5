import { defineQuery, profileQueryBuilder as qb, type QueryParams } from '@lepupitre/db-core';
import { getDailyQuest, getQuestByCode, listQuests, type Quest } from '../src';
import { questWorld, removeWorlds, type QuestWorld } from './support/quest-world';

const setTargets = defineQuery((p: QueryParams<{ code: string; json: string }>) =>
  qb.updateTable('quests').set({ targets_issues_json: p.json }).where('code', '=', p.code),
);
const deleteAllQuests = defineQuery(() => qb.deleteFrom('quests'));
const addQuest = defineQuery((p: QueryParams<{ code: string; category: string }>) =>
  qb.insertInto('quests').values({
    code: p.code,
    title: 'Extra',
    category: p.category,
    estimated_sec: 60,
    prompt: 'Say it.',
    output_type: 'text',
    targets_issues_json: '[]',
  }),
);

/** The seeded catalogue (part 5.2), literal by literal. */
const A01: Quest = {
  code: 'A01',
  title: 'Goal Sentence',
  category: 'start',
  estimated_sec: 180,
  prompt: '\u00c0 la fin, ils sauront ___ pour ___.',
  output_type: 'text',
  targets_issues: ['no_start', 'unclear_goal'],
};
const D01: Quest = {
  code: 'D01',
  title: 'Intro 45s',
  category: 'delivery',
  estimated_sec: 180,
  prompt: 'Enregistre une intro 45s : promesse + plan.',
  output_type: 'audio',
  targets_issues: ['weak_intro', 'fillers', 'pace'],
};
const FREE: Quest = {
  code: 'FREE',
  title: 'Qu\u00eate libre',
  category: 'free',
  estimated_sec: 180,
  prompt: "Capture libre : parle d'un point cl\u00e9 sans contrainte.",
  output_type: 'audio',
  targets_issues: [],
};

let world: QuestWorld;
beforeEach(() => {
  world = questWorld();
});
afterEach(() => world.db.close());
afterAll(removeWorlds);

describe('quest catalogue', () => {
  it('lists the seeded quests by category then code, with targets parsed', () => {
    expect(listQuests(world.db)).toEqual([D01, FREE, A01]);
  });

  it('orders by code within a category', () => {
    world.db.run(addQuest, { code: 'B00', category: 'free' });
    expect(listQuests(world.db).map((q) => q.code)).toEqual(['D01', 'B00', 'FREE', 'A01']);
  });

  it('gets a quest by its exact, case-sensitive code', () => {
    expect(getQuestByCode(world.db, 'FREE')).toEqual(FREE);
    expect(() => getQuestByCode(world.db, 'free')).toThrow(expect.objectContaining({ code: 'quest_not_found' }));
    expect(() => getQuestByCode(world.db, 'Z99')).toThrow(expect.objectContaining({ code: 'quest_not_found' }));
  });

  it.each([
    ['not JSON', '["no_start"'],
    ['not an array', '{"a":1}'],
    ['an array holding a non-string', '["ok",1]'],
  ])('reports a damaged targets column (%s) as targets_parse, without its content', (_label, json) => {
    world.db.run(setTargets, { code: 'D01', json });
    for (const read of [() => listQuests(world.db), () => getQuestByCode(world.db, 'D01')]) {
      let caught: unknown;
      try {
        read();
      } catch (error) {
        caught = error;
      }
      expect(caught).toMatchObject({ code: 'targets_parse', message: 'targets_parse' });
    }
    // Another quest is still readable.
    expect(getQuestByCode(world.db, 'A01')).toEqual(A01);
  });
});

describe('daily quest (the previous app rule, preserved)', () => {
  it('is the smallest code, with the raw project id and "draft" in why, never a boss run', () => {
    expect(getDailyQuest(world.db, world.talkId)).toEqual({
      quest: A01,
      why: `Project ${world.talkId} is in draft`,
      due_boss_run: false,
    });
  });

  it('does not check the project id', () => {
    expect(getDailyQuest(world.db, 'proj_unknown').why).toBe('Project proj_unknown is in draft');
  });

  it('follows the smallest code when the catalogue grows', () => {
    world.db.run(addQuest, { code: '0AA', category: 'zzz' });
    expect(getDailyQuest(world.db, world.talkId).quest.code).toBe('0AA');
  });

  it('fails with no_quest_seeded on an empty catalogue', () => {
    world.db.run(deleteAllQuests);
    expect(() => getDailyQuest(world.db, world.talkId)).toThrow(expect.objectContaining({ code: 'no_quest_seeded' }));
    expect(listQuests(world.db)).toEqual([]);
  });

  it('fails with targets_parse when the daily quest row is damaged', () => {
    world.db.run(setTargets, { code: 'A01', json: 'nope' });
    expect(() => getDailyQuest(world.db, world.talkId)).toThrow(expect.objectContaining({ code: 'targets_parse' }));
  });
});
