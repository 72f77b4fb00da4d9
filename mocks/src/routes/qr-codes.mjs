import {
  dailyCounts, deleteQrCode, findQrCodeRow, listQrCodes, permanentCount, qrCodeRevision, recentScans, toQrCode, updateQrCode,
} from '../repositories/qr-codes.mjs';
import { assertQrCodeUpdate, assertQrCodesAvailable, createQrCode } from '../services/qr-codes.mjs';
import { PERMANENT_LIMIT } from '../rules/qr-codes.mjs';
import { Problem, notFound } from '../lib/problems.mjs';
import { assertPrecondition } from '../lib/preconditions.mjs';

const DAY_MS = 86_400_000;
// Statistics days are China days (UTC+8), like the repository's grouping.
const CHINA_OFFSET_MS = 8 * 3_600_000;
const chinaDay = (ms) => new Date(ms + CHINA_OFFSET_MS).toISOString().slice(0, 10);

/** /api/wechat/accounts/{appid}/qrcodes: channel QR codes (service accounts only). The tags they add live in fan-tags.mjs. */
export default async function qrCodeRoutes(fastify, { suite }) {
  const base = '/api/wechat/accounts/:appid/qrcodes';
  const available = (request) => assertQrCodesAvailable(request.account);
  const codeOf = (request) => {
    const row = findQrCodeRow(suite.db, request.params.appid, request.params.qrCodeId);
    if (!row) throw notFound(`QR code ${request.params.qrCodeId}`);
    return row;
  };
  // Another marketer may have saved the code since this one opened it: If-Match names the revision
  // the editor started from, and a stale one is refused with nothing written (lib/preconditions.mjs).
  const unchangedSince = (request, row) =>
    assertPrecondition(request.headers, qrCodeRevision(row), { what: `The QR code “${row.name}”`, at: row.updated_at });

  fastify.get(base, async (request) => {
    available(request);
    const { appid } = request.params;
    const page = listQrCodes(suite.db, appid, { ...request.query, nowIso: suite.clock.iso() });
    return { ...page, permanentQuota: { used: permanentCount(suite.db, appid), limit: PERMANENT_LIMIT } };
  });

  fastify.post(base, async (request, reply) => {
    available(request);
    const row = createQrCode(suite.db, request.params.appid, request.body, suite.clock.now());
    return reply.code(201).send(toQrCode(row, suite.clock.iso()));
  });

  fastify.get(`${base}/:qrCodeId`, async (request) => {
    available(request);
    return toQrCode(codeOf(request), suite.clock.iso());
  });

  fastify.patch(`${base}/:qrCodeId`, async (request) => {
    available(request);
    unchangedSince(request, codeOf(request));
    assertQrCodeUpdate(suite.db, request.params.appid, request.body);
    const body = { ...request.body, ...(request.body.name !== undefined ? { name: request.body.name.trim() } : {}) };
    const row = updateQrCode(suite.db, request.params.appid, request.params.qrCodeId, body, suite.clock.iso());
    return toQrCode(row, suite.clock.iso());
  });

  fastify.delete(`${base}/:qrCodeId`, async (request, reply) => {
    available(request);
    const row = codeOf(request);
    unchangedSince(request, row);
    if (row.kind === 'permanent') {
      throw new Problem(409, 'CONFLICT', 'WeChat never deletes a permanent QR code: disable it instead.');
    }
    deleteQrCode(suite.db, request.params.appid, row.id);
    return reply.code(204).send();
  });

  fastify.get(`${base}/:qrCodeId/stats`, async (request) => {
    available(request);
    const row = codeOf(request);
    const days = request.query.days;
    const now = suite.clock.now();
    // From China midnight `days - 1` days ago up to today, every day present (zero when quiet).
    const firstDay = chinaDay(now - (days - 1) * DAY_MS);
    const fromIso = new Date(Date.parse(`${firstDay}T00:00:00Z`) - CHINA_OFFSET_MS).toISOString();
    const counted = new Map(dailyCounts(suite.db, row.id, fromIso).map((d) => [d.day, d]));
    const series = [];
    for (let i = days - 1; i >= 0; i--) {
      const date = chinaDay(now - i * DAY_MS);
      const day = counted.get(date);
      series.push({ date, scans: day?.scans ?? 0, follows: day?.follows ?? 0 });
    }
    return { timezone: 'Asia/Shanghai', days: series };
  });

  fastify.get(`${base}/:qrCodeId/scans`, async (request) => {
    available(request);
    const row = codeOf(request);
    return recentScans(suite.db, row.id, request.query);
  });
}
