#include "ExportDialog.h"

#include "FileDialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

namespace cg {

namespace {

QString extension(ExportKind kind)
{
    switch (kind) {
    case ExportKind::Csv: return QStringLiteral("csv");
    case ExportKind::JsonLines: return QStringLiteral("jsonl");
    case ExportKind::PdfReport: return QStringLiteral("pdf");
    }
    return {};
}

QString describe(const DecisionFilter &filter)
{
    QStringList parts;
    if (filter.from.isValid())
        parts << ExportDialog::tr("from %1").arg(filter.from.toString(Qt::ISODate));
    if (filter.to.isValid())
        parts << ExportDialog::tr("to %1").arg(filter.to.toString(Qt::ISODate));
    if (!filter.moderator.isEmpty())
        parts << ExportDialog::tr("by %1").arg(filter.moderator);
    if (!filter.verdict.isEmpty())
        parts << ExportDialog::tr("verdict %1").arg(filter.verdict);
    return parts.isEmpty() ? ExportDialog::tr("every decision") : parts.join(QStringLiteral(", "));
}

} // namespace

ExportDialog::ExportDialog(QString databasePath, const DecisionFilter &filter, QString actor, QWidget *parent)
    : QDialog(parent)
    , m_databasePath(std::move(databasePath))
    , m_filter(filter)
    , m_actor(std::move(actor))
    , m_kind(new QComboBox(this))
    , m_unmasked(new QCheckBox(tr("Include contact details &unmasked (legal requests only)"), this))
    , m_path(new QLineEdit(this))
    , m_browse(new QPushButton(tr("&Browse…"), this))
    , m_progress(new QProgressBar(this))
    , m_status(new QLabel(this))
    , m_start(new QPushButton(tr("&Export"), this))
    , m_cancel(new QPushButton(tr("&Cancel"), this))
{
    setObjectName(QStringLiteral("exportDialog"));
    setWindowTitle(tr("Export Decisions"));
    m_kind->setObjectName(QStringLiteral("exportKindComboBox"));
    m_kind->setAccessibleName(tr("Export format"));
    m_kind->addItem(tr("Decision log, CSV"), int(ExportKind::Csv));
    m_kind->addItem(tr("Decision log, JSON Lines"), int(ExportKind::JsonLines));
    m_kind->addItem(tr("Summary report with charts, PDF"), int(ExportKind::PdfReport));
    m_unmasked->setObjectName(QStringLiteral("unmaskedCheckBox"));
    m_path->setObjectName(QStringLiteral("exportPathLineEdit"));
    m_path->setAccessibleName(tr("File to write"));
    m_browse->setObjectName(QStringLiteral("exportBrowsePushButton"));
    m_progress->setObjectName(QStringLiteral("exportProgressBar"));
    m_progress->setAccessibleName(tr("Export progress"));
    m_progress->setRange(0, 0);
    m_progress->hide();
    m_status->setObjectName(QStringLiteral("exportStatusLabel"));
    m_status->setWordWrap(true);
    m_start->setObjectName(QStringLiteral("exportStartPushButton"));
    m_start->setDefault(true);
    m_cancel->setObjectName(QStringLiteral("exportCancelPushButton"));

    auto *pathRow = new QHBoxLayout;
    pathRow->addWidget(m_path, 1);
    pathRow->addWidget(m_browse);
    auto *form = new QFormLayout;
    form->addRow(tr("&Format"), m_kind);
    form->addRow(tr("Decisions"), new QLabel(describe(m_filter), this));
    form->addRow(QString(), m_unmasked);
    auto *pathLabel = new QLabel(tr("&File"), this);
    pathLabel->setBuddy(m_path); // a row whose field is a layout gets no buddy by itself
    form->addRow(pathLabel, pathRow);
    auto *buttons = new QDialogButtonBox(this);
    buttons->addButton(m_start, QDialogButtonBox::AcceptRole);
    buttons->addButton(m_cancel, QDialogButtonBox::RejectRole);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_progress);
    layout->addWidget(m_status);
    layout->addWidget(buttons);

