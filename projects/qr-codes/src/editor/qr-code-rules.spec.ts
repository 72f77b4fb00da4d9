import { FormControl, FormGroup } from '@angular/forms';
import { controlForField, customExpiryRule, customExpirySeconds, sceneRule, tagsRule, textRule } from './qr-code-rules';

describe('QR code form rules', () => {
  const sceneErrors = (kind: string, sceneType: string, scene: string) => {
    const group = new FormGroup({ kind: new FormControl(kind), sceneType: new FormControl(sceneType), scene: new FormControl(scene, sceneRule) });
    // Validators that read siblings run again once the control has its parent.
    group.controls.scene.updateValueAndValidity();
    return group.controls.scene.errors;
  };

  it('bounds numeric scenes by kind: temporary 32-bit non-zero, permanent 1–100000', () => {
    expect(sceneErrors('temporary', 'number', '0')).toEqual({ sceneRange: { max: 4_294_967_295 } });
    expect(sceneErrors('temporary', 'number', '4294967295')).toBeNull();
    expect(sceneErrors('temporary', 'number', '4294967296')).not.toBeNull();
    expect(sceneErrors('permanent', 'number', '100000')).toBeNull();
    expect(sceneErrors('permanent', 'number', '100001')).toEqual({ sceneRange: { max: 100_000 } });
    expect(sceneErrors('permanent', 'number', '12a')).not.toBeNull();
  });

  it('takes 1–64 character strings, counting an emoji as one', () => {
    expect(sceneErrors('permanent', 'string', '')).toEqual({ required: true });
    expect(sceneErrors('permanent', 'string', '😀'.repeat(64))).toBeNull();
    expect(sceneErrors('permanent', 'string', 'x'.repeat(65))).toEqual({ tooLong: { max: 64, length: 65 } });
  });

  it('keeps custom expiries between 60 s and 30 days', () => {
    const errors = (amount: number | null, unit: string) => {
      const group = new FormGroup({ expiryUnit: new FormControl(unit), expiryAmount: new FormControl(amount, customExpiryRule) });
      group.controls.expiryAmount.updateValueAndValidity();
      return group.controls.expiryAmount.errors;
    };
    expect(errors(30, 'days')).toBeNull();
    expect(errors(31, 'days')).toEqual({ expiryTooLong: true });
    expect(errors(720, 'hours')).toBeNull();
    expect(errors(0, 'minutes')).toEqual({ wholeNumber: true });
    expect(customExpirySeconds(2, 'hours')).toBe(7200);
    expect(customExpirySeconds(1.5, 'hours')).toBeNull();
  });

  it('checks names, tags and maps server fields to controls', () => {
    expect(textRule(64)(new FormControl('   '))).toEqual({ required: true });
    expect(textRule(3)(new FormControl('abcd'))).toEqual({ tooLong: { max: 3, length: 4 } });
    expect(tagsRule(new FormControl(Array.from({ length: 21 }, (_, i) => i)))).toEqual({ tooManyTags: { max: 20 } });
    expect(controlForField('sceneStr')).toBe('scene');
    expect(controlForField('reply.content')).toBe('replyContent');
    expect(controlForField('body')).toBeNull();
  });
});
