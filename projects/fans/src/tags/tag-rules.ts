/** WeChat's tag name rule as the tag manager checks it while the user types (the server checks again). */
export const TAG_NAME_MAX = 30;

/** Characters as WeChat counts them: a CJK character or an emoji is one, spaces around are trimmed. */
export const tagNameLength = (name: string): number => [...name.trim()].length;

/** WeChat's remark rule, checked the same way in the fan detail. */
export const REMARK_MAX = 30;

/** Tags one fan may carry. */
export const TAGS_PER_FAN = 20;
