import { writtenTable } from '../src/written-table';

describe('writtenTable', () => {
  it.each([
    ['insert into "runs" ("id", "project_id") values (?, ?)', 'runs'],
    ['insert into "feedback_notes" ("feedback_id") values (?) on conflict ("feedback_id") do update set "note_text" = "excluded"."note_text"', 'feedback_notes'],
    ['insert or replace into "active_state" ("id") values (?)', 'active_state'],
    ['INSERT OR IGNORE INTO quests (code) VALUES (?)', 'quests'],
    ['replace into "profile_settings" ("key", "value_json") values (?, ?)', 'profile_settings'],
    ['insert into "talk_outlines" ("project_id", "outline_md") select "id", ? from "talk_projects" where "id" = ?', 'talk_outlines'],
    ['update "runs" set "audio_artifact_id" = ? where "id" = ?', 'runs'],
    ['update or ignore "profiles" set "name" = ? where "id" = ?', 'profiles'],
    ['update "profiles" set "is_active" = ? where "id" = ? and not exists (select "other"."id" from "profiles" as "other")', 'profiles'],
    ['delete from "global_settings" where "key" = ?', 'global_settings'],
    ['delete from "main"."peer_reviews" where "id" = ?', 'peer_reviews'],
    ['with "old" as (select "id" from "runs" where "created_at" < ?) delete from "auto_feedback" where "subject_id" in (select "id" from "old")', 'auto_feedback'],
    ['with recursive "a" ("n") as (select 1 union all select "n" + 1 from "a" where "n" < 3), "b" as materialized (select ")(" as "x") insert into "quest_attempts" select * from "a"', 'quest_attempts'],
    ['  /* note */ -- line\n delete from "x"', 'x'],
    ['insert into "odd ""name""" values (1)', 'odd "name"'],
  ])('finds the target of %s', (sql, table) => {
    expect(writtenTable(sql)).toBe(table);
  });

  it.each([
    ['select * from "runs" where "id" = ?'],
    ['select \'insert into "runs"\' as "text"'],
    ['with "w" as (select "id" from "runs") select * from "w"'],
    ['with "w" as (select \'delete from "runs"\' as "x") select * from "w"'],
    ['select "x" from "profiles" where "name" = \'update "profiles"\''],
  ])('finds no target in the read %s', (sql) => {
    expect(writtenTable(sql)).toBeUndefined();
  });
});
