// Runs the peer libraries over the same messages as the detector benchmark and
// prints their throughput, one line per peer:
//   peer=linkify-it messages=... megabytes=... seconds=... mb_per_s=... found=...
// Peers: @microsoft/recognizers-text-sequence (phone, e-mail, URL), linkify-it,
// libphonenumber-js findNumbers. Single thread (Node), like the detector's 1-thread run.
'use strict';

const fs = require('fs');
const Sequence = require('@microsoft/recognizers-text-sequence');
const linkifyModule = require('linkify-it');
const LinkifyIt = linkifyModule.LinkifyIt || linkifyModule.default || linkifyModule;
const { findNumbers } = require('libphonenumber-js');

const messages = fs.readFileSync(process.argv[2], 'utf8').split('\n').filter(Boolean)
    .map((line) => JSON.parse(line).text);
const megabytes = messages.reduce((sum, text) => sum + Buffer.byteLength(text, 'utf8'), 0) / 1e6;

function run(name, find) {
    find('warm up: call +1 415 555 0132 or jdoe@example.com https://example.com');
    const start = process.hrtime.bigint();
    let found = 0;
    for (const text of messages)
        found += find(text);
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    console.log(`peer=${name} messages=${messages.length} megabytes=${megabytes.toFixed(2)} ` +
        `seconds=${seconds.toFixed(3)} mb_per_s=${(megabytes / seconds).toFixed(2)} ` +
        `messages_per_s=${(messages.length / seconds).toFixed(0)} found=${found}`);
}

const only = (process.argv[3] || 'linkify-it,libphonenumber-js,recognizers-text').split(',');
if (only.includes('linkify-it')) {
    const linkify = new LinkifyIt();
    run('linkify-it', (text) => (linkify.match(text) || []).length);
}
if (only.includes('libphonenumber-js'))
    run('libphonenumber-js', (text) => findNumbers(text, 'US', { v2: true }).length);
if (only.includes('recognizers-text')) {
    const culture = Sequence.Culture.English;
    run('recognizers-text', (text) =>
        Sequence.recognizePhoneNumber(text, culture).length +
        Sequence.recognizeEmail(text, culture).length +
        Sequence.recognizeURL(text, culture).length);
}
