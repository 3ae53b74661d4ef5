import { MIGRATIONS } from '../src';
import { migrationChecksum } from '../src/migrations/checksum';

/**
 * Shipped migrations are frozen: databases in the field record these checksums, and a changed
 * one is refused at open (MIGRATION_CHECKSUM_MISMATCH). A new migration adds its line here; an
 * existing line changes only when its migration is corrected (docs/migrations.md, "Correcting a
 * shipped migration"), and then the checksum it held moves to CORRECTED.
 */
const SHIPPED: readonly [scope: 'global' | 'profile', id: string, checksum: string][] = [
  ['global', '0001_init', 'sha256:8676c2a5b5df4fff55e17c77b9527da20027fd38544fef4bcbae70847796f025'],
  ['global', '0002_unique_profile_names', 'sha256:280ff3d2c0cc7876d0ffc95d82a04da6e06f115cf27962ce7deb7246c521e5e2'],
  ['global', '0003_profile_indexes', 'sha256:f12d7da639b6a9515ec7369a858526b44512511dcac3b7b99ce743ccfca0c2ab'],
  ['global', '0004_name_blank_profiles', 'sha256:02356c1bf9cc42f2a4b54d6a1819e64d22fea648b5b7d9a41ecbff0408a25007'],
  ['profile', '0001_init', 'sha256:666b1a4c9622736077c9c0bd5bf4fd5a364e0308bd572eb22223a55877667ec5'],
  ['profile', '0002_outline_and_settings', 'sha256:0d4ec88778bc58e0e2613d823dc815373f9339d0f34665fa98cbfdde16e94421'],
  ['profile', '0003_talk_training_flag', 'sha256:d526a08b552498b43bf519c50e61f4582bfd9f1c4450983dd699788e4538181f'],
  ['profile', '0004_talk_numbers_backfill', 'sha256:e75b1fb6a5dc9db2fb51a56615a1c0d8cbf606085c70f205b5a0c14041b5cc64'],
  ['profile', '0005_runs_audio_nullable', 'sha256:11eb8e0dfcf9245e7688e895cfb68c982a83e86bd6114c150fed585b81c8a993'],
  ['profile', '0006_seed_quests', 'sha256:51b2adf98d11ac7b14ceb7b2e52d33dd4926e97f0b9ec9371c3a663a8375549d'],
  ['profile', '0007_fk_constraints', 'sha256:e2b02d71903dbecacede295dbf03eaff7976fd8314744d99d3f28aa6db3aa628'],
  ['profile', '0008_unique_talk_numbers', 'sha256:9facc6f3d3107e07c5e023e02a6c8174190b068be02e96e7d431af3408cefb5f'],
  ['profile', '0009_lookup_indexes', 'sha256:e35ee93029d2d38cb55d658aa2f1ef4e5d4c3ee8154300b302df481eb0fca389'],
  ['profile', '0010_run_pace_estimated', 'sha256:d00ebcaa93a14fbd88af384d620bfc7c389ee65cd95f7338d731d175deb72716'],
];

/**
 * Checksums of shipped texts that a correction replaced. Databases in the field recorded them,
 * so each stays accepted for good: a line is added by a correction and never removed.
 */
const CORRECTED: readonly [scope: 'global' | 'profile', id: string, earlierChecksum: string][] = [
  ['global', '0002_unique_profile_names', 'sha256:fc7d048f8ad9e104128c1aa6cc3336e848b00b7b075a9eece792f457d000132c'],
];

describe('the migration histories', () => {
  it('keep the previous app ids first, in order, and every shipped content', () => {
    const actual = (['global', 'profile'] as const).flatMap((scope) =>
      MIGRATIONS[scope].map((m) => [scope, m.id, migrationChecksum(m)] as const),
    );
    expect(actual).toEqual(SHIPPED);
  });

  it('accept exactly the earlier checksums of the corrected migrations', () => {
    const actual = (['global', 'profile'] as const).flatMap((scope) =>
      MIGRATIONS[scope].flatMap((m) => (m.earlierChecksums ?? []).map((c) => [scope, m.id, c] as const)),
    );
    expect(actual).toEqual(CORRECTED);
  });

  it('fold whitespace in checksums but not content', () => {
    const base = MIGRATIONS.global[0];
    if (!base) throw new Error('no global migration');
    const reformatted = { ...base, steps: base.steps.map((s) => ({ ...s, sql: `\n   ${s.sql.replace(/ /g, '  ')}  \n` })) };
    const edited = { ...base, steps: base.steps.map((s) => ({ ...s, sql: s.sql.replace('name TEXT NOT NULL', 'name TEXT') })) };
    expect(migrationChecksum(reformatted)).toBe(migrationChecksum(base));
    expect(migrationChecksum(edited)).not.toBe(migrationChecksum(base));
  });

  it('name every migration NNNN_snake_name, numbered without gaps', () => {
    for (const scope of ['global', 'profile'] as const) {
      MIGRATIONS[scope].forEach((m, i) => {
        expect(m.id).toMatch(/^\d{4}_[a-z0-9_]+$/);
        expect(Number(m.id.slice(0, 4))).toBe(i + 1);
        expect(m.scope).toBe(scope);
      });
    }
  });
});
