// fake-endpoint.js hang|html|refuse: an HTTP server on 127.0.0.1 and a free port that is not
// DynamoDB Local: `hang` accepts requests and never answers, `html` answers 404 with a web page,
// `refuse` answers as DynamoDB in AWS answers dummy credentials. Prints "port N"; stops by
// itself after 60 s.
'use strict';
const http = require('http');
const mode = process.argv[2];
const server = http.createServer((req, res) => {
  if (mode === 'html') {
    res.writeHead(404, { 'Content-Type': 'text/html' });
    res.end('<html><body>Not Found</body></html>\n');
  } else if (mode === 'refuse') {
    res.writeHead(400, { 'Content-Type': 'application/x-amz-json-1.0' });
    res.end(JSON.stringify({ __type: 'com.amazon.coral.service#UnrecognizedClientException',
      message: 'The security token included in the request is invalid.' }));
  }
});
server.listen(0, '127.0.0.1', () => console.log('port ' + server.address().port));
setTimeout(() => process.exit(0), 60000).unref();
