/**
 * The addresses renamed or withdrawn items leave behind, handed to the build: the hostRedirects
 * integration (src/integrations/host-redirects.ts) writes them into `_redirects`, keeps them out
 * of the sitemap, and deletes this file before the site is published.
 */
import type { APIRoute } from 'astro';
import { retiredAddresses } from '../data/content';
import { serializeRetired } from '../lib/host-files';

export const GET: APIRoute = async () => new Response(serializeRetired(await retiredAddresses()), { headers: { 'Content-Type': 'application/json' } });
