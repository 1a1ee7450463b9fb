// A typed client for DiplomacyGraph: openapi-fetch over the types openapi-typescript generates from
// openapi/v1.json (src/schema.d.ts, written by `npm run generate`, not committed). `npm run build` type-checks it.
import createClient from "openapi-fetch";
import type { components, paths } from "./schema";

export type { components, paths };
export type PathAnswer = components["schemas"]["PathDto"];

/** A client for the service at `baseUrl`, e.g. http://localhost:5080. */
export function diplomacyGraph(baseUrl: string, fetchImpl?: typeof fetch) {
  return createClient<paths>({ baseUrl, fetch: fetchImpl });
}

/** How two nodes are connected: the names along the shortest path, or null when none is within reach. */
export async function connection(baseUrl: string, from: string, to: string): Promise<string[] | null> {
  const { data, error, response } = await diplomacyGraph(baseUrl).GET("/api/paths/shortest", {
    params: { query: { from, to } },
  });
  if (error !== undefined || data === undefined) {
    throw new Error(`GET /api/paths/shortest answered ${response.status}`);
  }
  const path: PathAnswer = data;
  return path.found ? (path.nodes ?? []).map((node) => node.name ?? node.id ?? "") : null;
}

/** An actor's name, by id. */
export async function actorName(baseUrl: string, id: string): Promise<string> {
  const { data, response } = await diplomacyGraph(baseUrl).GET("/api/actors/{id}", { params: { path: { id } } });
  if (data === undefined) throw new Error(`GET /api/actors/${id} answered ${response.status}`);
  return data.name ?? id;
}
