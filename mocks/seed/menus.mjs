/**
 * Demo custom menus (PRODUCT §5): Dmartech智慧营销 has a published default menu, as a marketer
 * would find it on day one; Dmartech订阅号 a small one; the other accounts none.
 */

export const SEEDED_MENUS = {
  wx5f3a9c1e7b2d4068: [
    {
      name: '品牌专区',
      sub_button: [
        { type: 'view', name: '官方网站', url: 'https://www.dmartech.cn/' },
        { type: 'click', name: '品牌故事', key: 'BRAND_STORY' },
        { type: 'scancode_push', name: '扫码验真', key: 'SCAN_VERIFY' },
      ],
    },
    { type: 'click', name: '今日推荐', key: 'TODAY_PICK' },
    {
      name: '会员服务',
      sub_button: [
        { type: 'view', name: '会员中心', url: 'https://member.dmartech.cn/' },
        { type: 'location_select', name: '附近门店', key: 'NEARBY_STORES' },
      ],
    },
  ],
  wx9b2d6f0a4c8e1357: [
    { type: 'view', name: '最新文章', url: 'https://www.dmartech.cn/blog' },
    { type: 'click', name: '联系我们', key: 'CONTACT_US' },
  ],
};

/** Writes the seeded menus; `publishedAt` is the account's binding time (the seed has no clock). */
export function seedMenus(db, boundAt) {
  const insert = db.prepare('INSERT INTO menu_live (appid, button, published_at) VALUES (?, ?, ?)');
  for (const [appid, button] of Object.entries(SEEDED_MENUS)) {
    insert.run(appid, JSON.stringify(button), new Date(Date.parse(boundAt[appid]) + 86_400_000).toISOString());
  }
}
