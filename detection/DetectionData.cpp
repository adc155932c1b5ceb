#include "DetectionData.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStringDecoder>

#include <re2/re2.h>

#include <algorithm>
#include <cstdint>

namespace cg {

namespace {

const QString kNumberWords = QStringLiteral("number-words.tsv");
const QString kDomains = QStringLiteral("domains.tsv");
const QString kServices = QStringLiteral("services.tsv");
const QString kPatterns = QStringLiteral("patterns.tsv");
const QString kContext = QStringLiteral("context.tsv");
const QString kTopLevelDomains = QStringLiteral("tlds.txt");

// Limits that keep a mistaken or hostile override file from exhausting memory. The
// built-in files are at most 23 KB, their longest pattern 621 bytes, and their 64
// patterns compile to 128,000 RE2 instructions together; each limit leaves ample room.
//
// A whole file is read into memory and held several times over while it is parsed
// (bytes, UTF-16 text, lines, fields), so a log or disk image named patterns.tsv is
// refused before it is read.
constexpr qint64 kMaxFileBytes = 4 * 1024 * 1024;
// RE2 parses a pattern into a tree before its memory budget applies, and a short
// pattern can make a large one: each "\p{L}" is a class of some 650 ranges. 8 KB of
// those needs about 60 MB while it is checked; 4 MB of them would need gigabytes.
constexpr int kMaxPatternBytes = 8 * 1024;
// RE2's budget for one compiled pattern (its default, made explicit): about 700,000
// instructions. The detector compiles with a larger one (PatternRule), so a pattern
// that fits here fits there, reverse program included.
constexpr std::int64_t kPatternMaxMem = 8 << 20;
// All patterns together, built-in and added, stay compiled for as long as the
// detector lives: at most this many forward instructions (8 bytes each, and as
// many again for the reverse programs RE2 builds when it searches).
constexpr std::int64_t kMaxPatternInstructions = 1000 * 1000;

std::string lowerUtf8(const QString &text)
{
    return text.toLower().toStdString();
}

// One problem with one line; the caller prefixes file and line.
class LineError
{
public:
    explicit LineError(QString message)
        : m_message(std::move(message))
    {
    }
    const QString &message() const { return m_message; }

private:
    QString m_message;
};

std::optional<ContactType> typeNamed(const QString &name)
{
    return contactTypeFromName(name);
}

ContactType requireType(const QString &name, std::initializer_list<ContactType> allowed)
{
    const std::optional<ContactType> type = typeNamed(name);
    if (!type || std::find(allowed.begin(), allowed.end(), *type) == allowed.end()) {
        QStringList names;
        for (ContactType t : allowed)
            names << contactTypeName(t);
        throw LineError(QStringLiteral("unknown type '%1' (expected one of %2)")
                            .arg(name, names.join(QStringLiteral(", "))));
    }
    return *type;
}

double requireNumber(const QString &text, double low, double high, const char *what)
{
    bool ok = false;
    const double value = text.toDouble(&ok);
    if (!ok || value < low || value > high)
        throw LineError(QStringLiteral("%1 '%2' is not a number from %3 to %4")
                            .arg(QLatin1String(what), text)
                            .arg(low)
                            .arg(high));
    return value;
}

void requireFields(const QStringList &fields, qsizetype minimum, qsizetype maximum)
{
    if (fields.size() < minimum || fields.size() > maximum)
        throw LineError(QStringLiteral("expected %1 tab-separated fields, found %2")
                            .arg(minimum == maximum ? QString::number(minimum)
                                                    : QStringLiteral("%1 to %2").arg(minimum).arg(maximum))
                            .arg(fields.size()));
    for (const QString &field : fields) {
        if (field.trimmed().isEmpty())
            throw LineError(QStringLiteral("empty field"));
    }
}

DetectionData::NumberWord numberWord(const QStringList &fields)
{
    requireFields(fields, 2, 2);
    DetectionData::NumberWord word;
    word.word = lowerUtf8(fields.at(0).trimmed());
    const QString meaning = fields.at(1).trimmed();
    using Kind = DetectionData::NumberWord::Kind;
    if (meaning.size() == 1 && meaning.at(0).isDigit()) {
        word.kind = Kind::Digit;
        word.value = meaning.at(0).digitValue();
    } else if (meaning == QLatin1String("x2") || meaning == QLatin1String("x3")) {
        word.kind = Kind::Repeat;
        word.value = meaning.at(1).digitValue();
    } else if (meaning == QLatin1String("+")) {
        word.kind = Kind::Plus;
    } else if (meaning == QLatin1String("zero")) {
        word.kind = Kind::ZeroAfterNumber;
    } else if (meaning == QLatin1String("join")) {
        word.kind = Kind::Join;
    } else {
        throw LineError(QStringLiteral("unknown meaning '%1' (expected a digit, x2, x3, +, zero or join)")
                            .arg(meaning));
    }
    return word;
}

DetectionData::Domain domain(const QStringList &fields)
{
    requireFields(fields, 3, 4);
    DetectionData::Domain entry;
    const QString name = fields.at(0).trimmed().toLower();
    if (!name.contains(QLatin1Char('.')) || name.startsWith(QLatin1Char('.'))
        || name.contains(QLatin1Char(' ')) || name.contains(QLatin1Char('/')))
        throw LineError(QStringLiteral("'%1' is not a domain name such as calendly.com").arg(name));
    entry.domain = name.toStdString();
    entry.type = requireType(fields.at(1).trimmed(),
                             {ContactType::Messenger, ContactType::Social, ContactType::Form,
                              ContactType::Payment, ContactType::Url});
    entry.service = fields.at(2).trimmed().toStdString();
    if (fields.size() == 4) {
        const QString prefix = fields.at(3).trimmed().toLower();
        if (!prefix.startsWith(QLatin1Char('/')))
            throw LineError(QStringLiteral("path prefix '%1' must start with /").arg(prefix));
        entry.pathPrefix = prefix.toStdString();
    }
    return entry;
}

DetectionData::Service service(const QStringList &fields)
{
    requireFields(fields, 4, 4);
    DetectionData::Service entry;
    entry.service = fields.at(0).trimmed().toStdString();
    entry.type = requireType(fields.at(1).trimmed(),
                             {ContactType::Messenger, ContactType::Social, ContactType::Payment});
    for (const QString &kind : fields.at(2).split(QLatin1Char(','))) {
        const QString k = kind.trimmed();
        if (k == QLatin1String("phone"))
            entry.phoneIds = true;
        else if (k == QLatin1String("handle"))
            entry.handleIds = true;
        else if (k == QLatin1String("cashtag"))
            entry.cashtagIds = true;
        else
            throw LineError(QStringLiteral("unknown id kind '%1' (expected phone, handle or cashtag)")
                                .arg(k));
    }
    for (const QString &name : fields.at(3).split(QLatin1Char(','))) {
        const QString n = name.trimmed();
        if (n.isEmpty())
            throw LineError(QStringLiteral("empty name in the list of names"));
        entry.names.push_back(n.toStdString());
    }
    return entry;
}

// `instructions` counts the compiled size of the patterns so far, this one included.
DetectionData::Pattern pattern(const QStringList &fields, std::int64_t *instructions)
{
    requireFields(fields, 5, 6);
    DetectionData::Pattern entry;
    entry.rule = fields.at(0).trimmed().toStdString();
    entry.type = requireType(fields.at(1).trimmed(),
                             {ContactType::ContactRequest, ContactType::Address, ContactType::Payment,
                              ContactType::Messenger, ContactType::Social, ContactType::Phone,
                              ContactType::Email, ContactType::Url, ContactType::Form});
    const QString typePrefix = contactTypeName(entry.type) + QLatin1Char('.');
    if (!fields.at(0).trimmed().startsWith(typePrefix))
        throw LineError(QStringLiteral("rule name must start with '%1'").arg(typePrefix));
    entry.confidence = requireNumber(fields.at(2).trimmed(), 0.0, 1.0, "confidence");
    entry.regex = fields.at(3).toStdString();
    if (entry.regex.size() > std::size_t(kMaxPatternBytes))
        throw LineError(QStringLiteral("pattern too large: %1 bytes (at most %2); split it into several rules")
                            .arg(entry.regex.size())
                            .arg(kMaxPatternBytes));
    RE2::Options options;
    options.set_log_errors(false);
    options.set_max_mem(kPatternMaxMem);
    const RE2 compiled(entry.regex, options);
    if (compiled.error_code() == RE2::ErrorPatternTooLarge)
        throw LineError(QStringLiteral("pattern too large: compiled, it needs more than the %1 MB RE2 allows one "
                                       "pattern; split it into several rules or repeat less")
                            .arg(kPatternMaxMem >> 20));
    if (!compiled.ok())
        throw LineError(QStringLiteral("bad pattern: %1").arg(QString::fromStdString(compiled.error())));
    *instructions += compiled.ProgramSize();
    if (*instructions > kMaxPatternInstructions)
        throw LineError(QStringLiteral("patterns too large together: with this one they compile to %1 RE2 "
                                       "instructions (at most %2); simplify or remove some rules")
                            .arg(*instructions)
                            .arg(kMaxPatternInstructions));
    if (compiled.NumberOfCapturingGroups() > 1)
        throw LineError(QStringLiteral("pattern has %1 capture groups; use (?:...) for all but the "
                                       "one that marks the span")
                            .arg(compiled.NumberOfCapturingGroups()));
    entry.explanation = fields.at(4).trimmed();
    if (!entry.explanation.endsWith(QLatin1Char('.')))
        throw LineError(QStringLiteral("explanation must be one sentence ending with a full stop"));
    if (fields.size() == 6) {
        const std::string gate = fields.at(5).trimmed().toStdString();
        PatternGate parsed;
        std::string problem;
        if (!parsePatternGate(gate, parsed, problem))
            throw LineError(QStringLiteral("bad gate '%1' %2").arg(QString::fromStdString(gate), QString::fromStdString(problem)));
        entry.gate = std::move(parsed);
    }
    return entry;
}

DetectionData::ContextWord contextWord(const QStringList &fields)
{
    requireFields(fields, 4, 4);
    DetectionData::ContextWord entry;
    const QString typeName = fields.at(0).trimmed();
    if (typeName != QLatin1String("*")) {
        entry.type = typeNamed(typeName);
        if (!entry.type)
            throw LineError(QStringLiteral("unknown type '%1'").arg(typeName));
    }
    entry.weight = requireNumber(fields.at(1).trimmed(), -1.0, 1.0, "weight");
    const QString where = fields.at(2).trimmed();
    using Where = DetectionData::ContextWord::Where;
    if (where == QLatin1String("before"))
        entry.where = Where::Before;
    else if (where == QLatin1String("after"))
        entry.where = Where::After;
    else if (where == QLatin1String("near"))
        entry.where = Where::Near;
    else if (where == QLatin1String("right-before"))
        entry.where = Where::RightBefore;
    else
        throw LineError(QStringLiteral("unknown place '%1' (expected before, after, near or right-before)")
                            .arg(where));
    entry.word = lowerUtf8(fields.at(3).trimmed());
    return entry;
}

std::string topLevelDomain(const QStringList &fields)
{
    requireFields(fields, 1, 1);
    const QString tld = fields.at(0).trimmed().toLower();
    for (QChar c : tld) {
        if (!(c >= QLatin1Char('a') && c <= QLatin1Char('z')))
            throw LineError(QStringLiteral("'%1' is not a top-level domain such as com").arg(tld));
    }
    return tld.toStdString();
}

bool isValidUtf8(const QByteArray &bytes)
{
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    const QString decoded = decoder(bytes); // decodes only when it becomes a QString
    return !decoder.hasError();
}

// Names the first line that is not UTF-8 and says whether the file was cut off.
QString invalidUtf8(const QByteArray &content, const QString &source)
{
    const QList<QByteArray> lines = content.split('\n');
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QByteArray &line = lines.at(i);
        if (isValidUtf8(line))
            continue;
        if (i == lines.size() - 1) {
            // Up to three continuation bytes after a lead byte, then the end of the file.
            for (qsizetype cut = 1; cut <= qMin<qsizetype>(3, line.size()); ++cut) {
                const uchar byte = uchar(line.at(line.size() - cut));
                if ((byte & 0xC0) == 0x80)
                    continue;
                if (byte >= 0xC0 && isValidUtf8(line.left(line.size() - cut)))
                    return QStringLiteral("%1 line %2: not valid UTF-8: the file ends in the middle of a character "
                                          "(was it cut off?)")
                        .arg(source)
                        .arg(i + 1);
                break;
            }
        }
        return QStringLiteral("%1 line %2: not valid UTF-8 (save the file as UTF-8)").arg(source).arg(i + 1);
    }
    return QStringLiteral("%1: not valid UTF-8").arg(source);
}

// `bytes` is the file's size, or 0 when unknown (a pipe or device).
QString tooLarge(const QString &source, qint64 bytes)
{
    const QString size = bytes > kMaxFileBytes ? QStringLiteral("%1 bytes").arg(bytes)
                                               : QStringLiteral("more than %1 bytes").arg(kMaxFileBytes);
    return QStringLiteral("%1: too large for a detection data file (%2; at most %3 MB)")
        .arg(source, size)
        .arg(kMaxFileBytes >> 20);
}

} // namespace

