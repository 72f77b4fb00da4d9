/** `wx-account-picker`: the user's accounts (type and verification shown), single or multiple. */
export { AccountPicker } from './account-picker';
