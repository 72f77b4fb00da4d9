/**
 * What the inbox keeps of a WeChat push and of a message sent to a fan. Pure: the injection route
 * and the seed both go through it, so seeded and injected messages look alike.
 */

export const INBOX_TYPES = ['text', 'image', 'voice', 'video', 'location', 'link', 'event'];
/** Events shown in the inbox (a fan's own action); unsubscribes, location reports and job results are not. */
export const INBOX_EVENTS = ['subscribe', 'scan', 'click', 'view', 'scancode_push', 'scancode_waitmsg'];

const str = (value) => (value === undefined || value === null ? undefined : String(value));
const num = (value) => (value === undefined || value === null || Number.isNaN(Number(value)) ? undefined : Number(value));
const defined = (object) => Object.fromEntries(Object.entries(object).filter(([, v]) => v !== undefined));

/**
 * A push as an inbox message, or null when the inbox does not show it.
 * @returns {{ type: string, event: string | null, content: string, details: object } | null}
 */
export function inboxEntryOf(push) {
  const msgId = str(push.MsgId ?? push.MsgID);
  switch (push.MsgType) {
    case 'text':
      return { type: 'text', event: null, content: str(push.Content) ?? '', details: defined({ msgId }) };
    case 'image':
      return { type: 'image', event: null, content: '', details: defined({ msgId, mediaId: str(push.MediaId), picUrl: str(push.PicUrl) }) };
    case 'voice':
      // WeChat's speech recognition, when the account has it on, is the searchable text of a voice.
      return {
        type: 'voice', event: null, content: str(push.Recognition) ?? '',
        details: defined({ msgId, mediaId: str(push.MediaId), format: str(push.Format), recognition: str(push.Recognition) }),
      };
    case 'video':
    case 'shortvideo':
      return { type: 'video', event: null, content: '', details: defined({ msgId, mediaId: str(push.MediaId), thumbMediaId: str(push.ThumbMediaId) }) };
    case 'location':
      return {
        type: 'location', event: null, content: str(push.Label) ?? '',
        details: defined({ msgId, latitude: num(push.Location_X), longitude: num(push.Location_Y), scale: num(push.Scale), label: str(push.Label) }),
      };
    case 'link':
      return {
        type: 'link', event: null, content: [push.Title, push.Description, push.Url].filter(Boolean).join(' '),
        details: defined({ msgId, title: str(push.Title), description: str(push.Description), url: str(push.Url) }),
      };
    case 'event': {
      const event = String(push.Event ?? '').toLowerCase();
      if (!INBOX_EVENTS.includes(event)) return null;
      const eventKey = str(push.EventKey) || undefined;
      return { type: 'event', event, content: eventKey ?? '', details: defined({ eventKey }) };
    }
    default:
      return null;
  }
}

/**
 * A message WeChat received from the account (a passive or auto reply, in WeChat's reply shape) as
 * an outgoing inbox entry.
 */
export function sentEntryOf(message) {
  const type = String(message.MsgType ?? 'text').toLowerCase();
  if (type === 'text') return { type: 'text', content: str(message.Content) ?? '', details: {} };
  const mediaId = str(message.MediaId ?? message.Image?.MediaId ?? message.Voice?.MediaId ?? message.Video?.MediaId);
  return { type, content: '', details: defined({ mediaId }) };
}

/** A reply of the API (`{type:'text', text}` or a material) as an outgoing inbox entry. */
export const replyEntryOf = (reply) =>
  reply.type === 'text' ? { type: 'text', content: reply.text, details: {} } : { type: reply.type, content: '', details: { mediaId: reply.mediaId } };
