import { currentSchemaVersion, upcast, type UpcasterRegistry } from './event-schema';

describe('upcasting stored events', () => {
  // given: a type whose v1 had `hours` as a number, v2 renamed it, v3 made it a string
  const registry: UpcasterRegistry = {
    Logged: [({ hours, ...rest }) => ({ ...rest, hoursWorked: hours }), ({ hoursWorked, ...rest }) => ({ ...rest, hoursWorked: String(hoursWorked) })],
  };

  it('raises a v1 event through every upcaster to the current version', () => {
    expect(upcast({ type: 'Logged', data: { id: 'e1', hours: 2 }, schemaVersion: 1 }, registry)).toEqual({
      type: 'Logged',
      data: { id: 'e1', hoursWorked: '2' },
    });
  });

  it('applies only the upcasters after the version the event was written with', () => {
    expect(upcast({ type: 'Logged', data: { id: 'e1', hoursWorked: 2 }, schemaVersion: 2 }, registry).data).toEqual({ id: 'e1', hoursWorked: '2' });
  });

  it('leaves current events and types without upcasters unchanged; an absent version means 1', () => {
    expect(upcast({ type: 'Logged', data: { hoursWorked: '2' }, schemaVersion: 3 }, registry).data).toEqual({ hoursWorked: '2' });
    expect(upcast({ type: 'Other', data: { a: 1 } }, registry).data).toEqual({ a: 1 });
    expect(currentSchemaVersion('Logged', registry)).toBe(3);
    expect(currentSchemaVersion('Other', registry)).toBe(1);
  });
});
