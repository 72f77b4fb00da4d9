import { Pipe, PipeTransform } from '@angular/core';
import type { ValidationErrors } from '@angular/forms';

/** A control's first error as `{key, params}` for the transloco pipe (`qrCodes.errors.<name>`). */
@Pipe({ name: 'fieldError' })
export class FieldErrorPipe implements PipeTransform {
  transform(errors: ValidationErrors | null | undefined): { key: string; params: Record<string, unknown> } | null {
    if (!errors) return null;
    const [name, value] = Object.entries(errors)[0];
    const params = typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : { message: value };
    return { key: `qrCodes.errors.${name}`, params };
  }
}
