import { hash32, pick, recordRandom } from '../src/lib/prng.mjs';

/**
 * What the host suite learned about some people (forms, purchases): name, phone, email.
 * WeChat never tells these; a shared phone or email is what merges two fans into one contact.
 */

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高';
const GIVEN = ['伟', '芳', '娜', '敏', '静', '磊', '洋', '艳', '勇', '军', '杰', '娟', '涛', '明', '超', '秀英', '晓东', '思远', '雨欣', '子涵'];
const PEOPLE_SEED = hash32('people');

/** Of the people who follow both Dmartech accounts, the even ones are known by phone/email. */
export const isMergedSharedPerson = (person, sharedCount) => person < sharedCount && person % 2 === 0;

export function knownProfile(person, { merged }) {
  const random = recordRandom(PEOPLE_SEED, person);
  const known = merged || random() < 0.08;
  if (!known) return null;
  const name = pick(random, [...SURNAMES]) + pick(random, GIVEN);
  return {
    name,
    phone: `139${String(person).padStart(8, '0')}`,
    email: merged || random() < 0.5 ? `fan${person}@example.com` : null,
  };
}
