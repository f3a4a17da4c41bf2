/** The browser's localStorage, if it lets this file save (some refuse file:// pages, or by policy). */
export function openStorage(probeKey: string): Storage | null {
	try {
		const storage = window.localStorage;
		storage.setItem(probeKey, '1');
		storage.removeItem(probeKey);
		return storage;
	} catch {
		return null;
	}
}
