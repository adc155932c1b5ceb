// Measures how long the desktop app's GUI thread is ever blocked while a moderator
// works through a large case database: the real main window (offscreen), driven
// through its own actions, with a 5 ms heartbeat timer whose late ticks are stalls.
//
//   ui-latency-bench [--conversations N] [--db FILE]
//
// Prints, per phase, the longest stall and the 99th percentile of heartbeat gaps.

#include "AppSettings.h"
#include "CaseQueueModel.h"
#include "DemoDatabaseWriter.h"
#include "MainWindow.h"
#include "ReviewSession.h"

#include <QAction>
#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QTemporaryDir>
#include <QTextStream>
#include <QThread>
#include <QTimer>

#include <algorithm>
#include <functional>
#include <memory>
#include <vector>

using namespace cg;

namespace {

// Records the gaps between ticks of a fast timer: a gap well over 5 ms means the
// event loop was busy with something else for that long.
class Heartbeat
{
public:
    Heartbeat()
    {
        m_timer.setInterval(5);
        m_timer.setTimerType(Qt::PreciseTimer);
        QObject::connect(&m_timer, &QTimer::timeout, [this] {
            m_gaps.push_back(double(m_clock.nsecsElapsed()) / 1e6);
            m_clock.restart();
        });
    }
    void start()
    {
        m_gaps.clear();
        m_clock.start();
        m_timer.start();
    }
    std::pair<double, double> stop() // longest, p99 (ms)
    {
        m_timer.stop();
        if (m_gaps.empty())
            return {0, 0};
        std::sort(m_gaps.begin(), m_gaps.end());
        return {m_gaps.back(), m_gaps[size_t(double(m_gaps.size() - 1) * 0.99)]};
    }

private:
    QTimer m_timer;
    QElapsedTimer m_clock;
    std::vector<double> m_gaps;
};

// Runs steps one after another through the event loop, each after the previous
// reports done, timing each phase with the heartbeat.
class Script
{
public:
    using Step = std::function<void(std::function<void()> done)>;

    void phase(const QString &name, Step step) { m_phases.push_back({name, std::move(step)}); }

    void run(QTextStream &out, std::function<void()> finished)
    {
        if (m_next == m_phases.size()) {
            finished();
            return;
        }
        const auto &[name, step] = m_phases[m_next++];
        m_heartbeat.start();
        m_clock.start();
        step([this, &out, name = name, finished] {
            const auto [longest, p99] = m_heartbeat.stop();
            out << QStringLiteral("%1  %2 ms  longest stall %3 ms  p99 gap %4 ms\n")
                       .arg(name.leftJustified(34))
                       .arg(m_clock.elapsed(), 6)
                       .arg(longest, 6, 'f', 1)
                       .arg(p99, 5, 'f', 1);
            out.flush();
            QTimer::singleShot(50, [this, &out, finished] { run(out, finished); });
        });
    }

private:
    std::vector<std::pair<QString, Step>> m_phases;
    size_t m_next = 0;
    Heartbeat m_heartbeat;
    QElapsedTimer m_clock;
};

void whenQueueLoaded(CaseQueueModel *queue, std::function<void()> done)
{
    if (!queue->isLoading()) {
        QTimer::singleShot(0, done);
        return;
    }
    auto *connection = new QMetaObject::Connection;
    *connection = QObject::connect(queue, &CaseQueueModel::loadingChanged, [connection, done](bool loading) {
        if (loading)
            return;
        QObject::disconnect(*connection);
        delete connection;
        done();
    });
}

// Triggers an action `times` times, letting the event loop run between presses.
void repeat(QAction *action, int times, std::function<void()> done)
{
    if (times == 0) {
        done();
        return;
    }
    action->trigger();
    QTimer::singleShot(1, [action, times, done] { repeat(action, times - 1, done); });
}

} // namespace

