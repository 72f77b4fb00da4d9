import { hash32 } from '../lib/prng.mjs';
import { escapeHtml } from '../lib/html.mjs';

/**
 * A generated avatar: a coloured disc with one character. The first CJK character when
 * there is one (most of our names start "DM"/"Dmartech", so Latin initials would all be D),
 * else the initial of the last word.
 */
export function avatarInitial(name) {
  const cjk = /[\u4e00-\u9fff]/.exec(name);
  if (cjk) return cjk[0];
  const words = name.trim().split(/\s+/);
  return (words[words.length - 1][0] ?? '?').toUpperCase();
}

export function avatarSvg(appid, name) {
  const hue = hash32(appid) % 360;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="96" height="96" viewBox="0 0 96 96" role="img" aria-label="${escapeHtml(name)}">
<circle cx="48" cy="48" r="48" fill="hsl(${hue}, 55%, 36%)"/>
<text x="48" y="50" dominant-baseline="middle" text-anchor="middle" font-family="PingFang SC, Microsoft YaHei, Noto Sans CJK SC, sans-serif" font-size="44" fill="#ffffff">${escapeHtml(avatarInitial(name))}</text>
</svg>`;
}
