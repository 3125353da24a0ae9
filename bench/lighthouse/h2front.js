// A stand-in for the HTTPS front production runs behind (nginx, README "Production"): HTTP/2 over
// TLS on 127.0.0.1, passing every request to the gunicorn behind it (adding X-Forwarded-Proto). For
// `bench/lighthouse.py` (its HTTP/2 pass), which makes the throwaway certificate and starts this with
//   node h2front.js <listen port> <gunicorn port> <cert.pem> <key.pem>
// A browser sends its requests over one connection here, as it would to a real front; over
// HTTP/1.1 it opens at most six and queues the rest.
import http from 'node:http';
import http2 from 'node:http2';
import { readFileSync } from 'node:fs';

const [port, upstream, cert, key] = process.argv.slice(2);
// Connection-level headers belong to each hop, not to the request or the response.
const HOP = new Set(['connection', 'keep-alive', 'proxy-connection', 'transfer-encoding', 'upgrade', 'http2-settings']);

const server = http2.createSecureServer({ cert: readFileSync(cert), key: readFileSync(key), allowHTTP1: true });
server.on('request', (req, res) => {
  const headers = Object.fromEntries(Object.entries(req.headers).filter(([name]) => !name.startsWith(':') && !HOP.has(name)));
  headers.host = req.headers[':authority'] || req.headers.host;
  headers['x-forwarded-proto'] = 'https';
  const out = http.request({ host: '127.0.0.1', port: Number(upstream), method: req.method, path: req.url, headers }, (answer) => {
    const back = Object.fromEntries(Object.entries(answer.headers).filter(([name]) => !HOP.has(name)));
    res.writeHead(answer.statusCode, back);
    answer.pipe(res);
  });
  out.on('error', (error) => {
    res.writeHead(502);
    res.end(String(error));
  });
  req.pipe(out);
});
server.listen(Number(port), '127.0.0.1', () => process.stdout.write('ready\n'));
