/**
 * Demo materials (PRODUCT §3 Materials) for every seeded account, so the library and the material
 * picker are never empty: five images (PNG made in code), a JPEG thumb, a voice (a 3 s WAV), a
 * video placeholder (valid MP4 magic) and two articles whose covers are seeded images. All are
 * permanent: temporary media would have expired long before anyone opens the demo. Bytes are made
 * on demand from the `sample:` key (src/wechat/sample-media.mjs).
 */
import { SIMULATED_ACCOUNTS } from '../src/wechat/simulated-accounts.mjs';
import { hash32 } from '../src/lib/prng.mjs';
import { CONTENT_TYPES } from '../src/rules/materials.mjs';
import { sampleBytes } from '../src/wechat/sample-media.mjs';
import { sanitizeArticleHtml } from '../src/rules/article-html.mjs';

const DAY_MS = 86_400_000;
const BASE62 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** A stable WeChat-looking media id per (account, material). */
export function seededMediaId(appid, key) {
  let id = '';
  let n = hash32(`${appid}/${key}`);
  for (let i = 0; i < 32; i++) {
    id += BASE62[n % 62];
    n = hash32(`${n}:${i}:${key}`);
  }
  return id;
}

const IMAGES = [
  { key: 'spring', name: '春季新品主视觉.png', file: 'sample:png:07c160:10aeff', ageDays: 40 },
  { key: 'store', name: '门店开业海报.png', file: 'sample:png:fa9d3b:fa5151', ageDays: 30 },
  { key: 'member', name: '会员日活动图.png', file: 'sample:png:6467f0:10aeff', ageDays: 21 },
  { key: 'expo', name: '进博会展位照片.png', file: 'sample:png:1aad19:ffc300', ageDays: 14 },
  { key: 'logo', name: 'Dmartech 品牌标识.png', file: 'sample:png:191919:07c160', ageDays: 7 },
];

const ARTICLES = [
  {
    key: 'news-spring',
    ageDays: 10,
    items: [
      {
        title: '春季新品上市：焕新你的营销工具箱',
        author: '市场部',
        digest: '三款新品、两项升级，带你看懂本季 Dmartech 的新能力。',
        cover: 'spring',
        showCoverPic: true,
        contentSourceUrl: 'https://www.dmartech.cn/blog/spring',
        content:
          '<h2>本季亮点</h2><p>我们带来了<strong>全新的旅程画布</strong>与更快的分群引擎。</p>' +
          '<ul><li>旅程画布 2.0</li><li>实时分群</li><li>微信素材一站式管理</li></ul>' +
          '<blockquote>好的工具让营销更简单。</blockquote>',
      },
      {
        title: '门店开业：北京朝阳店欢迎你',
        author: '门店运营',
        digest: '开业首周到店即送精美礼品。',
        cover: 'store',
        showCoverPic: false,
        contentSourceUrl: '',
        content: '<p>北京朝阳门店<em>正式开业</em>，欢迎到店体验。</p><p><a href="https://www.dmartech.cn/stores">查看门店地址</a></p>',
      },
    ],
  },
  {
    key: 'news-member',
    ageDays: 5,
    items: [
      {
        title: '会员日：积分翻倍，好礼相送',
        author: '会员中心',
        digest: '每月 18 日会员日，积分双倍累计。',
        cover: 'member',
        showCoverPic: true,
        contentSourceUrl: '',
        content: '<p>每月 <strong>18 日</strong>为会员日，当天消费积分<u>翻倍</u>。</p><ol><li>登录会员中心</li><li>领取会员日券</li></ol>',
      },
    ],
  },
];

/** Writes the demo materials; dates count back from each account's binding day + 60 days. */
export function seedMaterials(db, boundAt) {
  const insert = db.prepare(`INSERT INTO materials
    (media_id, appid, type, name, permanent, file, content_type, size, duration_seconds, description, articles, created_at, updated_at, expires_at)
    VALUES (@mediaId, @appid, @type, @name, 1, @file, @contentType, @size, @duration, @description, @articles, @at, @at, NULL)`);
  for (const sim of SIMULATED_ACCOUNTS.filter((a) => a.seeded)) {
    const appid = sim.appid;
    const base = Date.parse(boundAt[appid]) + 60 * DAY_MS;
    const at = (ageDays) => new Date(base - ageDays * DAY_MS).toISOString();
    const file = (type, name, key, fileKey, ageDays, more = {}) => {
      const bytes = sampleBytes(fileKey);
      const format = fileKey.split(':')[1];
      insert.run({
        mediaId: seededMediaId(appid, key), appid, type, name, file: fileKey, contentType: CONTENT_TYPES[format],
        size: bytes.length, duration: null, description: null, articles: null, at: at(ageDays), ...more,
      });
    };
    for (const image of IMAGES) file('image', image.name, image.key, image.file, image.ageDays);
    file('thumb', '视频封面缩略图.jpg', 'thumb', 'sample:jpeg', 20);
    file('voice', '欢迎语音.wav', 'voice', 'sample:wav:3', 18, { duration: 3 });
    file('video', '品牌宣传片.mp4', 'video', 'sample:mp4', 16, { description: '一分钟了解 Dmartech（占位视频）' });
    for (const article of ARTICLES) {
      const items = article.items.map(({ cover, content, ...item }) => ({
        ...item,
        thumbMediaId: seededMediaId(appid, cover),
        content: sanitizeArticleHtml(content, appid),
      }));
      insert.run({
        mediaId: seededMediaId(appid, article.key), appid, type: 'news', name: items[0].title, file: null, contentType: null,
        size: null, duration: null, description: null, articles: JSON.stringify(items), at: at(article.ageDays),
      });
    }
  }
}
