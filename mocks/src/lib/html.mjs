/** Escapes text for HTML text and attribute values. */
export const escapeHtml = (value) =>
  String(value).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);

/** Tagged template that escapes every interpolated value unless it is `raw(...)`. */
export function html(strings, ...values) {
  return strings.reduce((out, text, i) => {
    if (i === 0) return text;
    const value = values[i - 1];
    const rendered = [value].flat().map((v) => (v?.isRaw ? v.text : v == null || v === false ? '' : escapeHtml(v))).join('');
    return out + rendered + text;
  }, '');
}

export const raw = (text) => ({ isRaw: true, text });
