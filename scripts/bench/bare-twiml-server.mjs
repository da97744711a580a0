// The floor of the webhook benchmark: a bare node:http server that reads the request and answers fixed TwiML.
import { createServer } from 'node:http';

const TWIML = '<?xml version="1.0" encoding="UTF-8"?><Response><Say>Thanks for calling.</Say><Hangup/></Response>';
const server = createServer((request, response) => {
  request.resume();
  request.on('end', () => {
    response.writeHead(200, { 'content-type': 'text/xml; charset=utf-8' });
    response.end(TWIML);
  });
});
server.keepAliveTimeout = 30_000;
server.listen(Number(process.env.PORT), '127.0.0.1');
process.on('SIGTERM', () => server.close(() => process.exit(0)));
