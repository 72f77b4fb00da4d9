import { Injectable } from '@angular/core';
import { DefaultTranspiler, type TranspileParams } from '@jsverse/transloco';

/** The key of a string's singular form: `items_one` beside `items`. */
export const ONE_SUFFIX = '_one';

/**
 * English strings with a count need a singular ("1 item", not "1 items"); Chinese has no plural forms.
 * A translation may give the singular under `<key>_one`: it is used when the `count` parameter is 1
 * (English's rule; a number, or the text a number pipe made of it). Without such a key, or for any other
 * count, the string itself. Intl's plural rules and ICU message syntax (transloco-messageformat, ~30 KiB)
 * would be the way for languages with more forms; our two need this much.
 */
@Injectable()
export class PluralTranspiler extends DefaultTranspiler {
  override transpile(params: TranspileParams): unknown {
    const { value, params: values, translation, key } = params;
    if (typeof value === 'string' && key && isOne(values?.['count'])) {
      const one = translation[`${key}${ONE_SUFFIX}`];
      if (typeof one === 'string') return super.transpile({ ...params, value: one });
    }
    return super.transpile(params);
  }
}

function isOne(count: unknown): boolean {
  return count === 1 || (typeof count === 'string' && count.trim() === '1');
}
