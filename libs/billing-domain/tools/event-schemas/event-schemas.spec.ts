import { readFileSync } from 'node:fs';
import { SCHEMA_CHANGES } from '../../src/shared/event-schema-changes';
import { currentSchemaVersion, UPCASTERS } from '../../src/shared/event-schema';
import type { EventSchemaCatalogue, JsonSchema } from '../../src/shared/published-event-schemas';
import { CATALOGUE_FILE, catalogueText, EVENTS_DOC, generateCatalogue } from './event-schema-catalogue';
import { BEGIN_MARKER, catalogueSection, END_MARKER, withCatalogueSection } from './events-doc';

const REGENERATE = 'the event types changed: run `npm run events:schemas` and commit what it writes';

describe('the published event contract', () => {
  let generated: EventSchemaCatalogue;
  beforeAll(() => {
    generated = generateCatalogue();
  });

  const typeSchema = (type: string) => generated.types.find((entry) => entry.type === type)!;
  const propertiesOf = (schema: JsonSchema | null) => Object.keys((schema?.properties ?? {}) as object);

  it('the committed JSON Schemas are the ones the event types generate', () => {
    // given: the schemas generated from the code now
    const expected = catalogueText(generated);
    // then: the committed file is the same, byte for byte
    const committed = readFileSync(CATALOGUE_FILE, 'utf8');
    if (committed !== expected) throw new Error(`${CATALOGUE_FILE} is stale: ${REGENERATE}`);
  });

  it("docs/events.md's generated section is the one the event types generate", () => {
    const doc = readFileSync(EVENTS_DOC, 'utf8');
    expect(doc).toContain(BEGIN_MARKER);
    expect(doc).toContain(END_MARKER);
    if (withCatalogueSection(doc, catalogueSection(generated)) !== doc) throw new Error(`docs/events.md is stale: ${REGENERATE}`);
  });

  it('a changed field shows: the check compares the section, not just its presence', () => {
    // given: the doc as generated, then one field's type changed by hand
    const doc = withCatalogueSection(readFileSync(EVENTS_DOC, 'utf8'), catalogueSection(generated));
    const edited = doc.replace('| `chargeId` | `string` |', '| `chargeId` | `number` |');
    expect(edited).not.toBe(doc);
    // then: regenerating gives the doc back, so the test above would have failed on the edit
    expect(withCatalogueSection(edited, catalogueSection(generated))).toBe(doc);
  });

  it('lists every event type once, at its current schema version', () => {
    const types = generated.types.map((entry) => entry.type);
    expect(new Set(types).size).toBe(types.length);
    for (const type of ['ItemPosted', 'InvoiceGenerated', 'TimeEntryLogged', 'ContractCreated', 'ApiKeyIssued']) expect(types).toContain(type);
    for (const entry of generated.types) {
      expect(entry.schemaVersion).toBe(currentSchemaVersion(entry.type));
      expect(entry.schema.title).toBe(`${entry.type} v${entry.schemaVersion} data`);
      expect(entry.earlierVersions.map((earlier) => earlier.schemaVersion)).toEqual(Array.from({ length: entry.schemaVersion - 1 }, (_, i) => i + 1));
    }
  });

  it('describes every upcaster, and names every field it fills in', () => {
    for (const [type, upcasters] of Object.entries(UPCASTERS)) {
      const changes = SCHEMA_CHANGES[type] ?? [];
      expect({ type, changes: changes.length }).toEqual({ type, changes: upcasters.length });
      upcasters.forEach((upcaster, i) => {
        // when: the upcaster raises an event that had none of the later fields
        const filledIn = Object.keys(upcaster({}));
        // then: each field it adds is one the change says the version added
        const added = (changes[i].addedFields ?? []).map((path) => path.split('.')[0]);
        for (const field of filledIn) expect({ type, field, added: added.includes(field) }).toEqual({ type, field, added: true });
      });
    }
    for (const type of Object.keys(SCHEMA_CHANGES)) expect(UPCASTERS[type]).toBeDefined();
  });

  it('an earlier version is the current schema without the fields added since (ChargeRecorded, ItemApproved, ItemPosted)', () => {
    // ChargeRecorded v2 added resourceId
    const charge = typeSchema('ChargeRecorded');
    expect(charge.schemaVersion).toBe(2);
    expect(propertiesOf(charge.schema)).toContain('resourceId');
    expect(charge.schema.required).toContain('resourceId');
    const v1 = charge.earlierVersions[0];
    expect(v1).toMatchObject({ schemaVersion: 1, upcastTo: 2 });
    expect(propertiesOf(v1.schema)).toEqual(propertiesOf(charge.schema).filter((field) => field !== 'resourceId'));
    expect(v1.schema!.required).not.toContain('resourceId');
    expect(v1.schema!.title).toBe('ChargeRecorded v1 data');

    // ItemApproved v2 added two fields inside `overrides`
    const approved = typeSchema('ItemApproved').earlierVersions[0].schema!;
    expect(propertiesOf((approved.properties as Record<string, JsonSchema>).overrides)).toEqual(['hoursToBill', 'hourlyRate', 'amount']);

    // ItemPosted v2 added overrides and routingOverride
    expect(propertiesOf(typeSchema('ItemPosted').earlierVersions[0].schema)).not.toEqual(expect.arrayContaining(['overrides']));
    expect(propertiesOf(typeSchema('ItemPosted').earlierVersions[0].schema)).not.toEqual(expect.arrayContaining(['routingOverride']));
  });

  it('money and hours are strings in the schemas, never numbers', () => {
    const posted = typeSchema('ItemPosted').schema.properties as Record<string, JsonSchema>;
    for (const field of ['quantity', 'rate', 'amount', 'tax', 'cost']) expect({ field, type: posted[field].type }).toEqual({ field, type: 'string' });
  });

  it('the metadata schema requires the five fields every event carries', () => {
    expect(generated.metadata.required).toEqual(['actor', 'actorRole', 'correlationId', 'causationId', 'occurredAt']);
    expect(propertiesOf(generated.metadata)).toContain('reason');
  });

  it('the hand-written type descriptions of docs/events.md name the current versions', () => {
    // `### \`ItemPosted\` (v2), stream …` and `#### \`A\`, \`B\` (v1), stream …`
    const headings = [...readFileSync(EVENTS_DOC, 'utf8').matchAll(/^#{3,4} ((?:`\w+`(?:, )?)+) \(v(\d+)\)/gm)];
    expect(headings.length).toBeGreaterThan(40);
    const known = new Set(generated.types.map((entry) => entry.type));
    for (const [, names, version] of headings)
      for (const [, type] of names.matchAll(/`(\w+)`/g)) {
        expect({ type, known: known.has(type) }).toEqual({ type, known: true });
        expect({ type, version: Number(version) }).toEqual({ type, version: currentSchemaVersion(type) });
      }
  });
});
