/**
 * A department may be allocated bound accounts only.
 * @returns {{field: string, message: string}[]} one error per offending entry
 */
export function allocationErrors(appids, boundAppids) {
  return appids.flatMap((appid, i) =>
    boundAppids.includes(appid) ? [] : [{ field: `appids[${i}]`, message: `${appid} is not a bound WeChat account` }],
  );
}