    connect(m_kind, &QComboBox::currentIndexChanged, this, [this] {
        m_path->setText(suggestedPath());
        updateControls();
    });
    connect(m_browse, &QPushButton::clicked, this, &ExportDialog::onBrowse);
    connect(m_start, &QPushButton::clicked, this, &ExportDialog::start);
    connect(m_cancel, &QPushButton::clicked, this, &ExportDialog::reject);
    connect(&m_watcher, &QFutureWatcher<ExportJobResult>::progressRangeChanged, m_progress, &QProgressBar::setRange);
    connect(&m_watcher, &QFutureWatcher<ExportJobResult>::progressValueChanged, m_progress, &QProgressBar::setValue);
    connect(&m_watcher, &QFutureWatcher<ExportJobResult>::finished, this, &ExportDialog::onFinished);
    m_path->setText(suggestedPath());
    updateControls();
    resize(520, sizeHint().height());
}

ExportDialog::~ExportDialog()
{
    if (isRunning()) {
        m_watcher.cancel();
        m_watcher.waitForFinished();
    }
}

QString ExportDialog::suggestedPath() const
{
    const QString folder = QFileInfo(m_databasePath).absolutePath();
    const QString base = QFileInfo(m_databasePath).completeBaseName();
    const QString stem = ExportKind(m_kind->currentData().toInt()) == ExportKind::PdfReport ? QStringLiteral("report")
                                                                                             : QStringLiteral("decisions");
    return QDir(folder).filePath(QStringLiteral("%1-%2-%3.%4")
                                     .arg(base, stem, QDate::currentDate().toString(Qt::ISODate),
                                          extension(ExportKind(m_kind->currentData().toInt()))));
}

void ExportDialog::setOutputPath(const QString &path)
{
    m_path->setText(path);
}

void ExportDialog::setKind(ExportKind kind)
{
    m_kind->setCurrentIndex(m_kind->findData(int(kind)));
}

bool ExportDialog::isRunning() const
{
    return m_watcher.isRunning();
}

void ExportDialog::updateControls()
{
    const bool running = isRunning();
    const bool report = ExportKind(m_kind->currentData().toInt()) == ExportKind::PdfReport;
    m_kind->setEnabled(!running);
    m_unmasked->setEnabled(!running && !report);
    if (report)
        m_unmasked->setChecked(false);
    m_path->setEnabled(!running);
    m_browse->setEnabled(!running);
    m_start->setEnabled(!running);
    m_progress->setVisible(running);
}

void ExportDialog::onBrowse()
{
    const QString path = FileDialog::instance().getSaveFileName(this, tr("Export To"), m_path->text(),
                                                               tr("All files (*)"));
    if (!path.isEmpty())
        m_path->setText(path);
}

void ExportDialog::start()
{
    if (isRunning())
        return;
    const QString path = m_path->text().trimmed();
    if (path.isEmpty()) {
        m_status->setText(tr("Choose the file to write."));
        return;
    }
    if (QFileInfo(path).absoluteFilePath() == QFileInfo(m_databasePath).absoluteFilePath()) {
        m_status->setText(tr("That is the case database itself; choose another file."));
        return;
    }
    ExportJobRequest request;
    request.databasePath = m_databasePath;
    request.outputPath = path;
    request.kind = ExportKind(m_kind->currentData().toInt());
    request.filter = m_filter;
    request.unmasked = m_unmasked->isChecked();
    request.actor = m_actor;
    m_status->setText(tr("Exporting…"));
    m_progress->setRange(0, 0);
    m_watcher.setFuture(ExportJob::start(request));
    updateControls();
}

void ExportDialog::onFinished()
{
    const QFuture<ExportJobResult> future = m_watcher.future();
    m_result = future.resultCount() > 0 ? future.result() : ExportJobResult{};
    if (future.isCanceled() && future.resultCount() == 0) {
        m_result.cancelled = true;
        m_result.error = tr("The export was cancelled; nothing was written.");
    }
    updateControls();
    if (m_result.ok)
        m_status->setText(tr("Wrote %n decision(s) to %1.", nullptr, int(m_result.rows)).arg(m_path->text()));
    else
        m_status->setText(m_result.error);
    emit exportFinished(m_result);
}

void ExportDialog::reject()
{
    // Cancel stops a running export first; a second Cancel closes the dialog.
    if (isRunning()) {
        m_watcher.cancel();
        m_status->setText(tr("Cancelling…"));
        return;
    }
    QDialog::reject();
}

} // namespace cg
