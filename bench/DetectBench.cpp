// Throughput of the detector on a file of messages, without the CLI's JSON
// parsing and writing: single thread, then several. Built with the project, never
// run by the tests; bench/run-detect-bench.sh drives it.
//
//   detect-bench MESSAGES.jsonl [--threads 1,2,4] [--repeat N] [--block N]
//
// Messages go to Detector::detect(QStringList) in blocks of --block (default 128,
// as contactguard-cli does); --block 1 calls detect(QString) once per message.
//
// Input lines are {"text": "..."} objects. Prints one line per thread count, in
// order (the first run also pays for building RE2's DFA states, later runs reuse them):
//   run=1 threads=2 messages=... megabytes=... seconds=... mb_per_s=... messages_per_s=... spans=...
// and finally peak_rss_mb=... (VmHWM).
#include "Detector.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStringList>
#include <QTextStream>
#include <QThread>

#include <atomic>
#include <cstdio>
#include <ctime>
#include <thread>
#include <vector>

namespace {

double peakRssMegabytes()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').value(0).toDouble() / 1024.0;
    }
    return 0;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() < 2) {
        std::fprintf(stderr, "usage: detect-bench MESSAGES.jsonl [--threads 1,2,4] [--repeat N] [--block N]\n");
        return 1;
    }
    QList<int> threadCounts{1, QThread::idealThreadCount()};
    int repeat = 1;
    qsizetype block = 128;
    for (qsizetype i = 2; i + 1 < args.size(); i += 2) {
        if (args.at(i) == QLatin1String("--threads")) {
            threadCounts.clear();
            for (const QString &count : args.at(i + 1).split(QLatin1Char(',')))
                threadCounts.append(count.toInt());
        } else if (args.at(i) == QLatin1String("--repeat")) {
            repeat = args.at(i + 1).toInt();
        } else if (args.at(i) == QLatin1String("--block")) {
            block = std::max<qsizetype>(1, args.at(i + 1).toInt());
        }
    }

    QFile file(args.at(1));
    if (!file.open(QIODevice::ReadOnly)) {
        std::fprintf(stderr, "cannot read %s\n", qPrintable(args.at(1)));
        return 1;
    }
    QStringList messages;
    qint64 bytes = 0;
    while (!file.atEnd()) {
        const QByteArray line = file.readLine();
        const QJsonObject object = QJsonDocument::fromJson(line).object();
        const QString text = object.value(QLatin1String("text")).toString();
        if (text.isEmpty())
            continue;
        messages.append(text);
        bytes += text.toUtf8().size();
    }

    const cg::Detector detector;
    if (!detector.isValid()) {
        std::fprintf(stderr, "%s\n", qPrintable(detector.errorString()));
        return 1;
    }
    detector.detect(QStringLiteral("warm up: call +1 415 555 0132 or jdoe@example.com"));

    int run = 0;
    for (int threads : threadCounts) {
        ++run;
        std::atomic<qint64> spans{0};
        QElapsedTimer timer;
        timer.start();
        // CPU time as well as wall time: on a shared machine the wall time also
        // measures the other load, the CPU time only this process's work.
        const std::clock_t cpuStart = std::clock();
        for (int r = 0; r < repeat; ++r) {
            std::atomic<qsizetype> next{0};
            std::vector<std::thread> workers;
            for (int t = 0; t < threads; ++t) {
                workers.emplace_back([&] {
                    qint64 found = 0;
                    if (block == 1) {
                        for (qsizetype i = next++; i < messages.size(); i = next++)
                            found += detector.detect(messages.at(i)).size();
                    } else {
                        for (qsizetype i = next.fetch_add(block); i < messages.size(); i = next.fetch_add(block)) {
                            for (const cg::DetectedSpans &spansOfOne : detector.detect(messages.mid(i, block)))
                                found += spansOfOne.size();
                        }
                    }
                    spans += found;
                });
            }
            for (std::thread &worker : workers)
                worker.join();
        }
        const double seconds = double(timer.nsecsElapsed()) / 1e9;
        const double cpuSeconds = double(std::clock() - cpuStart) / CLOCKS_PER_SEC;
        const double megabytes = double(bytes) * repeat / 1e6;
        std::printf("run=%d threads=%d messages=%lld megabytes=%.2f seconds=%.3f mb_per_s=%.2f "
                    "messages_per_s=%.0f spans=%lld cpu_seconds=%.3f mb_per_cpu_second=%.2f\n",
                    run, threads, static_cast<long long>(messages.size()) * repeat, megabytes, seconds,
                    megabytes / seconds, double(messages.size()) * repeat / seconds,
                    static_cast<long long>(spans.load()), cpuSeconds, megabytes / cpuSeconds);
    }
    std::printf("peak_rss_mb=%.1f\n", peakRssMegabytes());
    return 0;
}