QStringList DetectionData::fileNames()
{
    return {kNumberWords, kDomains, kServices, kPatterns, kContext, kTopLevelDomains};
}

QString DetectionData::environmentOverrideDirectory()
{
    return qEnvironmentVariable("CONTACTGUARD_RULES_DIR");
}

bool DetectionData::parse(const QString &fileName, const QByteArray &content, const QString &source,
                          QString *error)
{
    if (content.size() > kMaxFileBytes) {
        *error = tooLarge(source, content.size());
        return false;
    }
    // Stateless: a character cut off at the end of the file is an error too, not
    // silently dropped as the start of one still to come.
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    const QString text = decoder(content);
    if (decoder.hasError()) {
        *error = invalidUtf8(content, source);
        return false;
    }
    const QStringList lines = text.split(QLatin1Char('\n'));
    for (qsizetype i = 0; i < lines.size(); ++i) {
        QString line = lines.at(i);
        if (line.endsWith(QLatin1Char('\r')))
            line.chop(1);
        if (line.trimmed().isEmpty() || line.trimmed().startsWith(QLatin1Char('#')))
            continue;
        const QStringList fields = line.split(QLatin1Char('\t'));
        try {
            if (fileName == kNumberWords) {
                NumberWord word = numberWord(fields);
                const auto same = std::find_if(numberWords.cbegin(), numberWords.cend(),
                                               [&](const NumberWord &w) { return w.word == word.word; });
                if (same != numberWords.cend()) {
                    if (same->kind != word.kind || same->value != word.value)
                        throw LineError(QStringLiteral("the word is listed earlier with another meaning"));
                    continue;
                }
                numberWords.push_back(std::move(word));
            } else if (fileName == kDomains) {
                domains.push_back(domain(fields));
            } else if (fileName == kServices) {
                services.push_back(service(fields));
            } else if (fileName == kPatterns) {
                patterns.push_back(pattern(fields, &m_patternInstructions));
            } else if (fileName == kContext) {
                contextWords.push_back(contextWord(fields));
            } else if (fileName == kTopLevelDomains) {
                topLevelDomains.push_back(topLevelDomain(fields));
            } else {
                *error = QStringLiteral("%1: not a detection data file (expected one of %2)")
                             .arg(source, fileNames().join(QStringLiteral(", ")));
                return false;
            }
        } catch (const LineError &lineError) {
            const QString entry = fields.value(0).trimmed();
            *error = QStringLiteral("%1 line %2: entry '%3': %4")
                         .arg(source)
                         .arg(i + 1)
                         .arg(entry.left(60), lineError.message());
            return false;
        }
    }
    return true;
}

