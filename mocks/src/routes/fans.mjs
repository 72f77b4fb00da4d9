import { fanEventRows, findFanRow, listFans, qrCodeNameOf, toFan } from '../repositories/fans.mjs';
import { timelineEntry } from '../rules/fans.mjs';
import { notFound } from '../lib/problems.mjs';
import { remarkRevision } from '../services/fan-tags.mjs';

/** /api/wechat/accounts/{appid}/fans: the account's fans, filtered and paged on the server, and one fan's timeline. */
export default async function fanRoutes(fastify, { suite }) {
  const base = '/api/wechat/accounts/:appid/fans';

  fastify.get(base, async (request) => listFans(suite.db, request.params.appid, request.query));

  fastify.get(`${base}/:openid`, async (request) => {
    const { appid, openid } = request.params;
    const row = findFanRow(suite.db, appid, openid);
    if (!row) throw notFound(`Fan ${openid}`);
    const names = new Map();
    const qrCodeName = (scene) => {
      if (!names.has(scene)) names.set(scene, qrCodeNameOf(suite.db, appid, scene));
      return names.get(scene);
    };
    const timeline = fanEventRows(suite.db, appid, openid).map((event) => timelineEntry(event, qrCodeName));
    return { ...toFan(row), remarkRevision: remarkRevision(row.remark), qrCodeName: row.qr_scene ? qrCodeName(row.qr_scene) : null, timeline };
  });
}
