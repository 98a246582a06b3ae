import { readFileSync, writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import { CATALOGUE_FILE, catalogueText, EVENTS_DOC, generateCatalogue, ROOT } from './event-schema-catalogue';
import { catalogueSection, withCatalogueSection } from './events-doc';

/** `npm run events:schemas`: writes the event schemas and the generated section of docs/events.md. */
async function main(): Promise<void> {
  const catalogue = generateCatalogue();
  writeFileSync(CATALOGUE_FILE, catalogueText(catalogue));
  writeFileSync(EVENTS_DOC, withCatalogueSection(readFileSync(EVENTS_DOC, 'utf8'), catalogueSection(catalogue)));
  console.log(`${catalogue.types.length} event types → ${relative(ROOT, CATALOGUE_FILE)}, ${relative(ROOT, EVENTS_DOC)}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
