import { defineQuery } from '../execution/prepared-query';
import type { QueryParams } from '../execution/query-param';
import { profileQueryBuilder as qb } from '../schema/query-builders';

/** Statements of the artifact store (profile databases). */
export const insertArtifact = defineQuery(
  (
    p: QueryParams<{
      id: string;
      type: string;
      localRelpath: string;
      sha256: string;
      bytes: number;
      createdAt: string;
      metadataJson: string;
    }>,
  ) =>
    qb.insertInto('artifacts').values({
      id: p.id,
      type: p.type,
      local_relpath: p.localRelpath,
      sha256: p.sha256,
      bytes: p.bytes,
      created_at: p.createdAt,
      metadata_json: p.metadataJson,
    }),
);

export const artifactById = defineQuery((p: QueryParams<{ id: string }>) =>
  qb.selectFrom('artifacts').selectAll().where('id', '=', p.id),
);

export const deleteArtifact = defineQuery((p: QueryParams<{ id: string }>) =>
  qb.deleteFrom('artifacts').where('id', '=', p.id),
);

/** Every artifact's path, for diagnostics: a full scan is the point of this query. */
export const allArtifactPaths = defineQuery(() =>
  qb.selectFrom('artifacts').select(['id', 'local_relpath']).orderBy('id'),
);