int main(int argc, char *argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QCommandLineParser parser;
    const QCommandLineOption conversations(QStringLiteral("conversations"), QStringLiteral("Demo size."),
                                           QStringLiteral("n"), QStringLiteral("20000"));
    const QCommandLineOption dbOption(QStringLiteral("db"), QStringLiteral("Use this database (made if missing)."),
                                      QStringLiteral("file"));
    parser.addOptions({conversations, dbOption});
    parser.process(app);
    QTextStream out(stdout);

    QTemporaryDir dir;
    const QString path = parser.isSet(dbOption) ? parser.value(dbOption) : dir.filePath(QStringLiteral("bench.sqlite"));
    if (!QFileInfo::exists(path)) {
        DemoOptions options;
        options.conversations = parser.value(conversations).toInt();
        QElapsedTimer made;
        made.start();
        const DemoWriteOutcome written = DemoDatabaseWriter::write(path, options, QThread::idealThreadCount());
        if (!written.ok) {
            out << written.error << '\n';
            return 1;
        }
        out << QStringLiteral("demo database: %1 conversations, %2 messages in %3 s\n")
                   .arg(written.conversations)
                   .arg(written.messages)
                   .arg(double(made.elapsed()) / 1000.0, 0, 'f', 1);
    }

    AppSettings settings(dir.filePath(QStringLiteral("settings.ini")));
    ReviewSession session(QStringLiteral("bench"));
    MainWindow window(&session, &settings);
    window.show();
    CaseQueueModel *queue = session.queue();
    ActionRegistry *actions = window.actions();
    auto *search = window.findChild<QLineEdit *>(QStringLiteral("searchLineEdit"));

    Script script;
    script.phase(QStringLiteral("open and show the first page"), [&](auto done) {
        window.openDatabase(path);
        whenQueueLoaded(queue, done);
    });
    script.phase(QStringLiteral("walk 200 cases with J"),
                 [&](auto done) { repeat(actions->action(ActionId::NextCase), 200, done); });
    script.phase(QStringLiteral("search job titles and names"), [&](auto done) {
        search->setText(QStringLiteral("design"));
        QTimer::singleShot(300, [&, done] { whenQueueLoaded(queue, done); }); // past the typing delay
    });
    for (int column : {int(CaseQueueModel::FreelancerColumn), int(CaseQueueModel::AgeColumn), int(CaseQueueModel::RiskColumn)}) {
        script.phase(QStringLiteral("sort by column %1").arg(column), [&, column](auto done) {
            queue->sort(column, Qt::DescendingOrder);
            whenQueueLoaded(queue, done);
        });
    }
    script.phase(QStringLiteral("clear search, page in 2,000 rows"), [&](auto done) {
        search->clear();
        QTimer::singleShot(300, [&, done] {
            whenQueueLoaded(queue, [&, done] {
                auto more = std::make_shared<std::function<void()>>();
                *more = [&, done, more] {
                    if (queue->rowCount() >= 2000 || !queue->canFetchMore({})) {
                        done();
                        return;
                    }
                    queue->fetchMore({});
                    whenQueueLoaded(queue, *more);
                };
                (*more)();
            });
        });
    });
    script.phase(QStringLiteral("decide 30 cases (1, note, Ctrl+Enter)"), [&](auto done) {
        auto decide = std::make_shared<std::function<void(int)>>();
        *decide = [&, done, decide](int left) {
            if (left == 0) {
                done();
                return;
            }
            actions->action(ActionId::VerdictNoContact)->trigger();
            if (auto *note = window.findChild<QPlainTextEdit *>(QStringLiteral("noteTextEdit")))
                note->setPlainText(QStringLiteral("benchmark decision"));
            actions->action(ActionId::Submit)->trigger();
            QTimer::singleShot(1, [decide, left] { (*decide)(left - 1); });
        };
        (*decide)(30);
    });
    script.run(out, [] { QCoreApplication::quit(); });
    return app.exec();
}
