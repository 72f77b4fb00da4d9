/** WeChat's auto-reply limits, the same as the mock's `mocks/src/rules/auto-reply.mjs`. */
export const RULE_LIMIT = 200;
export const NAME_MAX = 60;
export const KEYWORDS_MAX = 10;
export const KEYWORD_MAX = 30;
export const REPLIES_MAX = 5;
/** WeChat's keyword-reply editor stops a text reply at 300 characters. */
export const TEXT_MAX = 300;

/** Characters as a person counts them (an emoji is one), as WeChat counts them. */
export const chars = (text: string): number => [...text].length;
