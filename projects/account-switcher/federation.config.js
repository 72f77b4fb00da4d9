// Native Federation config of the account-switcher module: the header switcher and the
// Enterprise settings › WeChat accounts page are two single-spa applications.
module.exports = require('../../federation.shared.js')('account-switcher', {
  './switcher': './projects/account-switcher/src/switcher.lifecycles.ts',
  './settings': './projects/account-switcher/src/settings.lifecycles.ts',
});
