// For the server's unit tests: a request listener on a free loopback port.
import { createServer, type RequestListener } from 'node:http';

export async function listen(listener: RequestListener): Promise<{ base: string; close: () => Promise<void> }> {
	const server = createServer(listener);
	await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
	const a = server.address();
	if (!a || typeof a === 'string') throw new Error('the test server has no TCP address');
	return {
		base: `http://127.0.0.1:${a.port}`,
		close: () =>
			new Promise<void>((r) => {
				server.close(() => r());
				server.closeAllConnections();
			})
	};
}
