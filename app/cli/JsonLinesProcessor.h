#pragma once

#include <QByteArray>
#include <QFuture>
#include <QIODevice>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>
#include <QStringView>
#include <QThreadPool>

#include <functional>
#include <vector>

namespace cg::cli {

// What a verb made of one input line: the output object as JSON text, or the
// reason the line was rejected. Verbs write the JSON text themselves because
// the contract fixes the key order and QJsonObject sorts keys.
class LineResult final
{
public:
    static LineResult output(QByteArray jsonObject);
    static LineResult rejected(QString reason);

    bool isRejected() const { return m_rejected; }
    const QByteArray &json() const { return m_json; }
    const QString &error() const { return m_error; }

private:
    LineResult() = default;

    bool m_rejected = false;
    QByteArray m_json;
    QString m_error;
};

struct JsonLinesSummary
{
    qint64 linesRead = 0;     // including blank lines, which produce no output
    qint64 linesRejected = 0;
    QString ioError;          // set when reading or writing failed; processing stopped

    bool anyRejected() const { return linesRejected > 0; }
};

// The engine under every JSON Lines verb (detect, assess, ...): one JSON object per
// input line, exactly one output line per non-blank input line, in input order.
//
// Lines are read in batches so a huge input is never held in memory at once; each
// batch is cut into blocks of consecutive lines, handled on `threads` worker
// threads, and written in order before the next batch is read. A line that is not UTF-8, not JSON, not an object, has an `id` that
// is neither a string nor a number, or that the handler rejects, becomes
// {"id": <id or null>, "line": <1-based>, "error": "<reason>"} and processing goes
// on. Blank lines (only whitespace) are skipped without output but still counted,
// so reported line numbers match the input file.
class JsonLinesProcessor final
{
public:
    // Called concurrently from worker threads: handlers must not touch shared
    // mutable state.
    using LineHandler = std::function<LineResult(const QJsonObject &line)>;
    // For verbs that work faster on many lines at once (detect): the valid lines of
    // one block, in input order; returns one result per line, in the same order.
    using BlockHandler = std::function<std::vector<LineResult>(const std::vector<QJsonObject> &lines)>;

    // threads <= 0 means one per core.
    explicit JsonLinesProcessor(LineHandler handler, int threads = 0);
    JsonLinesProcessor(BlockHandler handler, int threads, int blockSize);

    void setBatchSize(int lines);
    int threadCount() const { return m_threads; }

    JsonLinesSummary run(QIODevice &in, QIODevice &out) const;

    // JSON text for handlers that build objects in a fixed key order.
    static QByteArray quote(QStringView text);
    static QByteArray scalar(const QJsonValue &value); // echoes an id as given; null if absent
    static QByteArray number(double value, int decimals);
    // The same, appended to `out`: a line is built in one buffer.
    static void appendQuoted(QByteArray &out, QStringView text);
    static void appendNumber(QByteArray &out, double value, int decimals);

private:
    struct Work;
    struct Batch;

    // False at the end of the input (the batch may still hold its last lines).
    bool readBatch(QIODevice &in, Batch &batch, JsonLinesSummary &summary) const;
    // Starts handling the batch on the pool (or handles it here with one thread).
    QFuture<void> start(QThreadPool &pool, Batch &batch) const;
    bool writeBatch(QIODevice &out, const Batch &batch, JsonLinesSummary &summary) const;
    void processBlock(Work *begin, Work *end) const;
    // The line's JSON object, or false with work.output set to its error line.
    bool parse(Work &work, QJsonObject &object) const;
    QByteArray errorLine(const QJsonValue &id, qint64 lineNumber, const QString &reason) const;

    BlockHandler m_handler;
    int m_threads = 1;
    int m_blockSize = 1;
    int m_batchSize = 4096;
};

} // namespace cg::cli
