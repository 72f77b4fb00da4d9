/** The fixed demo data of PRODUCT.md §5 (everything but the generated fans). */

export const DEPARTMENTS = [
  { id: 'dep_hq', name: '总部', parentId: null },
  { id: 'dep_marketing', name: '市场部', parentId: 'dep_hq' },
  { id: 'dep_east', name: '华东区', parentId: 'dep_marketing' },
  { id: 'dep_sales', name: '销售部', parentId: 'dep_hq' },
];

export const USERS = [
  { id: 'usr_admin', username: 'admin', name: '管理员', role: 'admin', departmentId: 'dep_hq' },
  { id: 'usr_marketer', username: 'marketer', name: '市场专员', role: 'member', departmentId: 'dep_marketing' },
  { id: 'usr_east', username: 'east', name: '华东专员', role: 'member', departmentId: 'dep_east' },
  { id: 'usr_sales', username: 'sales', name: '销售专员', role: 'member', departmentId: 'dep_sales' },
];

/** Marketing only; East China (its child) inherits nothing, Sales has none. */
export const ALLOCATIONS = [
  { departmentId: 'dep_marketing', appid: 'wx5f3a9c1e7b2d4068' },
  { departmentId: 'dep_marketing', appid: 'wx9b2d6f0a4c8e1357' },
];

/** When each seeded account was bound, in list order. */
export const BOUND_AT = {
  wx5f3a9c1e7b2d4068: '2024-03-12T02:15:00.000Z',
  wx9b2d6f0a4c8e1357: '2024-03-12T02:40:00.000Z',
  wxd1e4a7b0c3f6a925: '2025-01-08T07:00:00.000Z',
  wx3c7e0b4f8a2d6e19: '2025-06-20T03:30:00.000Z',
};

export const SEGMENTS = [
  { id: 'seg_high_value', name: '高价值客户', description: '近 12 个月消费金额前 10% 的客户', size: 1284 },
  { id: 'seg_active_30d', name: '近30天活跃', description: '近 30 天内打开过邮件、短信或访问过网站的客户', size: 5630 },
  { id: 'seg_new_signup', name: '新注册用户', description: '近 7 天内注册的用户', size: 342 },
];

export const JOURNEYS = [
  {
    id: 'jrn_welcome',
    name: '新粉丝欢迎旅程',
    status: 'draft',
    trigger: null,
    steps: [
      { id: 'step_wait', type: 'wait', label: '等待 1 天' },
      { id: 'step_message', type: 'message', label: '发送欢迎消息' },
    ],
    createdAt: '2026-10-20T06:00:00.000Z',
  },
];

/**
 * Contact-sharing rules (PRODUCT §3): HQ shares DM 未认证服务号's contacts with Marketing,
 * Marketing shares Dmartech订阅号's with Sales (which has no account of its own). Read-only for
 * the targets. The Dmartech智慧营销 contacts are shared with nobody (the e2e adds that rule).
 */
export const CONTACT_SHARING = [
  {
    name: '总部共享未认证服务号',
    sourceDepartmentId: 'dep_hq',
    appids: ['wx3c7e0b4f8a2d6e19'],
    targetDepartmentIds: ['dep_marketing'],
    createdAt: '2025-07-01T02:00:00.000Z',
  },
  {
    name: '市场部共享订阅号给销售部',
    sourceDepartmentId: 'dep_marketing',
    appids: ['wx9b2d6f0a4c8e1357'],
    targetDepartmentIds: ['dep_sales'],
    createdAt: '2025-07-02T02:00:00.000Z',
  },
];