std::optional<DetectionData> DetectionData::load(const QString &overrideDirectory, QString *error)
{
    DetectionData data;
    if (!overrideDirectory.isEmpty() && !QFileInfo(overrideDirectory).isDir()) {
        *error = QStringLiteral("rules directory '%1' does not exist").arg(overrideDirectory);
        return std::nullopt;
    }
    for (const QString &name : fileNames()) {
        QStringList sources{QStringLiteral(":/detection/") + name};
        if (!overrideDirectory.isEmpty()) {
            const QString path = QDir(overrideDirectory).filePath(name);
            if (QFileInfo::exists(path))
                sources << path;
        }
        for (const QString &source : sources) {
            QFile file(source);
            if (!file.open(QIODevice::ReadOnly)) {
                *error = QStringLiteral("%1: cannot read (%2)").arg(source, file.errorString());
                return std::nullopt;
            }
            // One byte past the limit tells a file that is too large, whatever size a
            // device or pipe reports.
            const QByteArray content = file.read(kMaxFileBytes + 1);
            if (file.error() != QFileDevice::NoError) {
                *error = QStringLiteral("%1: cannot read (%2)").arg(source, file.errorString());
                return std::nullopt;
            }
            if (content.size() > kMaxFileBytes) {
                *error = tooLarge(source, file.size());
                return std::nullopt;
            }
            if (!data.parse(name, content, source, error))
                return std::nullopt;
        }
    }
    return data;
}

} // namespace cg
