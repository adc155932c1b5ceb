#include "ActionRegistry.h"
#include "Assessment.h"
#include "AssessmentPanel.h"
#include "ContactPolicy.h"
#include "ConversationPanel.h"
#include "AppSettings.h"
#include "CaseQueueModel.h"
#include "ConversationModel.h"
#include "DecisionLogModel.h"
#include "DecisionLogPanel.h"
#include "DecisionPanel.h"
#include "DecisionService.h"
#include "CaseDatabase.h"
#include "CaseImporter.h"
#include "Detector.h"
#include "Scanner.h"
#include "DemoDatabaseWriter.h"
#include "ExportDialog.h"
#include "FileDialog.h"
#include "MainWindow.h"
#include "MessageBar.h"
#include "AuditLog.h"
#include "MessageDelegate.h"
#include "PersonPanel.h"
#include "ReviewSession.h"
#include "SettingsDialog.h"
#include "TextPrompt.h"

#include <QAction>
#include <QApplication>
#include <QAbstractItemView>
#include <QCheckBox>
#include <QComboBox>
#include <QListView>
#include <QDockWidget>
#include <QKeySequenceEdit>
#include <QSpinBox>
#include <QFile>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QRadioButton>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTableView>
#include <QTemporaryDir>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QTimeZone>
#include <QTimer>
#include <QToolTip>
#include <QTranslator>
#include <QScopeGuard>

#include <sys/stat.h>

using namespace cg;

namespace {

// The app as a user starts it: a session, settings on a private file, the window.
struct RunningApp
{
    RunningApp(const QString &settingsPath, const QString &moderator)
        : settings(settingsPath)
        , session(moderator)
        , window(&session, &settings)
    {
        window.show();
    }
    AppSettings settings;
    ReviewSession session;
    MainWindow window;
};

void press(QWidget *window, Qt::Key key, Qt::KeyboardModifiers modifiers = Qt::NoModifier)
{
    QWidget *target = QApplication::focusWidget() ? QApplication::focusWidget() : window;
    QTest::keyClick(target, key, modifiers);
}

// Walks the queue with J, as a moderator would, to a case the policy suggests deciding as `verdict`.
bool walkToSuggested(QWidget *window, ReviewSession &session, const QString &verdict)
{
    for (int step = 0; step < 60; ++step) {
        press(window, Qt::Key_J);
        if (!QTest::qWaitFor([&session] { return session.currentCaseId() != 0; }, 5000))
            return false;
        if (session.suggestion() && session.suggestion()->verdict == verdict)
            return true;
    }
    return false;
}

} // namespace

