import { loadEmbeddedPostgres } from './embedded-postgres.mjs';

export default async function setup() {
  await loadEmbeddedPostgres();
}
