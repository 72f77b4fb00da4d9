/** How a stored WeChat push reads on a fan's timeline. */

const MESSAGE_TYPES = new Set(['text', 'image', 'voice', 'video', 'shortvideo', 'location', 'link']);

/**
 * One timeline entry from an `events` row (type as stored, payload the push as WeChat sent it).
 * `qrCodeName(scene)` names the QR code of a scene, or null.
 */
export function timelineEntry(row, qrCodeName) {
  const push = JSON.parse(row.payload);
  const base = { id: row.id, at: row.created_at };
  switch (row.type) {
    case 'subscribe': {
      const qr = /^qrscene_(.+)$/.exec(push.EventKey ?? '');
      return qr ? { ...base, kind: 'subscribe', qrScene: qr[1], qrCodeName: qrCodeName(qr[1]) } : { ...base, kind: 'subscribe' };
    }
    case 'unsubscribe':
      return { ...base, kind: 'unsubscribe' };
    case 'scan':
      return { ...base, kind: 'scan', qrScene: push.EventKey ?? '', qrCodeName: push.EventKey ? qrCodeName(push.EventKey) : null };
    case 'click':
    case 'view':
      return { ...base, kind: 'menuClick', menuKey: push.EventKey ?? '' };
    case 'message.sent':
      // What the suite sent the fan (an on-scan reply...): a message going the other way.
      return { ...base, kind: 'message', outgoing: true, msgType: push.type ?? 'text', ...(typeof push.content === 'string' ? { content: push.content } : {}) };
    default:
      if (MESSAGE_TYPES.has(row.type)) {
        return { ...base, kind: 'message', msgType: row.type, ...(typeof push.Content === 'string' ? { content: push.Content } : {}) };
      }
      // WeChat's mass-send receipts (and the suite's own records of them) start with "masssend".
      if (row.type.startsWith('masssend')) return { ...base, kind: 'massSend', ...(push.MsgID ? { msgId: String(push.MsgID) } : {}) };
      return { ...base, kind: 'other', eventType: row.type };
  }
}
