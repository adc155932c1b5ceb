#include "JsonLinesProcessor.h"

#include <algorithm>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QLocale>
#include <QStringDecoder>
#include <QThread>
#include <QThreadPool>
#include <QFuture>
#include <QtConcurrent/QtConcurrentMap>

#include <cmath>
#include <utility>
#include <vector>

namespace cg::cli {

namespace {

// A batch stops at this many bytes even when it has fewer lines than the batch
// size, so a file of very long lines does not fill the memory either.
constexpr qint64 kMaxBatchBytes = 32 * 1024 * 1024;

bool isBlank(const QByteArray &line)
{
    for (char c : line) {
        if (c != ' ' && c != '\t' && c != '\r' && c != '\n')
            return false;
    }
    return true;
}

} // namespace

LineResult LineResult::output(QByteArray jsonObject)
{
    LineResult result;
    result.m_json = std::move(jsonObject);
    return result;
}

LineResult LineResult::rejected(QString reason)
{
    LineResult result;
    result.m_rejected = true;
    result.m_error = std::move(reason);
    return result;
}

struct JsonLinesProcessor::Work
{
    QByteArray input;
    qint64 lineNumber = 0;
    QByteArray output;
    bool rejected = false;
};

struct JsonLinesProcessor::Batch
{
    std::vector<Work> lines;
    std::vector<std::pair<Work *, Work *>> blocks; // consecutive lines, handled together
};

JsonLinesProcessor::JsonLinesProcessor(LineHandler handler, int threads)
    : JsonLinesProcessor(
          [handler = std::move(handler)](const std::vector<QJsonObject> &lines) {
              std::vector<LineResult> results;
              results.reserve(lines.size());
              for (const QJsonObject &line : lines)
                  results.push_back(handler(line));
              return results;
          },
          threads, 1)
{
}

JsonLinesProcessor::JsonLinesProcessor(BlockHandler handler, int threads, int blockSize)
    : m_handler(std::move(handler))
    , m_threads(threads > 0 ? threads : qMax(1, QThread::idealThreadCount()))
    , m_blockSize(qMax(1, blockSize))
{
}

void JsonLinesProcessor::setBatchSize(int lines)
{
    m_batchSize = qMax(1, lines);
}

JsonLinesSummary JsonLinesProcessor::run(QIODevice &in, QIODevice &out) const
{
    JsonLinesSummary summary;
    if (!in.isReadable()) {
        summary.ioError = QStringLiteral("cannot read the input");
        return summary;
    }
    if (!out.isWritable()) {
        summary.ioError = QStringLiteral("cannot write the output");
        return summary;
    }

    // A pool of our own: the verb's --threads must not resize the global pool
    // other code may be using.
    QThreadPool pool;
    pool.setMaxThreadCount(m_threads);

    // With worker threads, reading the next batch and writing the last one overlap
    // with the work on the current one: batch n+1 is read while n is processed, and
    // n is written while n+1 is processed.
    Batch current;
    Batch next;
    bool more = readBatch(in, current, summary);
    QFuture<void> running = start(pool, current);
    while (!current.lines.empty()) {
        next.lines.clear();
        if (more)
            more = readBatch(in, next, summary);
        running.waitForFinished();
        running = start(pool, next);
        if (!writeBatch(out, current, summary)) {
            running.waitForFinished();
            return summary;
        }
        std::swap(current, next);
    }
    running.waitForFinished();
    return summary;
}

bool JsonLinesProcessor::readBatch(QIODevice &in, Batch &batch, JsonLinesSummary &summary) const
{
    batch.lines.reserve(std::size_t(m_batchSize));
    qint64 batchBytes = 0;
    while (int(batch.lines.size()) < m_batchSize && batchBytes < kMaxBatchBytes) {
        QByteArray line = in.readLine();
        if (line.isEmpty()) // readLine() gives at least "\n" for an empty line
            return false;
        ++summary.linesRead;
        if (isBlank(line))
            continue;
        batchBytes += line.size();
        batch.lines.push_back({std::move(line), summary.linesRead, {}, false});
    }
    return true;
}

QFuture<void> JsonLinesProcessor::start(QThreadPool &pool, Batch &batch) const
{
    batch.blocks.clear();
    for (std::size_t first = 0; first < batch.lines.size(); first += std::size_t(m_blockSize)) {
        const std::size_t last = std::min(batch.lines.size(), first + std::size_t(m_blockSize));
        batch.blocks.emplace_back(batch.lines.data() + first, batch.lines.data() + last);
    }
    if (m_threads > 1 && !batch.blocks.empty())
        return QtConcurrent::map(&pool, batch.blocks,
                                 [this](std::pair<Work *, Work *> &block) { processBlock(block.first, block.second); });
    // One thread: everything in this one, in order.
    for (const auto &block : batch.blocks)
        processBlock(block.first, block.second);
    return QtFuture::makeReadyFuture();
}

bool JsonLinesProcessor::writeBatch(QIODevice &out, const Batch &batch, JsonLinesSummary &summary) const
{
    QByteArray chunk;
    qsizetype bytes = 0;
    for (const Work &work : batch.lines)
        bytes += work.output.size() + 1;
    chunk.reserve(bytes);
    for (const Work &work : batch.lines) {
        if (work.rejected)
            ++summary.linesRejected;
        chunk += work.output;
        chunk += '\n';
    }
    if (!chunk.isEmpty() && out.write(chunk) != chunk.size()) {
        summary.ioError = QStringLiteral("cannot write the output: %1").arg(out.errorString());
        return false;
    }
    return true;
}

void JsonLinesProcessor::processBlock(Work *begin, Work *end) const
{
    std::vector<QJsonObject> objects;
    std::vector<Work *> parsed;
    objects.reserve(std::size_t(end - begin));
    for (Work *work = begin; work != end; ++work) {
        QJsonObject object;
        if (!parse(*work, object))
            continue;
        objects.push_back(std::move(object));
        parsed.push_back(work);
    }
    if (objects.empty())
        return;
    const std::vector<LineResult> results = m_handler(objects);
    Q_ASSERT(results.size() == objects.size());
    for (std::size_t i = 0; i < parsed.size() && i < results.size(); ++i) {
        Work &work = *parsed[i];
        if (results[i].isRejected()) {
            work.rejected = true;
            work.output = errorLine(objects[i].value(QLatin1String("id")), work.lineNumber, results[i].error());
        } else {
            work.output = results[i].json();
        }
    }
}

bool JsonLinesProcessor::parse(Work &work, QJsonObject &object) const
{
    QByteArray &line = work.input;
    while (line.endsWith('\n') || line.endsWith('\r'))
        line.chop(1);
    if (work.lineNumber == 1 && line.startsWith("\xEF\xBB\xBF"))
        line.remove(0, 3); // byte-order mark some Windows editors write

    const auto reject = [&](const QJsonValue &id, const QString &reason) {
        work.rejected = true;
        work.output = errorLine(id, work.lineNumber, reason);
    };

    // Stateless: a sequence cut off at the end of the line is an error too.
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    // decode() is lazy: converting to QString runs the decoder and sets hasError().
    [[maybe_unused]] const QString decoded = decoder.decode(line);
    if (decoder.hasError()) {
        // Still try to echo the id: the bad bytes are often only in the text.
        const QByteArray repaired = QString::fromUtf8(line).toUtf8(); // U+FFFD for bad bytes
        const QJsonValue id = QJsonDocument::fromJson(repaired).object().value(QLatin1String("id"));
        reject(id.isString() || id.isDouble() ? id : QJsonValue(),
               QStringLiteral("line is not valid UTF-8"));
        return false;
    }

    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(line, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        reject(QJsonValue(), QStringLiteral("line is not valid JSON: %1 at byte %2")
                                 .arg(parseError.errorString())
                                 .arg(parseError.offset + 1));
        return false;
    }
    if (!document.isObject()) {
        reject(QJsonValue(), QStringLiteral("line is not a JSON object"));
        return false;
    }
    object = document.object();
    const QJsonValue id = object.value(QLatin1String("id"));
    if (!id.isUndefined() && !id.isNull() && !id.isString() && !id.isDouble()) {
        reject(QJsonValue(), QStringLiteral("\"id\" must be a string or a number"));
        return false;
    }
    return true;
}

QByteArray JsonLinesProcessor::errorLine(const QJsonValue &id, qint64 lineNumber,
                                         const QString &reason) const
{
    return "{\"id\":" + scalar(id) + ",\"line\":" + QByteArray::number(lineNumber)
        + ",\"error\":" + quote(reason) + '}';
}

QByteArray JsonLinesProcessor::quote(QStringView text)
{
    QByteArray quoted;
    appendQuoted(quoted, text);
    return quoted;
}

void JsonLinesProcessor::appendQuoted(QByteArray &out, QStringView text)
{
    out += '"';
    // Most text is printable ASCII with nothing to escape: copied as it is.
    const bool plain = std::all_of(text.begin(), text.end(), [](QChar c) {
        const char16_t u = c.unicode();
        return u >= 0x20 && u < 0x80 && u != '"' && u != '\\';
    });
    if (plain) {
        const qsizetype at = out.size();
        out.resize(at + text.size());
        char *to = out.data() + at;
        for (QChar c : text)
            *to++ = char(c.unicode());
        out += '"';
        return;
    }
    const QByteArray utf8 = text.toUtf8();
    for (char c : utf8) {
        switch (c) {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\r':
            out += "\\r";
            break;
        case '\t':
            out += "\\t";
            break;
        case '\b':
            out += "\\b";
            break;
        case '\f':
            out += "\\f";
            break;
        default:
            if (static_cast<unsigned char>(c) < 0x20) {
                static const char hex[] = "0123456789abcdef";
                out += "\\u00";
                out += hex[(c >> 4) & 0xF];
                out += hex[c & 0xF];
            } else {
                out += c; // UTF-8 bytes of non-ASCII text pass through
            }
        }
    }
    out += '"';
}

QByteArray JsonLinesProcessor::scalar(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::String:
        return quote(value.toString());
    case QJsonValue::Double: {
        const double number = value.toDouble();
        // Whole numbers stay whole ("42", not "42.0" or "4.2e+01").
        if (std::floor(number) == number && std::fabs(number) < 9.0e15)
            return QByteArray::number(qint64(number));
        return QString::number(number, 'g', QLocale::FloatingPointShortest).toLatin1();
    }
    case QJsonValue::Bool:
        return value.toBool() ? "true" : "false";
    case QJsonValue::Array:
        return QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact);
    case QJsonValue::Object:
        return QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact);
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        break;
    }
    return "null";
}

void JsonLinesProcessor::appendNumber(QByteArray &out, double value, int decimals)
{
    // Confidences, the usual case, by hand: "0.95", "0.9", "1", "0".
    if (decimals == 2 && value >= 0 && value <= 1) {
        const int hundredths = int(std::round(value * 100));
        if (hundredths == 100 || hundredths == 0) {
            out += hundredths == 100 ? '1' : '0';
            return;
        }
        out += "0.";
        out += char('0' + hundredths / 10);
        if (hundredths % 10 != 0)
            out += char('0' + hundredths % 10);
        return;
    }
    out += number(value, decimals);
}

QByteArray JsonLinesProcessor::number(double value, int decimals)
{
    const double scale = std::pow(10.0, decimals);
    const double rounded = std::round(value * scale) / scale;
    return QString::number(rounded, 'g', QLocale::FloatingPointShortest).toLatin1();
}

} // namespace cg::cli
