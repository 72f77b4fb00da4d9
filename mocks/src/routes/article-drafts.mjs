import { deleteArticleDraft, findArticleDraft, saveArticleDraft } from '../repositories/article-drafts.mjs';
import { findMaterialRow } from '../repositories/materials.mjs';
import { ARTICLE_DRAFT_BODY_LIMIT, NEW_ARTICLE_DRAFT_KEY, articleDraftErrors } from '../rules/article-drafts.mjs';
import { notFound, validation } from '../lib/problems.mjs';

/**
 * /api/wechat/accounts/{appid}/article-drafts/{draftKey}: the article editor's unsaved edits of
 * the signed-in user (the API guard checked the account is theirs). Saving or deleting the
 * article clears them (materials.mjs).
 */
export default async function articleDraftRoutes(fastify, { suite }) {
  const path = '/api/wechat/accounts/:appid/article-drafts/:draftKey';

  fastify.get(path, async (request) => {
    const { appid, draftKey } = request.params;
    const row = findArticleDraft(suite.db, appid, draftKey, request.user.id);
    return { document: row ? JSON.parse(row.document) : null, updatedAt: row?.updated_at ?? null };
  });

  // A long article is bigger than Fastify's default 1 MiB: the size rule below answers with the field instead.
  fastify.put(path, { bodyLimit: ARTICLE_DRAFT_BODY_LIMIT }, async (request) => {
    const { appid, draftKey } = request.params;
    const errors = articleDraftErrors(request.body);
    if (errors.length) throw validation(errors);
    if (draftKey !== NEW_ARTICLE_DRAFT_KEY) {
      // A deleted article must not get its draft back from an editor still open on it.
      const row = findMaterialRow(suite.db, appid, draftKey);
      if (row?.type !== 'news') throw notFound(`Article ${draftKey}`);
    }
    const now = suite.clock.iso();
    saveArticleDraft(suite.db, appid, draftKey, request.user.id, request.body, now);
    return { document: request.body, updatedAt: now };
  });

  fastify.delete(path, async (request, reply) => {
    const { appid, draftKey } = request.params;
    deleteArticleDraft(suite.db, appid, draftKey, request.user.id);
    return reply.code(204).send();
  });
}
