import { describe, expect, it } from 'vitest';
import { defaultStep, findParams } from '../../../src/live/snippet-params';

describe('findParams', () => {
  it('reads name, default and options of each param call', () => {
    const source = "const lr = param('lr', 0.1, { min: 0.001, max: 1, step: 0.001, label: '学习率' });\nconst depth = param(\"depth\", 8);";
    expect(findParams(source)).toEqual([
      { name: 'lr', initial: 0.1, min: 0.001, max: 1, step: 0.001, label: '学习率' },
      { name: 'depth', initial: 8, label: 'depth' },
    ]);
  });

  it('keeps the first call of a name and reads negative and exponent numbers', () => {
    expect(findParams("param('b', -5e-1, { min: -10 }); param('b', 3)")).toEqual([{ name: 'b', initial: -0.5, min: -10, label: 'b' }]);
  });

  it('gives no control to calls with computed arguments', () => {
    expect(findParams('param(name, 1); param("x", y)')).toEqual([]);
  });
});

describe('defaultStep', () => {
  it('steps whole numbers by 1 and ranges in about 100 positions', () => {
    expect(defaultStep({ name: 'd', initial: 8, min: 1, max: 20, label: 'd' })).toBe(1);
    expect(defaultStep({ name: 'a', initial: 0.01, min: 0, max: 0.5, label: 'a' })).toBe(0.005);
  });
});
