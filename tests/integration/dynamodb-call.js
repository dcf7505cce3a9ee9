// dynamodb-call.js ENDPOINT OPERATION [JSON]: one DynamoDB JSON-protocol request, the answer's
// body on stdout; exit 0 on HTTP 2xx, 1 otherwise. An independent client for checking what
// ddbsynth did (dynalite checks that a SigV4 header is there, not what it signs).
'use strict';
const http = require('http');
const [endpoint, operation, body = '{}'] = process.argv.slice(2);
const url = new URL(endpoint);
if (!['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname)) {
  console.error('dynamodb-call.js talks to loopback only, not ' + url.hostname);
  process.exit(2);
}
const date = new Date().toISOString().replace(/[-:]|\.\d{3}/g, '');
const req = http.request({
  host: url.hostname, port: url.port, path: '/', method: 'POST', timeout: 10000,
  headers: {
    'Content-Type': 'application/x-amz-json-1.0',
    'X-Amz-Target': 'DynamoDB_20120810.' + operation,
    'X-Amz-Date': date,
    Authorization: `AWS4-HMAC-SHA256 Credential=UNUSED/${date.slice(0, 8)}/us-east-1/dynamodb/aws4_request, ` +
      'SignedHeaders=content-type;host;x-amz-date;x-amz-target, Signature=0',
  },
}, (res) => {
  let out = '';
  res.on('data', (d) => { out += d; });
  res.on('end', () => { console.log(out); process.exit(res.statusCode < 300 ? 0 : 1); });
});
req.on('timeout', () => { console.error('timeout'); req.destroy(); process.exit(1); });
req.on('error', (e) => { console.error(e.message); process.exit(1); });
req.end(body);
