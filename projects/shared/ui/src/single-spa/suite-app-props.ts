import type { AccountContext } from '@wechat-mfe/account-context';

/**
 * The custom props the shell gives every application and parcel (ARCHITECTURE §3–§4), next to
 * single-spa's own (`name`, `mountParcel`, `domElement` for parcels).
 */
export interface SuiteAppProps {
  /** The one account context of the page. */
  readonly context: AccountContext;
  /** The page's CSP nonce: Angular and the CDK stamp it on the style elements they add. */
  readonly cspNonce: string;
  /** Where the suite API lives ('/api' on the same origin). */
  readonly apiBase: string;
  /** Loads a parcel listed in the manifest's `parcels`. */
  readonly loadParcel?: (name: string) => Promise<unknown>;
  /** single-spa's application (or parcel) name. */
  readonly name: string;
  /** Given for parcels: the element to render into. */
  readonly domElement?: HTMLElement;
}
