/**
 * The library's own strings in Simplified Chinese, the suite's default language. Every module
 * serves them under the `ui.` key prefix (see `provideModuleI18n`). ui.en.ts must mirror this shape;
 * its type enforces that at compile time and a spec checks it again at runtime.
 */
export const UI_ZH_CN = {
  loading: {
    label: '正在加载…',
  },
  empty: {
    title: '暂无数据',
  },
  pageLoad: {
    partFailed: '这部分内容加载失败，请刷新页面后重试。',
    failed: '该页面加载失败',
  },
  error: {
    title: '出错了',
    retry: '重试',
    fields: '请检查以下内容：',
    details: '技术详情',
  },
  notBound: {
    title: '尚未绑定微信公众号',
    message: '绑定公众号后，即可在这里管理粉丝、消息、菜单和渠道二维码。',
    authorize: '点击进行微信授权',
    askAdmin: '只有企业管理员可以绑定公众号，请联系管理员完成微信授权。',
  },
  noPermission: {
    title: '暂无权限',
    department: '您所在的部门「{{department}}」还没有分配可使用的公众号。',
    noDepartment: '您所在的部门还没有分配可使用的公众号。',
    fix: '请联系企业管理员，在「企业设置 → 渠道分配」中为您的部门分配公众号。',
    inheritance: '注意：分配给上级部门的公众号不会自动分配给下级部门。',
  },
  typeUnavailable: {
    titleService: '{{feature}}仅支持服务号',
    titleVerifiedService: '{{feature}}仅支持已认证的服务号',
    titleVerified: '{{feature}}仅支持已认证的公众号',
    reasonSubscription: '当前公众号「{{account}}」是订阅号，微信不向订阅号开放{{feature}}。',
    reasonUnverified: '当前公众号「{{account}}」尚未完成微信认证，微信不向未认证的公众号开放{{feature}}。',
    switchHint: '请在页面顶部的公众号切换器中选择符合条件的公众号。',
    verifyHint: '也可以登录微信公众平台（mp.weixin.qq.com），为该公众号完成微信认证。',
  },
  account: {
    current: '当前公众号',
    name: '名称',
    appid: 'AppID',
    type: '类型',
    verification: '认证状态',
    types: {
      service: '服务号',
      subscription: '订阅号',
    },
    verified: '已认证',
    unverified: '未认证',
  },
  feature: {
    qrCodes: '渠道二维码',
    templates: '模板消息',
    massSendByTag: '按标签群发',
    massSendByOpenid: '按 OpenID 列表群发',
    miniProgramMenu: '小程序菜单按钮',
  },
  job: {
    progress: '任务进度',
    status: {
      queued: '排队中',
      running: '进行中',
      succeeded: '已完成',
      failed: '失败',
      cancelled: '已取消',
    },
    count: '{{done}} / {{total}}',
    countUnknown: '已处理 {{done}} 项',
  },
  problem: {
    VALIDATION: '提交的内容有误，请按提示修改后重试。',
    UNAUTHENTICATED: '登录已失效，请重新登录。',
    FORBIDDEN_ROLE: '只有企业管理员可以执行此操作。',
    FORBIDDEN_ACCOUNT: '您所在的部门无权使用该公众号。请联系企业管理员在「企业设置 → 渠道分配」中分配。',
    ACCOUNT_TYPE_UNSUPPORTED: '当前公众号的类型或认证状态不支持此功能。',
    NOT_FOUND: '内容不存在或已被删除。',
    CONFLICT: '已存在相同的内容，请修改后重试。',
    STALE: '这项内容在你打开后已被他人修改，你的修改没有保存。',
    WECHAT_STILL_AUTHORIZED:
      '微信显示该公众号仍处于授权状态。请先登录微信公众平台（mp.weixin.qq.com），在「设置与开发 → 公众号设置 → 授权管理」中取消对本平台的授权，然后再确认解绑。',
    MOCK_FAULT: '服务暂时不可用（模拟故障），请稍后重试。',
    NETWORK: '网络连接失败，请检查网络后重试。',
    TIMEOUT: '服务器响应超时，请稍后重试。',
    WECHAT_40007: '素材不可用：它不是本公众号的素材、类型不符或已过期（微信错误 40007）。请从素材库重新选择。',
    WECHAT_40016: '菜单按钮数量不符合微信的规定：一级菜单最多 3 个，每个一级菜单下最多 5 个子菜单。',
    WECHAT_40017: '菜单中有微信不支持的按钮类型，请检查每个按钮的类型。',
    WECHAT_40018: '一级菜单名称过长：最多 16 个字节（一个汉字占 3 个字节）。',
    WECHAT_40025: '子菜单名称过长：最多 60 个字节（一个汉字占 3 个字节）。',
    WECHAT_45009: '该公众号今天调用此功能的次数已达到微信的上限，请明天再试。',
    WECHAT_45015: '已超过回复时限：只能在粉丝发来消息后的 48 小时内回复。粉丝再次发来消息后即可回复。',
    WECHAT_45028: '群发次数已用完：服务号每月可群发 4 次，订阅号每天可群发 1 次。',
    WECHAT_45065: '这条群发已经提交过，微信不会重复发送。',
    WECHAT_48001: '该公众号没有此功能的接口权限。请确认公众号的类型和认证状态支持此功能，并在重新授权时勾选相应的权限。',
    WECHAT_48003: '该公众号尚未同意微信的群发协议。请登录微信公众平台（mp.weixin.qq.com），在群发功能页面同意协议后重试。',
    wechatOther: '微信拒绝了此请求（错误码 {{errcode}}）。',
    unknownStatus: '服务器暂时无法处理此请求（状态码 {{status}}），请稍后重试。',
    unknown: '发生未知错误，请稍后重试。',
  },
  stale: {
    changed: '这项内容在你打开后已被修改（可能是其他同事，或你在另一个标签页中）。你填写的内容仍在这里，尚未覆盖那次修改。',
    changedAt: '这项内容在你打开后已于 {{at}} 被修改（可能是其他同事，或你在另一个标签页中）。你填写的内容仍在这里，尚未覆盖那次修改。',
    keepMine: '仍保存我的修改（覆盖那次修改）',
    takeTheirs: '改用最新内容（放弃我的修改）',
  },
} as const;

/** The shape both languages share: the same keys, any string values. */
export type UiTranslation = Widen<typeof UI_ZH_CN>;

type Widen<T> = { -readonly [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };
