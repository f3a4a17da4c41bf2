/**
 * `npm run edit`: the editor (Sveltia CMS) against this working copy. Serves the editor's page on
 * 127.0.0.1 only; in Chrome or Edge, "Work with Local Repository" then reads and writes the files
 * of the folder you pick, and nothing leaves the machine. `--print-config` prints the config
 * generated from the schemas (YAML) and exits.
 *
 *   node scripts/edit.ts [--port <n>] [--content <dir>] [--print-config]
 */
import { createServer } from 'node:http';
import path from 'node:path';
import YAML from 'yaml';
import { ADMIN_PATH, adminFiles } from '../src/lib/editor/admin-page.ts';
import { cmsConfig } from '../src/lib/editor/cms-config.ts';
import { readEditorPrograms } from '../src/lib/editor/programs.ts';
import { contentRoot } from '../src/lib/content/layout.ts';
import { CliError, colour, parseCommandLine, runMain } from './lib/cli.ts';

const projectRoot = path.resolve(import.meta.dirname, '..');

const USAGE = `Usage: npm run edit -- [--port <n>] [--content <dir>] [--print-config]

Serves the editor at http://127.0.0.1:<port>/${ADMIN_PATH}/ (port 4322 unless given) for editing this
working copy in Chrome or Edge. --print-config prints the editor's config, generated from the
content schemas, and exits.`;

const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.woff2': 'font/woff2' };

async function main(): Promise<number> {
	const { values, positionals } = parseCommandLine(
		process.argv.slice(2),
		{ port: { type: 'string' }, content: { type: 'string' }, 'print-config': { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
		USAGE,
	);
	if (values.help) {
		console.log(USAGE);
		return 0;
	}
	if (positionals.length) throw new CliError(`edit takes no arguments, found ${positionals.map((p) => `"${p}"`).join(', ')}\n\n${USAGE}`);
	const contentDir = typeof values.content === 'string' ? path.resolve(values.content) : contentRoot(projectRoot);
	const relative = path.relative(projectRoot, contentDir).split(path.sep).join('/');
	if (!relative || relative.startsWith('..') || path.isAbsolute(relative)) {
		throw new CliError(`expected a content folder inside this repository (the editor opens the repository's folder), found ${contentDir}`);
	}
	const config = cmsConfig({ contentDir: relative, programs: readEditorPrograms(contentDir), localFolder: path.basename(projectRoot) });
	if (values['print-config']) {
		process.stdout.write(YAML.stringify(config, { lineWidth: 0 }));
		return 0;
	}
	const port = values.port === undefined ? 4322 : Number(values.port);
	if (!Number.isInteger(port) || port < 0 || port > 65535) throw new CliError(`expected --port to be a port number like 4322, found "${values.port}"`);

	const files = adminFiles({ config, title: 'Credence editor (this working copy)' });
	const server = createServer((request, response) => {
		const url = new URL(request.url ?? '/', 'http://127.0.0.1');
		if (url.pathname === '/' || url.pathname === `/${ADMIN_PATH}`) {
			response.writeHead(302, { location: `/${ADMIN_PATH}/` }).end();
			return;
		}
		const name = url.pathname === `/${ADMIN_PATH}/` ? 'index.html' : url.pathname.slice(`/${ADMIN_PATH}/`.length);
		const body = url.pathname.startsWith(`/${ADMIN_PATH}/`) ? files.get(name) : undefined;
		if (body === undefined || request.method !== 'GET') {
			response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found: the editor is at /admin/\n');
			return;
		}
		response.writeHead(200, { 'content-type': TYPES[path.extname(name)] ?? 'application/octet-stream', 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' }).end(body);
	});
	await new Promise<void>((resolve, reject) => {
		server.once('error', (cause: NodeJS.ErrnoException) =>
			reject(cause.code === 'EADDRINUSE' ? new CliError(`port ${port} is in use: stop what runs there, or choose another with --port <n>`) : cause),
		);
		server.listen(port, '127.0.0.1', resolve);
	});
	const address = server.address();
	const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : port}/${ADMIN_PATH}/`;
	console.log(`${colour.bold('The editor is running at')} ${colour.cyan(url)}

  1. Open it in Chrome or Edge (other browsers cannot open a folder on disk).
  2. Click "Work with Local Repository" and choose this folder: ${projectRoot}
     (the one with .git in it). Edits are saved straight into ${relative}/.
  3. When you are done, stop the editor (Ctrl+C) and run:
       npm run check          every saved file is checked as the build will
       git add ${relative}
       git commit -m "Add the story about …"
     then push your branch and open a pull request.

Press Ctrl+C to stop.`);
	await new Promise<void>((resolve) => {
		process.once('SIGINT', resolve);
		process.once('SIGTERM', resolve);
	});
	server.close();
	return 0;
}

runMain(main);