class TestMainWindow : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        DemoOptions options;
        options.conversations = 60;
        options.seed = 3;
        m_demoPath = m_dir.filePath(QStringLiteral("demo.sqlite"));
        const DemoWriteOutcome written = DemoDatabaseWriter::write(m_demoPath, options, 2);
        QVERIFY2(written.ok, qPrintable(written.error));
    }

    void init()
    {
        m_settingsPath = m_dir.filePath(QStringLiteral("settings-%1.ini").arg(QLatin1String(QTest::currentTestFunction())));
    }

    void decidesACaseWithTheKeyboardAndKeepsItAfterRestart()
    {
        qint64 decidedCase = 0;
        QString expectedNote = QStringLiteral("Phone number shared before the contract");
        {
            RunningApp app(m_settingsPath, QStringLiteral("kim"));
            QVERIFY(QTest::qWaitForWindowActive(&app.window));
            QVERIFY(app.window.openDatabase(m_demoPath));
            QTRY_VERIFY(app.session.queue()->rowCount() > 0);
            auto *table = app.window.findChild<QTableView *>(QStringLiteral("queueTableView"));
            QVERIFY(table);
            QTRY_VERIFY(table->hasFocus());

            press(&app.window, Qt::Key_J); // first case
            QTRY_VERIFY(app.session.currentCaseId() != 0);
            QCOMPARE(app.session.currentCaseId(), app.session.queue()->caseIdAt(0));
            press(&app.window, Qt::Key_J); // second case
            const qint64 second = app.session.currentCaseId();
            press(&app.window, Qt::Key_K); // back to the first
            QTRY_VERIFY(app.session.currentCaseId() != second);
            QVERIFY(walkToSuggested(&app.window, app.session, QStringLiteral("violation")));
            decidedCase = app.session.currentCaseId();
            QVERIFY(app.session.conversation()->rowCount() > 0);

            press(&app.window, Qt::Key_1);
            auto *panel = app.window.findChild<DecisionPanel *>(QStringLiteral("decisionPanel"));
            QCOMPARE(panel->verdict(), QStringLiteral("violation"));
            // Agreeing with the suggestion pre-fills its basis and the penalty from the ladder.
            QCOMPARE(panel->basis(), app.session.suggestion()->basis);
            QCOMPARE(panel->penalty(), app.session.suggestion()->penalty);
            auto *penalty = app.window.findChild<QComboBox *>(QStringLiteral("penaltyComboBox"));
            QVERIFY(penalty->isEnabled());
            press(&app.window, Qt::Key_P); // the penalty list opens
            QTRY_VERIFY(penalty->view()->isVisible());
            QTest::keyClicks(penalty->view(), QStringLiteral("W")); // "Warning", by its first letter
            QTest::keyClick(penalty->view(), Qt::Key_Return);
            QTRY_VERIFY(!penalty->view()->isVisible());
            QCOMPARE(panel->penalty(), QStringLiteral("warning"));

            press(&app.window, Qt::Key_N);
            auto *note = app.window.findChild<QPlainTextEdit *>(QStringLiteral("noteTextEdit"));
            QTRY_VERIFY(note->hasFocus());
            QTest::keyClicks(note, expectedNote + QStringLiteral(" 3")); // keys go to the note while it has focus
            QCOMPARE(panel->verdict(), QStringLiteral("violation"));
            press(&app.window, Qt::Key_Backspace);
            press(&app.window, Qt::Key_Backspace);
            press(&app.window, Qt::Key_Escape); // leave the note for the queue
            QTRY_VERIFY(table->hasFocus());
            press(&app.window, Qt::Key_Return, Qt::ControlModifier);

            QTRY_VERIFY(app.session.currentCaseId() != decidedCase); // moved on to the next case
            QVERIFY2(app.window.messageBar()->text().contains(QStringLiteral("decided")),
                     qPrintable(app.window.messageBar()->text()));
            QVERIFY(panel->verdict().isEmpty());
            // The decided case keeps its row, now showing its new status.
            CaseQueueModel *queue = app.session.queue();
            const int decidedRow = queue->rowOfCase(decidedCase);
            QVERIFY(decidedRow >= 0);
            QCOMPARE(queue->index(decidedRow, CaseQueueModel::StatusColumn).data().toString(), QStringLiteral("decided"));
            app.window.close();
        }
        {
            // A fresh start finds the decision, its penalty and its audit entry in the file.
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("check"));
            db.setDatabaseName(m_demoPath);
            QVERIFY(db.open());
            QSqlQuery query(db);
            QVERIFY(query.exec(QStringLiteral(
                "SELECT d.verdict, d.note, p.kind, m.name, c.status FROM decisions d "
                "JOIN moderators m ON m.id = d.moderator_id JOIN conversations c ON c.id = d.conversation_id "
                "LEFT JOIN penalties p ON p.decision_id = d.id WHERE d.conversation_id = %1 ORDER BY d.id DESC LIMIT 1")
                                       .arg(decidedCase)));
            QVERIFY(query.next());
            QCOMPARE(query.value(0).toString(), QStringLiteral("violation"));
            QCOMPARE(query.value(1).toString(), expectedNote);
            QCOMPARE(query.value(2).toString(), QStringLiteral("warning"));
            QCOMPARE(query.value(3).toString(), QStringLiteral("kim"));
            QCOMPARE(query.value(4).toString(), QStringLiteral("decided"));
            QVERIFY(query.exec(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = 'decision' AND "
                                              "entity_id = '%1' AND actor = 'kim'").arg(decidedCase)));
            QVERIFY(query.next());
            QCOMPARE(query.value(0).toInt(), 1);
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("check"));
        {
            RunningApp app(m_settingsPath, QStringLiteral("kim"));
            // Reopens the most recent file, as the app's main() does.
            QCOMPARE(app.settings.recentFiles().value(0), QFileInfo(m_demoPath).absoluteFilePath());
            QVERIFY(app.window.openDatabase(app.settings.recentFiles().constFirst()));
            app.session.selectCase(decidedCase);
            QVERIFY(app.session.currentCase());
            QCOMPARE(app.session.currentCase()->status, QStringLiteral("decided"));
            QCOMPARE(app.session.currentCase()->decisionsOnCase.value(0).moderator, QStringLiteral("kim"));
        }
    }

    void personPanelShowsTheHistoryOfThePersonUnderReview()
    {
        RunningApp app(m_settingsPath, QStringLiteral("kim"));
        QVERIFY(app.window.openDatabase(m_demoPath));
        // A case whose subject has an earlier decision on another case.
        qint64 caseId = 0;
        {
            QSqlDatabase check = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("history"));
            check.setDatabaseName(m_demoPath);
            QVERIFY(check.open());
            QSqlQuery query(check);
            QVERIFY(query.exec(QStringLiteral(
                "SELECT c.id FROM conversations c WHERE c.status = 'new' AND EXISTS (SELECT 1 FROM decisions d "
                "WHERE d.subject_id = c.subject_id AND d.conversation_id <> c.id AND d.is_training = 0) LIMIT 1")));
            QVERIFY(query.next());
            caseId = query.value(0).toLongLong();
            check.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("history"));
        app.session.selectCase(caseId);
        auto *person = app.window.findChild<PersonPanel *>(QStringLiteral("personPanel"));
        QVERIFY(person);
        const QString text = person->plainText();
        QVERIFY2(text.contains(QStringLiteral("Earlier decisions")), qPrintable(text));
        QVERIFY2(text.contains(app.session.currentCase()->subjectName), qPrintable(text));
        QVERIFY(!text.contains(QStringLiteral("None.")));
    }

    void preferencesAreSavedAndApplied()
    {
        RunningApp app(m_settingsPath, QStringLiteral("kim"));
        SettingsDialog dialog(&app.settings, app.window.actions());
        dialog.findChild<QLineEdit *>(QStringLiteral("moderatorLineEdit"))->setText(QStringLiteral("lee"));
        auto *theme = dialog.findChild<QComboBox *>(QStringLiteral("themeComboBox"));
        theme->setCurrentIndex(theme->findData(static_cast<int>(AppSettings::Theme::Dark)));
        dialog.findChild<QSpinBox *>(QStringLiteral("fontSizeSpinBox"))->setValue(13);
        dialog.findChild<QKeySequenceEdit *>(QStringLiteral("nextCaseActionKeySequenceEdit"))
            ->setKeySequence(QKeySequence(Qt::Key_Down | Qt::AltModifier));
        dialog.save();

        AppSettings reread(m_settingsPath);
        QCOMPARE(reread.moderatorName(), QStringLiteral("lee"));
        QCOMPARE(reread.theme(), AppSettings::Theme::Dark);
        QCOMPARE(reread.fontPointSize(), 13);
        QCOMPARE(reread.shortcut(QStringLiteral("nextCaseAction")).value(), QKeySequence(Qt::Key_Down | Qt::AltModifier));
    }

    void decisionLogDockShowsTheNewDecision()
    {
        RunningApp app(m_settingsPath, QStringLiteral("ana"));
        QVERIFY(QTest::qWaitForWindowActive(&app.window));
        QVERIFY(app.window.openDatabase(m_demoPath));
        QTRY_VERIFY(app.session.queue()->rowCount() > 0);
        auto *dock = app.window.findChild<QDockWidget *>(QStringLiteral("decisionLogDock"));
        QVERIFY(dock && !dock->isVisible());
        press(&app.window, Qt::Key_L, Qt::ControlModifier);
        QTRY_VERIFY(dock->isVisible());

        press(&app.window, Qt::Key_J);
        QTRY_VERIFY(app.session.currentCaseId() != 0);
        const qint64 caseId = app.session.currentCaseId();
        press(&app.window, Qt::Key_4); // no contact
        press(&app.window, Qt::Key_N);
        QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("Numbers are order ids, not contact details."));
        press(&app.window, Qt::Key_Escape);
        press(&app.window, Qt::Key_Return, Qt::ControlModifier);
        QTRY_VERIFY(app.session.currentCaseId() != caseId);

        auto *log = app.window.findChild<DecisionLogPanel *>(QStringLiteral("decisionLogPanel"));
        DecisionLogModel *decisions = log->decisions();
        QTRY_VERIFY(!decisions->isLoading() && decisions->rowCount() > 0);
        QCOMPARE(decisions->index(0, DecisionLogModel::CaseColumn).data().toLongLong(), caseId);
        QCOMPARE(decisions->index(0, DecisionLogModel::ModeratorColumn).data().toString(), QStringLiteral("ana"));
        QCOMPARE(decisions->index(0, DecisionLogModel::VerdictColumn).data().toString(), QStringLiteral("no_contact"));
    }

    void tamperedAuditLogIsShownOnOpen()
    {
        const QString copy = m_dir.filePath(QStringLiteral("tampered.sqlite"));
        QVERIFY(QFile::copy(m_demoPath, copy));
        {
            // What someone with the sqlite3 shell would do: drop the guard and edit history.
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("tamper"));
            db.setDatabaseName(copy);
            QVERIFY(db.open());
            QSqlQuery query(db);
            QVERIFY(query.exec(QStringLiteral("DROP TRIGGER audit_log_append_only_update")));
            QVERIFY(query.exec(QStringLiteral("UPDATE audit_log SET actor = 'mallory' WHERE seq = 3")));
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("tamper"));
        RunningApp app(m_settingsPath, QStringLiteral("kim"));
        QVERIFY(app.window.openDatabase(copy));
        QTRY_VERIFY(app.window.messageBar()->isVisible());
        QVERIFY2(app.window.messageBar()->text().contains(QStringLiteral("changed outside ContactGuard")),
                 qPrintable(app.window.messageBar()->text()));
        QVERIFY(app.window.messageBar()->text().contains(QStringLiteral("entry 3")));
    }

    void overridingTheSuggestionNeedsANoteAndABasis()
    {
        RunningApp app(m_settingsPath, QStringLiteral("kim"));
        QVERIFY(QTest::qWaitForWindowActive(&app.window));
        QVERIFY(app.window.openDatabase(m_demoPath));
        QTRY_VERIFY(app.session.queue()->rowCount() > 0);
        QVERIFY(walkToSuggested(&app.window, app.session, QStringLiteral("violation")));
        const qint64 caseId = app.session.currentCaseId();

        press(&app.window, Qt::Key_3); // allowed: differs from the suggestion
        auto *panel = app.window.findChild<DecisionPanel *>(QStringLiteral("decisionPanel"));
        QVERIFY(panel->overridesSuggestion());
        QVERIFY(panel->basis().isEmpty());
        press(&app.window, Qt::Key_Return, Qt::ControlModifier);
        QCOMPARE(app.session.currentCaseId(), caseId);
        QVERIFY2(app.window.messageBar()->text().contains(QStringLiteral("basis")), qPrintable(app.window.messageBar()->text()));

        app.window.findChild<QCheckBox *>(QStringLiteral("contract_activeCheckBox"))->setChecked(true);
        press(&app.window, Qt::Key_Return, Qt::ControlModifier);
        QCOMPARE(app.session.currentCaseId(), caseId);
        QVERIFY2(app.window.messageBar()->text().contains(QStringLiteral("note")), qPrintable(app.window.messageBar()->text()));

        press(&app.window, Qt::Key_N);
        QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("Contract started the day before; see workroom."));
        press(&app.window, Qt::Key_Escape);
        press(&app.window, Qt::Key_Return, Qt::ControlModifier);
        QTRY_VERIFY(app.session.currentCaseId() != caseId);
    }

    void evidenceLinksRevealTheSpan()
    {
        RunningApp app(m_settingsPath, QStringLiteral("kim"));
        QVERIFY(app.window.openDatabase(m_demoPath));
        QTRY_VERIFY(app.session.queue()->rowCount() > 0);
        QVERIFY(walkToSuggested(&app.window, app.session, QStringLiteral("violation")));
        const Assessment *assessment = app.session.currentAssessment();
        QVERIFY(assessment && !assessment->evidence.isEmpty());
        auto *panel = app.window.findChild<AssessmentPanel *>(QStringLiteral("assessmentPanel"));
        // The clause the primary basis rests on is quoted next to it.
        const QString clause = app.session.policy()->clause(assessment->basis.constFirst()).text;
        QVERIFY(!clause.isEmpty());
        QVERIFY2(panel->plainText().contains(clause.left(30)), qPrintable(panel->plainText()));

        panel->activateEvidence(0);
        auto *conversation = app.window.findChild<ConversationPanel *>(QStringLiteral("conversationPanel"));
        const QModelIndex current = conversation->messageView()->currentIndex();
        QVERIFY(current.isValid());
        QCOMPARE(current.data(ConversationModel::ExternalIdRole).toString(), assessment->evidence.constFirst().messageId);
        QCOMPARE(conversation->delegate()->flashedRow(), current.row());
        QTRY_COMPARE_WITH_TIMEOUT(conversation->delegate()->flashedRow(), -1, 5000);
    }

    void exportDialogWritesAPdfReportWithItsAuditEntry()
    {
        const QString copy = m_dir.filePath(QStringLiteral("report-source.sqlite"));
        QVERIFY(QFile::copy(m_demoPath, copy));
        const QString pdf = m_dir.filePath(QStringLiteral("summary.pdf"));
        // A common umask, which would let everyone read a file made with it.
        const mode_t previousUmask = ::umask(022);
        const auto restoreUmask = qScopeGuard([previousUmask] { ::umask(previousUmask); });
        ExportDialog dialog(copy, DecisionFilter{}, QStringLiteral("amara.lead"));
        dialog.setKind(ExportKind::PdfReport);
        dialog.setOutputPath(pdf);
        QSignalSpy finished(&dialog, &ExportDialog::exportFinished);
        QTest::mouseClick(dialog.findChild<QPushButton *>(QStringLiteral("exportStartPushButton")), Qt::LeftButton);
        QVERIFY(finished.wait(60000));
        QVERIFY2(dialog.result().ok, qPrintable(dialog.result().error));
        QVERIFY(dialog.result().rows > 0);
        QFile file(pdf);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(file.read(5) == "%PDF-");
        QVERIFY(file.size() > 2000);
        // Private to its owner, like the log exports.
        QCOMPARE(file.permissions() & (QFileDevice::ReadGroup | QFileDevice::WriteGroup | QFileDevice::ReadOther
                                       | QFileDevice::WriteOther),
                 QFileDevice::Permissions());

        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("report"));
        db.setDatabaseName(copy);
        QVERIFY(db.open());
        {
            QSqlQuery query(db);
            QVERIFY(query.exec(QStringLiteral("SELECT details FROM audit_log WHERE action = 'export' ORDER BY seq DESC LIMIT 1")));
            QVERIFY(query.next());
            QVERIFY(query.value(0).toString().contains(QStringLiteral("\"pdf\"")));
            QVERIFY(query.value(0).toString().contains(dialog.result().sha256));
            QVERIFY(AuditLog::verify(db).intact);
        }
        db.close();
        QSqlDatabase::removeDatabase(QStringLiteral("report"));
    }

    void ctrlEOpensTheExportDialogOnTheLogsFilter()
    {
        RunningApp app(m_settingsPath, QStringLiteral("kim"));
        QVERIFY(QTest::qWaitForWindowActive(&app.window));
        QVERIFY(app.window.openDatabase(m_demoPath));
        QString seenTitle;
        QTimer::singleShot(0, &app.window, [&seenTitle] {
            if (auto *dialog = qobject_cast<ExportDialog *>(QApplication::activeModalWidget())) {
                seenTitle = dialog->windowTitle();
                dialog->done(QDialog::Rejected);
            }
        });
        press(&app.window, Qt::Key_E, Qt::ControlModifier);
        QCOMPARE(seenTitle, QStringLiteral("Export Decisions"));
    }

    void aLeadReversesADecisionFromTheLog()
    {
        const QString copy = m_dir.filePath(QStringLiteral("reversal.sqlite"));
        QVERIFY(QFile::copy(m_demoPath, copy));
        {
            RunningApp staff(m_settingsPath, QStringLiteral("kim")); // not a lead: no reversal
            QVERIFY(staff.window.openDatabase(copy));
            QVERIFY(!staff.window.findChild<QPushButton *>(QStringLiteral("reversePushButton"))->isVisibleTo(&staff.window));
        }
        RunningApp app(m_settingsPath, QStringLiteral("amara.lead"));
        QVERIFY(QTest::qWaitForWindowActive(&app.window));
        QVERIFY(app.window.openDatabase(copy));
        press(&app.window, Qt::Key_L, Qt::ControlModifier);
        auto *log = app.window.findChild<DecisionLogPanel *>(QStringLiteral("decisionLogPanel"));
        QTRY_VERIFY(!log->decisions()->isLoading() && log->decisions()->rowCount() > 0);
        auto *table = app.window.findChild<QTableView *>(QStringLiteral("decisionLogTableView"));
        table->setFocus();
        table->setCurrentIndex(log->decisions()->index(0, 0));
        const qint64 decision = log->selectedDecision();
        QVERIFY(decision > 0);
        auto *reverse = app.window.findChild<QPushButton *>(QStringLiteral("reversePushButton"));
        QVERIFY(reverse->isEnabled());

        TextPrompt::instance().setNextAnswer(QStringLiteral("Appeal upheld: the number was the agency's switchboard."));
        QTest::mouseClick(reverse, Qt::LeftButton);
        QVERIFY2(app.window.messageBar()->text().contains(QStringLiteral("reversed")), qPrintable(app.window.messageBar()->text()));

        QSqlDatabase db = app.session.connection();
        QSqlQuery query(db);
        QVERIFY(query.exec(QStringLiteral("SELECT r.note, m.name, c.status FROM decisions r JOIN moderators m ON m.id = r.moderator_id "
                                          "JOIN conversations c ON c.id = r.conversation_id WHERE r.reverses_decision_id = %1")
                               .arg(decision)));
        QVERIFY(query.next());
        QVERIFY(query.value(0).toString().startsWith(QStringLiteral("Appeal upheld")));
        QCOMPARE(query.value(1).toString(), QStringLiteral("amara.lead"));
        QCOMPARE(query.value(2).toString(), QStringLiteral("new"));
        QVERIFY(AuditLog::verify(db).intact);
        // The reversed decision cannot be reversed twice.
        QTRY_VERIFY(!log->decisions()->isLoading());
        for (int row = 0; row < log->decisions()->rowCount(); ++row) {
            if (log->decisions()->rowValues(row).value(DecisionLogModel::FieldId).toLongLong() == decision) {
                table->setCurrentIndex(log->decisions()->index(row, 0));
                QVERIFY(!reverse->isEnabled());
            }
        }
    }

    void everyFocusableWidgetHasAnAccessibleName()
    {
        RunningApp app(m_settingsPath, QStringLiteral("amara.lead"));
        QVERIFY(app.window.openDatabase(m_demoPath));
        QTRY_VERIFY(app.session.queue()->rowCount() > 0);
        app.session.selectCase(app.session.queue()->caseIdAt(0));
        SettingsDialog settings(&app.settings, app.window.actions(), &app.window);
        ExportDialog exporter(m_demoPath, DecisionFilter{}, QStringLiteral("amara.lead"), &app.window);
        QStringList unnamed;
        for (QWidget *root : std::initializer_list<QWidget *>{&app.window, &settings, &exporter}) {
            for (QWidget *widget : root->findChildren<QWidget *>()) {
                if (widget->focusPolicy() == Qt::NoFocus || widget->inherits("QAbstractButton"))
                    continue; // buttons and checkboxes are named by their own text
                if (widget->accessibleName().isEmpty() && !widget->inherits("QScrollBar") && widget->parent()
                    && !widget->parentWidget()->inherits("QAbstractSpinBox") && !widget->parentWidget()->inherits("QComboBox")
                    && !widget->parentWidget()->inherits("QKeySequenceEdit") // Qt's inner editor; the parent is named
                    && !widget->inherits("QTabBar") && !widget->inherits("QHeaderView"))
                    unnamed << QStringLiteral("%1 (%2)").arg(widget->objectName(), QLatin1String(widget->metaObject()->className()));
            }
        }
        QVERIFY2(unnamed.isEmpty(), qPrintable(unnamed.join(QStringLiteral(", "))));
    }

    void sStepsThroughHighlightsShowingWhatWasFound()
    {
        RunningApp app(m_settingsPath, QStringLiteral("kim"));
        QVERIFY(QTest::qWaitForWindowActive(&app.window));
        QVERIFY(app.window.openDatabase(m_demoPath));
        QTRY_VERIFY(app.session.queue()->rowCount() > 0);
        QVERIFY(walkToSuggested(&app.window, app.session, QStringLiteral("violation")));
        press(&app.window, Qt::Key_S);
        auto *conversation = app.window.findChild<ConversationPanel *>(QStringLiteral("conversationPanel"));
        const QModelIndex current = conversation->messageView()->currentIndex();
        QVERIFY(current.isValid());
        const DetectedSpans spans = current.data(ConversationModel::SpansRole).value<DetectedSpans>();
        QVERIFY(!spans.isEmpty());
        QTRY_VERIFY(QToolTip::isVisible());
        QCOMPARE(QToolTip::text(), MessageDelegate::describeSpan(spans.constFirst()));
        QVERIFY(QToolTip::text().contains(spans.constFirst().value.toHtmlEscaped()));
        QCOMPARE(conversation->delegate()->flashedRow(), current.row());
    }

    void aDecisionMadeElsewhereMeanwhileIsAConflict()
    {
        const QString copy = m_dir.filePath(QStringLiteral("conflict.sqlite"));
        QVERIFY(QFile::copy(m_demoPath, copy));
        RunningApp app(m_settingsPath, QStringLiteral("kim"));
        QVERIFY(QTest::qWaitForWindowActive(&app.window));
        QVERIFY(app.window.openDatabase(copy));
        QTRY_VERIFY(app.session.queue()->rowCount() > 0);
        QVERIFY(walkToSuggested(&app.window, app.session, QStringLiteral("violation")));
        const qint64 caseId = app.session.currentCaseId();
        {
            // Another moderator, on another connection, decides the same case first.
            OpenResult opened;
            auto other = CaseDatabase::open(copy, OpenMode::ExistingOnly, &opened);
            QVERIFY2(other, qPrintable(opened.message));
            DecisionRequest request;
            request.caseId = caseId;
            request.verdict = QStringLiteral("allowed");
            request.moderator = QStringLiteral("mei");
            QVERIFY(DecisionService(other->connection()).record(request).recorded());
        }
        press(&app.window, Qt::Key_1);
        press(&app.window, Qt::Key_Return, Qt::ControlModifier);
        QCOMPARE(app.session.currentCaseId(), caseId); // still on the case
        const QString message = app.window.messageBar()->text();
        QVERIFY2(message.contains(QStringLiteral("mei")) && message.contains(QStringLiteral("allowed")), qPrintable(message));
        QCOMPARE(app.session.currentCase()->status, QStringLiteral("decided")); // reloaded

        // Having seen it, the moderator submits again on the current version.
        press(&app.window, Qt::Key_Return, Qt::ControlModifier);
        QTRY_VERIFY(app.session.currentCaseId() != caseId);
    }

    void partsOfASplitDetailAreLinked()
    {
        // A freelancer splits a number over two messages; the assessment joins it.
        const QString path = m_dir.filePath(QStringLiteral("split.sqlite"));
        {
            OpenResult opened;
            auto db = CaseDatabase::open(path, OpenMode::CreateIfMissing, &opened);
            QVERIFY2(db, qPrintable(opened.message));
            ConversationRecord record;
            record.externalId = QStringLiteral("split-1");
            record.jobTitle = QStringLiteral("Bookkeeping");
            record.phase = QStringLiteral("messages");
            record.client = {QStringLiteral("cl-s"), QStringLiteral("Ana Client"), QStringLiteral("client"),
                             QStringLiteral("basic"), QStringLiteral("PH")};
            record.freelancer = {QStringLiteral("fl-s"), QStringLiteral("Ben Freelancer"), QStringLiteral("freelancer"),
                                 QString(), QStringLiteral("PH")};
            record.subjectRole = QStringLiteral("freelancer");
            const QDateTime at(QDate(2026, 6, 1), QTime(10, 0), QTimeZone::utc());
            record.messages = {{QStringLiteral("split-1-m1"), QStringLiteral("freelancer"), QStringLiteral("messages"), at,
                                QStringLiteral("my number starts 0917 55")},
                               {QStringLiteral("split-1-m2"), QStringLiteral("freelancer"), QStringLiteral("messages"),
                                at.addSecs(60), QStringLiteral("then 51234")}};
            record.flaggedAt = at.addDays(1);
            QVERIFY(CaseImporter(db->connection(), QStringLiteral("t")).import(record).ok);
            const Detector detector;
            QVERIFY(Scanner(db->connection(), detector, QStringLiteral("t")).scan(ScanScope::Pending, 1).ok);
        }
        RunningApp app(m_settingsPath, QStringLiteral("kim"));
        QVERIFY(QTest::qWaitForWindowActive(&app.window));
        QVERIFY(app.window.openDatabase(path));
        QTRY_VERIFY(app.session.queue()->rowCount() == 1);
        press(&app.window, Qt::Key_J);
        QTRY_VERIFY(app.session.currentCaseId() != 0);
        QVERIFY(app.session.currentAssessment() && !app.session.currentAssessment()->joinedDetails.isEmpty());

        // S reaches the first part, highlighted though the detector alone did not flag it.
        press(&app.window, Qt::Key_S);
        QTRY_VERIFY(QToolTip::isVisible());
        QVERIFY2(QToolTip::text().contains(QStringLiteral("split over messages")), qPrintable(QToolTip::text()));
        QVERIFY2(QToolTip::text().contains(QStringLiteral("over 2 message")), qPrintable(QToolTip::text()));
    }

    void submitWithoutVerdictExplainsWhatIsMissing()
    {
        RunningApp app(m_settingsPath, QStringLiteral("kim"));
        QVERIFY(app.window.openDatabase(m_demoPath));
        QTRY_VERIFY(app.session.queue()->rowCount() > 0);
        press(&app.window, Qt::Key_J);
        QTRY_VERIFY(app.session.currentCaseId() != 0);
        const qint64 caseId = app.session.currentCaseId();
        press(&app.window, Qt::Key_Return, Qt::ControlModifier);
        QCOMPARE(app.session.currentCaseId(), caseId);
        QVERIFY(app.window.messageBar()->text().contains(QStringLiteral("Choose a verdict")));
    }

    void searchShortcutFocusesTheSearchField()
    {
        RunningApp app(m_settingsPath, QStringLiteral("kim"));
        QVERIFY(QTest::qWaitForWindowActive(&app.window));
        QVERIFY(app.window.openDatabase(m_demoPath));
        CaseQueueModel *queue = app.session.queue();
        QTRY_VERIFY(queue->rowCount() > 5);
        const QString wanted = queue->index(5, CaseQueueModel::IdColumn).data(Qt::ToolTipRole).toString();
        QVERIFY(wanted.startsWith(QStringLiteral("demo-")));
        press(&app.window, Qt::Key_Slash);
        auto *search = app.window.findChild<QLineEdit *>(QStringLiteral("searchLineEdit"));
        QTRY_VERIFY(search->hasFocus());
        QTest::keyClicks(search, wanted);
        press(&app.window, Qt::Key_Return);
        QTRY_COMPARE(queue->rowCount(), 1);
        QCOMPARE(queue->index(0, CaseQueueModel::IdColumn).data(Qt::ToolTipRole).toString(), wanted);
    }

    void openingABrokenFileShowsTheMessageBarAndKeepsRunning()
    {
        const QString junk = m_dir.filePath(QStringLiteral("junk.sqlite"));
        QFile file(junk);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("this is not a database at all, just some text that is long enough");
        file.close();
        RunningApp app(m_settingsPath, QStringLiteral("kim"));
        FileDialog::instance().setNextFileName(junk);
        app.window.actions()->action(ActionId::Open)->trigger();
        QVERIFY(app.window.messageBar()->isVisible());
        QVERIFY2(app.window.messageBar()->text().contains(QStringLiteral("not a ContactGuard case database")),
                 qPrintable(app.window.messageBar()->text()));
        QVERIFY(!app.session.hasDatabase());
        QVERIFY(app.window.openDatabase(m_demoPath));
    }

    void spanTooltipDescribesTheDetail()
    {
        DetectedSpan span;
        span.type = ContactType::Email;
        span.text = QStringLiteral("ana at mail dot com");
        span.value = QStringLiteral("ana@mail.com");
        span.confidence = 0.9;
        span.obfuscated = true;
        span.rule = QStringLiteral("email.at_dot_words");
        span.explanation = QStringLiteral("E-mail address written with words for @ and dot.");
        const QString tip = MessageDelegate::describeSpan(span);
        QVERIFY(tip.contains(QStringLiteral("ana@mail.com")));
        QVERIFY(tip.contains(QStringLiteral("90%")));
        QVERIFY(tip.contains(QStringLiteral("email.at_dot_words")));
        QVERIFY(tip.contains(QStringLiteral("Disguised")));
    }

    void translationsAreBuiltIn()
    {
        QTranslator german;
        QVERIFY(german.load(QLocale(QLocale::German, QLocale::Germany), QStringLiteral("contactguard"),
                            QStringLiteral("_"), QStringLiteral(":/i18n")));
        QVERIFY(!german.isEmpty());
    }

    void enabledActionsFollowTheSession_data()
    {
        QTest::addColumn<bool>("hasDatabase");
        QTest::addColumn<bool>("hasCase");
        QTest::addColumn<bool>("submitEnabled");
        QTest::addColumn<bool>("nextEnabled");
        QTest::newRow("nothing open") << false << false << false << false;
        QTest::newRow("database, no case") << true << false << false << true;
        QTest::newRow("case selected") << true << true << true << true;
    }

    void enabledActionsFollowTheSession()
    {
        QFETCH(bool, hasDatabase);
        QFETCH(bool, hasCase);
        QFETCH(bool, submitEnabled);
        QFETCH(bool, nextEnabled);
        ActionContext context;
        context.hasDatabase = hasDatabase;
        context.hasCase = hasCase;
        const QSet<ActionId> enabled = ActionRegistry::enabledActions(context);
        QCOMPARE(enabled.contains(ActionId::Submit), submitEnabled);
        QCOMPARE(enabled.contains(ActionId::NextCase), nextEnabled);
        QVERIFY(enabled.contains(ActionId::Open));
    }

    void remappedShortcutsComeFromSettings()
    {
        AppSettings settings(m_settingsPath);
        settings.setShortcut(QStringLiteral("nextCaseAction"), QKeySequence(Qt::Key_Down | Qt::AltModifier));
        ActionRegistry registry;
        registry.applyShortcuts(settings);
        QCOMPARE(registry.action(ActionId::NextCase)->shortcut(), QKeySequence(Qt::Key_Down | Qt::AltModifier));
        QCOMPARE(registry.action(ActionId::PreviousCase)->shortcut(), QKeySequence(Qt::Key_K));
    }

private:
    QTemporaryDir m_dir;
    QString m_demoPath;
    QString m_settingsPath;
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
