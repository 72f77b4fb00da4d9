/** `a=1&b=2&b=3` → `{a: '1', b: ['2', '3']}`: repeated keys (checkboxes) become arrays. */
export function parseForm(text) {
  const result = {};
  for (const [key, value] of new URLSearchParams(text)) {
    if (!(key in result)) result[key] = value;
    else result[key] = [result[key], value].flat();
  }
  return result;
}

/** A form value that may be absent, single or repeated, as a list. */
export const formList = (value) => (value === undefined ? [] : [value].flat());
