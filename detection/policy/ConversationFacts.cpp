#include "ConversationFacts.h"

#include "Detector.h"

namespace cg {

namespace {

struct Fragment
{
    qsizetype start = -1; // code points
    qsizetype end = -1;
    int digits = 0;

    bool isValid() const { return start >= 0; }
};

bool isAsciiDigit(char32_t c)
{
    return c >= U'0' && c <= U'9';
}

bool isPhoneSeparator(char32_t c)
{
    return c == U' ' || c == U'-' || c == U'.' || c == U'(' || c == U')';
}

bool overlapsDetail(const MessageFacts &facts, qsizetype start, qsizetype end)
{
    for (const DetectedSpan &span : facts.details()) {
        if (span.start < end && start < span.end)
            return true;
    }
    return false;
}

// Runs of digits with the separators people put in phone numbers ("0917 55", "(02) 81"),
// not inside a word or a price and not already part of a detected detail.
QList<Fragment> digitFragments(const MessageFacts &facts)
{
    QList<Fragment> fragments;
    const CueText &text = facts.text();
    const qsizetype size = text.codePointCount();
    qsizetype i = 0;
    while (i < size) {
        const char32_t c = text.codePointAt(i);
        const bool opens = isAsciiDigit(c)
            || ((c == U'+' || c == U'(') && i + 1 < size && isAsciiDigit(text.codePointAt(i + 1)));
        if (!opens) {
            ++i;
            continue;
        }
        const char32_t before = i > 0 ? text.codePointAt(i - 1) : U' ';
        Fragment fragment{i, i, 0};
        qsizetype j = i;
        int separators = 0;
        while (j < size) {
            const char32_t d = text.codePointAt(j);
            if (isAsciiDigit(d)) {
                ++fragment.digits;
                fragment.end = j + 1;
                separators = 0;
            } else if ((isPhoneSeparator(d) || (d == U'+' && j == i)) && ++separators <= 2) {
            } else {
                break;
            }
            ++j;
        }
        const bool wordOrPrice = QChar::isLetter(before) || before == U'$' || before == U'€' || before == U'£'
            || before == U'/' || before == U':';
        const char32_t after = fragment.end < size ? text.codePointAt(fragment.end) : U' ';
        if (!wordOrPrice && !QChar::isLetter(after) && after != U'%' && fragment.digits >= 2
            && !overlapsDetail(facts, fragment.start, fragment.end))
            fragments.append(fragment);
        i = j > i ? j : i + 1;
    }
    return fragments;
}

QString slice(const CueText &text, qsizetype start, qsizetype end)
{
    std::u32string part;
    for (qsizetype k = start; k < end; ++k)
        part.push_back(text.codePointAt(k));
    return QString::fromStdU32String(part);
}

DetectedSpan partSpan(ContactType type, const CueText &text, qsizetype start, qsizetype end, const DetectedSpan &joined)
{
    DetectedSpan part;
    part.type = type;
    part.start = start;
    part.end = end;
    part.text = slice(text, start, end);
    part.value = joined.value;
    part.confidence = joined.confidence * 0.9;
    part.obfuscated = true;
    part.rule = type == ContactType::Phone ? QStringLiteral("phone.split_across_messages")
                                           : QStringLiteral("email.split_across_messages");
    part.explanation = QStringLiteral("Part of a contact detail the sender split over several messages");
    return part;
}

} // namespace

ContractTime contractTimeOf(const ContractRecord &contract, const QDateTime &sentAt)
{
    const bool started = contract.status == QLatin1String("active") || contract.status == QLatin1String("closed");
    if (!started || !contract.start.isValid())
        return ContractTime::BeforeContract;
    const QDate day = sentAt.toUTC().date();
    if (day < contract.start)
        return ContractTime::BeforeContract;
    if (contract.status == QLatin1String("closed") && contract.end.isValid() && day > contract.end)
        return ContractTime::Closed;
    return ContractTime::Active;
}

MessageFacts::MessageFacts(int index, const MessageRecord &message, ContractTime time, const ContactPolicy &policy)
    : m_index(index)
    , m_message(&message)
    , m_time(time)
    , m_policy(&policy)
    , m_text(message.text)
{
}

const QList<CueHit> &MessageFacts::cues(CueList list) const
{
    std::optional<QList<CueHit>> &hits = m_cueHits.at(std::size_t(list));
    if (!hits)
        hits = m_policy->cues(list).findAll(m_text);
    return *hits;
}

const QList<CueHit> &MessageFacts::exceptionCues(int exception) const
{
    auto it = m_exceptionHits.find(exception);
    if (it == m_exceptionHits.end())
        it = m_exceptionHits.insert(exception, m_policy->exceptions().at(exception).cues->findAll(m_text));
    return *it;
}

void MessageFacts::addSpan(const DetectedSpan &span, int joinedDetail)
{
    if (span.type == ContactType::ContactRequest) {
        m_requests.append(span);
        return;
    }
    m_details.append(span);
    m_joinedOf.append(joinedDetail);
}

ConversationFacts::ConversationFacts(const ConversationRecord &record, const QList<DetectedSpans> &spans,
                                     const ContactPolicy &policy, const Detector &detector)
    : m_record(&record)
{
    m_messages.reserve(record.messages.size());
    for (int i = 0; i < record.messages.size(); ++i) {
        const MessageRecord &message = record.messages.at(i);
        MessageFacts facts(i, message, contractTimeOf(record.contract, message.sentAt), policy);
        for (const DetectedSpan &span : spans.value(i)) {
            // The platform's own links are not contact details, whatever the detector was told.
            const QString lower = span.text.toLower();
            const bool onPlatform = std::any_of(policy.platformDomains().begin(), policy.platformDomains().end(),
                                                [&lower](const QString &domain) { return lower.contains(domain); });
            if (!onPlatform || span.type == ContactType::ContactRequest)
                facts.addSpan(span);
        }
        addAskedContact(facts);
        m_messages.append(std::move(facts));
    }
    joinSplitPhones(detector);
    joinSplitEmails(detector);
}

// A request the detector did not mark, in words the policy lists: an asking phrase and
// someone's contact channel in one message ("Скиньте ваш телеграм", "pásame tu número").
void ConversationFacts::addAskedContact(MessageFacts &facts)
{
    if (!facts.requests().isEmpty() || !facts.has(CueList::YourContact) || !facts.has(CueList::Ask))
        return;
    const CueHit channel = facts.cues(CueList::YourContact).constFirst();
    CueHit ask = facts.cues(CueList::Ask).constFirst();
    for (const CueHit &hit : facts.cues(CueList::Ask)) {
        if (hit.start < channel.start)
            ask = hit;
    }
    // "Please don't share your number here": a reminder of the rule, not a request.
    // The negation stands right before the asking words, or between them and the
    // channel ("teilen Sie nicht Ihre Nummer").
    constexpr int kNegationReach = 12;
    for (const CueHit &negation : facts.cues(CueList::Negation)) {
        const bool rightBefore = negation.end <= ask.start && ask.start - negation.end <= kNegationReach;
        const bool between = negation.start >= ask.end && negation.end <= channel.start;
        if (rightBefore || between)
            return;
    }
    DetectedSpan span;
    span.type = ContactType::ContactRequest;
    span.start = std::min(ask.start, channel.start);
    span.end = std::max(ask.end, channel.end);
    span.text = slice(facts.text(), span.start, span.end);
    span.value = span.text.toLower();
    span.confidence = 0.75;
    span.rule = QStringLiteral("contact_request.policy_cues");
    span.explanation = QStringLiteral("Asks for someone's contact channel");
    facts.addSpan(span);
}

void ConversationFacts::addJoined(JoinedDetail joined, const QList<int> &messages)
{
    const int index = int(m_joined.size());
    for (qsizetype p = 0; p < joined.parts.size(); ++p) {
        joined.parts[p].joinedDetail = index;
        m_messages[messages.at(p)].addSpan(joined.parts.at(p).span, index);
    }
    m_joined.append(std::move(joined));
}

void ConversationFacts::joinSplitPhones(const Detector &detector)
{
    constexpr int kMinDigits = 7;
    constexpr int kMaxDigits = 15;
    constexpr int kMaxParts = 3;
    for (const QString &sender : {QStringLiteral("client"), QStringLiteral("freelancer")}) {
        QList<int> own;
        for (const MessageFacts &facts : std::as_const(m_messages)) {
            if (facts.message().sender == sender)
                own.append(facts.index());
        }
        for (qsizetype first = 0; first + 1 < own.size(); ++first) {
            const QList<Fragment> opening = digitFragments(m_messages.at(own.at(first)));
            if (opening.isEmpty())
                continue;
            QList<int> messages{own.at(first)};
            QList<Fragment> parts{opening.constLast()};
            int digits = parts.constFirst().digits;
            bool cued = m_messages.at(own.at(first)).has(CueList::PhoneWords);
            for (qsizetype next = first + 1; next < own.size() && parts.size() < kMaxParts; ++next) {
                const QList<Fragment> fragments = digitFragments(m_messages.at(own.at(next)));
                if (fragments.isEmpty())
                    break;
                messages.append(own.at(next));
                parts.append(fragments.constFirst());
                digits += fragments.constFirst().digits;
                cued = cued || m_messages.at(own.at(next)).has(CueList::PhoneWords);
                if (digits > kMaxDigits || !cued)
                    break;
                if (digits < kMinDigits)
                    continue;
                QString joinedText;
                for (qsizetype p = 0; p < parts.size(); ++p) {
                    const CueText &text = m_messages.at(messages.at(p)).text();
                    joinedText += (p ? QStringLiteral(" ") : QString()) + slice(text, parts.at(p).start, parts.at(p).end);
                }
                const DetectedSpans found = detector.detect(joinedText);
                const auto phone = std::find_if(found.begin(), found.end(), [&joinedText](const DetectedSpan &span) {
                    return (span.type == ContactType::Phone || span.type == ContactType::Messenger)
                        && span.end - span.start >= joinedText.size() - 2;
                });
                if (phone == found.end())
                    break;
                JoinedDetail joined;
                joined.type = ContactType::Phone;
                joined.value = phone->value;
                for (qsizetype p = 0; p < parts.size(); ++p) {
                    const MessageFacts &facts = m_messages.at(messages.at(p));
                    joined.parts.append({facts.message().externalId,
                                         partSpan(ContactType::Phone, facts.text(), parts.at(p).start,
                                                  parts.at(p).end, *phone),
                                         -1});
                }
                addJoined(std::move(joined), messages);
                first = own.indexOf(messages.constLast()); // a part is never reused
                break;
            }
        }
    }
}

void ConversationFacts::joinSplitEmails(const Detector &detector)
{
    for (const QString &sender : {QStringLiteral("client"), QStringLiteral("freelancer")}) {
        int previous = -1;
        for (int i = 0; i < m_messages.size(); ++i) {
            if (m_messages.at(i).message().sender != sender)
                continue;
            const int earlier = previous;
            previous = i;
            if (earlier < 0)
                continue;
            const CueText &head = m_messages.at(i).text();
            const CueText &tail = m_messages.at(earlier).text();
            const QString headText = head.original().trimmed();
            const QString tailText = tail.original().trimmed();
            const bool atStart = headText.startsWith(QLatin1Char('@'))
                || headText.startsWith(QLatin1String("at "), Qt::CaseInsensitive);
            const bool atEnd = tailText.endsWith(QLatin1Char('@'))
                || tailText.endsWith(QLatin1String(" at"), Qt::CaseInsensitive);
            if (!atStart && !atEnd)
                continue;
            // The last word of the earlier message and the first words of the later one.
            qsizetype tailEnd = tail.codePointCount();
            while (tailEnd > 0 && QChar::isSpace(tail.codePointAt(tailEnd - 1)))
                --tailEnd;
            qsizetype tailStart = tailEnd;
            while (tailStart > 0 && !QChar::isSpace(tail.codePointAt(tailStart - 1)))
                --tailStart;
            if (atEnd && !tailText.endsWith(QLatin1Char('@'))) { // "... anna.k at": take the word before "at" too
                --tailStart;
                while (tailStart > 0 && QChar::isSpace(tail.codePointAt(tailStart - 1)))
                    --tailStart;
                while (tailStart > 0 && !QChar::isSpace(tail.codePointAt(tailStart - 1)))
                    --tailStart;
            }
            qsizetype headStart = 0;
            while (headStart < head.codePointCount() && QChar::isSpace(head.codePointAt(headStart)))
                ++headStart;
            qsizetype headEnd = headStart;
            int words = 0;
            while (headEnd < head.codePointCount() && words < 6) {
                if (QChar::isSpace(head.codePointAt(headEnd)) && !QChar::isSpace(head.codePointAt(headEnd - 1)))
                    ++words;
                ++headEnd;
            }
            const QString tailPart = slice(tail, tailStart, tailEnd);
            const QString glue = tailPart.endsWith(QLatin1Char('@')) || headText.startsWith(QLatin1Char('@'))
                ? QString()
                : QStringLiteral(" ");
            const QString joinedText = tailPart + glue + slice(head, headStart, headEnd);
            for (const DetectedSpan &span : detector.detect(joinedText)) {
                // Span offsets count code points of joinedText: tail, glue (0 or 1), head.
                const qsizetype tailPoints = tailEnd - tailStart;
                if (span.type != ContactType::Email || span.start >= tailPoints || span.end <= tailPoints + qsizetype(glue.size()))
                    continue;
                if (overlapsDetail(m_messages.at(earlier), tailStart + span.start, tailEnd)
                    || overlapsDetail(m_messages.at(i), headStart, headStart + span.end - tailPoints - glue.size()))
                    continue;
                JoinedDetail joined;
                joined.type = ContactType::Email;
                joined.value = span.value;
                joined.parts.append({m_messages.at(earlier).message().externalId,
                                     partSpan(ContactType::Email, tail, tailStart + span.start, tailEnd, span), -1});
                joined.parts.append({m_messages.at(i).message().externalId,
                                     partSpan(ContactType::Email, head, headStart,
                                              headStart + span.end - tailPoints - glue.size(), span),
                                     -1});
                addJoined(std::move(joined), {earlier, i});
                break;
            }
        }
    }
}

} // namespace cg
