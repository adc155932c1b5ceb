#pragma once

#include "ConversationRecord.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

namespace cg {

class Detector;

// The outcome of reading one conversation: the record, or why it was refused.
struct ConversationJsonResult
{
    ConversationRecord record;
    QString error; // empty on success; otherwise "<field path>: <reason>"

    bool ok() const { return error.isEmpty(); }
};

// Reads and writes one conversation in the `assess` input shape of the CLI contract
// (../shared/contracts/cli.md), shared by `assess` and `import --format jsonl`.
//
// Contract fields (required unless marked optional):
//   id                                   string or number
//   context                              object
//     phase                              job_post | proposal | interview | messages
//     client_plan          (optional)    basic | plus | business | enterprise
//     contract             (optional)    {status: none | offered | active | closed,
//                                          start: ISO date (active, closed), end: ISO date (closed),
//                                          conversion_fee_paid: bool (optional)}; default status none
//     pre_existing_relationship (opt.)   bool, default false
//     history              (optional)    [{decided_at: ISO date or date-time, verdict,
//                                          penalty: string or null, reversed: bool (optional),
//                                          moderator, note: strings (optional)}], oldest first
//   messages                             [{id: string or number, sender: client | freelancer,
//                                          sent_at: ISO date-time (UTC when no offset), text}]
//
// Optional extensions used by the case database import (docs/conversation-json.md):
//   job_title                            string
//   flag                                 {source, reason: strings, flagged_at: ISO date-time}
//   subject                              client | freelancer: whose conduct is under review;
//                                        default: the sender of the first message with a
//                                        contact detail (when a detector is given), else freelancer
//   client, freelancer                   {id, name, country: strings}
//   messages[].phase                     as context.phase; default: context.phase
//
// Unknown fields are ignored. Errors name the field by its JSON path:
// "context.contract.start: not an ISO date (\"2026-13-01\")",
// "messages[2].sender: unknown value \"bot\" (expected client or freelancer)".
class ConversationJson final
{
public:
    // `detector` is only used to default `subject`; pass nullptr to default it to freelancer.
    static ConversationJsonResult parse(const QJsonObject &object, const Detector *detector = nullptr);
    // One JSON text (a JSON Lines line); errors for text that is not a JSON object too.
    static ConversationJsonResult parse(const QByteArray &json, const Detector *detector = nullptr);

    // The record in the same shape, extensions included, so parse(toJson(r)) gives r back.
    static QJsonObject toJson(const ConversationRecord &record);
};

} // namespace cg
