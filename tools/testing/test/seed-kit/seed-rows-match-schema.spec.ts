import type { GlobalSchema, ProfileSchema } from '@lepupitre/db-core';
import type {
  ArtifactRow,
  FeedbackNoteRow,
  FeedbackRow,
  OplogRow,
  OutlineRow,
  PeerReviewRow,
  ProfileRow,
  QuestAttemptRow,
  RunRow,
  SettingRow,
  TalkRow,
} from '@lepupitre/fixtures';
import type { Insertable, Selectable } from 'kysely';

/**
 * The seeding kit declares its row types itself (`@lepupitre/fixtures` may not depend on
 * db-core); this file holds them to db-core's generated schema. It fails to typecheck when a
 * table gains, loses or retypes a column the kit does not follow.
 *
 * For each table: the same column names; every row the kit writes is a valid insert; and every
 * stored row fits the kit's type, primary keys aside (the generator types a TEXT primary key as
 * nullable, SQLite's reading; the kit always sets one).
 */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type StoredWithKey<Stored, Key extends keyof Stored> = Omit<Stored, Key> & { [K in Key]: NonNullable<Stored[K]> };
type Honest<Kit, Table, Key extends keyof Table & keyof Kit> =
  Same<keyof Kit, keyof Table> extends true
    ? Kit extends Insertable<Table>
      ? StoredWithKey<Selectable<Table>, Key & keyof Selectable<Table>> extends Kit
        ? true
        : 'a stored value does not fit the kit type'
      : 'the kit writes a value the column refuses'
    : 'the columns differ';

type P = ProfileSchema;
const honest: Record<string, true> = {
  talk_projects: true satisfies Honest<TalkRow, P['talk_projects'], 'id'>,
  talk_outlines: true satisfies Honest<OutlineRow, P['talk_outlines'], 'project_id'>,
  artifacts: true satisfies Honest<ArtifactRow, P['artifacts'], 'id'>,
  runs: true satisfies Honest<RunRow, P['runs'], 'id'>,
  auto_feedback: true satisfies Honest<FeedbackRow, P['auto_feedback'], 'id'>,
  feedback_notes: true satisfies Honest<FeedbackNoteRow, P['feedback_notes'], 'feedback_id'>,
  quest_attempts: true satisfies Honest<QuestAttemptRow, P['quest_attempts'], 'id'>,
  peer_reviews: true satisfies Honest<PeerReviewRow, P['peer_reviews'], 'id'>,
  profile_settings: true satisfies Honest<SettingRow, P['profile_settings'], 'key'>,
  oplog: true satisfies Honest<OplogRow, P['oplog'], 'id'>,
  profiles: true satisfies Honest<ProfileRow, GlobalSchema['profiles'], 'id'>,
  global_settings: true satisfies Honest<SettingRow, GlobalSchema['global_settings'], 'key'>,
};

describe('seeding kit row types', () => {
  it('are held to the generated schema by the typecheck of this file', () => {
    expect(Object.values(honest).every(Boolean)).toBe(true);
  });
});
