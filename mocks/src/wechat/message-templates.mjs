/**
 * WeChat's side of template messages (模板消息), as the mock serves it.
 *
 * `PRIVATE_TEMPLATES` are the templates WeChat holds for every verified service account before the
 * suite syncs (what `template/get_all_private_template` lists). `INDUSTRY_LIBRARY` is the part of
 * WeChat's public template library an account may add with `template/api_add_template`, by its short
 * id. Contents use WeChat's current field kinds (thing, character_string, time, amount, phrase, …);
 * there are no first/remark lines since WeChat dropped them in 2023.
 */

export const PRIVATE_TEMPLATES = [
  {
    shortId: 'OPENTM207940503',
    title: '订单发货通知',
    primaryIndustry: 'IT科技',
    deputyIndustry: '互联网|电子商务',
    content: '商品名称：{{thing1.DATA}}\n订单编号：{{character_string2.DATA}}\n发货时间：{{time3.DATA}}\n订单金额：{{amount4.DATA}}\n物流状态：{{phrase5.DATA}}',
    example: '商品名称：Dmartech 智能音箱\n订单编号：DM20261111001\n发货时间：2026年11月11日 10:30\n订单金额：¥299.00\n物流状态：已发货',
  },
  {
    shortId: 'OPENTM411187001',
    title: '会员积分变动提醒',
    primaryIndustry: 'IT科技',
    deputyIndustry: '互联网|电子商务',
    content: '会员卡号：{{character_string1.DATA}}\n变动积分：{{number2.DATA}}\n变动原因：{{thing3.DATA}}\n变动时间：{{time4.DATA}}',
    example: '会员卡号：VIP-88231\n变动积分：120\n变动原因：双十一购物奖励\n变动时间：2026年11月12日 09:00',
  },
  {
    shortId: 'OPENTM405880104',
    title: '活动报名成功通知',
    primaryIndustry: '文体娱乐',
    deputyIndustry: '文化|传媒',
    content: '活动名称：{{thing1.DATA}}\n活动日期：{{date2.DATA}}\n活动地点：{{thing3.DATA}}\n报名状态：{{phrase4.DATA}}',
    example: '活动名称：Dmartech 营销峰会\n活动日期：2026年12月5日\n活动地点：上海国际会议中心\n报名状态：已确认',
  },
  {
    shortId: 'OPENTM400231012',
    title: '退款成功通知',
    primaryIndustry: 'IT科技',
    deputyIndustry: '互联网|电子商务',
    content: '退款金额：{{amount1.DATA}}\n退款单号：{{character_string2.DATA}}\n退款时间：{{time3.DATA}}\n退款原因：{{thing4.DATA}}',
    example: '退款金额：¥59.90\n退款单号：RF20261113007\n退款时间：2026年11月13日 16:20\n退款原因：商品尺码不合适',
  },
  {
    shortId: 'OPENTM418092277',
    title: '预约提醒',
    primaryIndustry: '消费品',
    deputyIndustry: '消费品',
    content: '预约项目：{{thing1.DATA}}\n预约时间：{{time2.DATA}}\n门店名称：{{thing3.DATA}}\n联系电话：{{phone_number4.DATA}}',
    example: '预约项目：会员专享护理\n预约时间：2026年11月20日 14:00\n门店名称：静安嘉里中心店\n联系电话：021-62881234',
  },
];

export const INDUSTRY_LIBRARY = [
  ...PRIVATE_TEMPLATES,
  {
    shortId: 'OPENTM417751234',
    title: '优惠券到账通知',
    primaryIndustry: 'IT科技',
    deputyIndustry: '互联网|电子商务',
    content: '优惠券名称：{{thing1.DATA}}\n优惠金额：{{amount2.DATA}}\n有效期至：{{date3.DATA}}',
    example: '优惠券名称：新客满减券\n优惠金额：¥20.00\n有效期至：2026年12月31日',
  },
  {
    shortId: 'OPENTM406539015',
    title: '课程开课提醒',
    primaryIndustry: '教育',
    deputyIndustry: '培训',
    content: '课程名称：{{thing1.DATA}}\n开课时间：{{time2.DATA}}\n课程编号：{{character_string3.DATA}}',
    example: '课程名称：私域运营实战\n开课时间：2026年11月28日 19:30\n课程编号：C2026-112',
  },
];
