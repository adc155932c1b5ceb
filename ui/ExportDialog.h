#pragma once

#include "ExportJob.h"

#include <QDialog>
#include <QFutureWatcher>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;

namespace cg {

// Exports the decision log (CSV or JSON Lines) or a PDF summary report for the
// filter the decision log shows. The export runs in the background with a
// progress bar; Cancel stops it and leaves no file.
class ExportDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ExportDialog)

public:
    ExportDialog(QString databasePath, const DecisionFilter &filter, QString actor, QWidget *parent = nullptr);
    ~ExportDialog() override;

    void setOutputPath(const QString &path);
    void setKind(ExportKind kind);
    void start();
    bool isRunning() const;
    const ExportJobResult &result() const { return m_result; }

signals:
    void exportFinished(const ExportJobResult &result);

protected:
    void reject() override;

private:
    void onBrowse();
    void onFinished();
    void updateControls();
    QString suggestedPath() const;

    QString m_databasePath;
    DecisionFilter m_filter;
    QString m_actor;
    QComboBox *m_kind;
    QCheckBox *m_unmasked;
    QLineEdit *m_path;
    QPushButton *m_browse;
    QProgressBar *m_progress;
    QLabel *m_status;
    QPushButton *m_start;
    QPushButton *m_cancel;
    QFutureWatcher<ExportJobResult> m_watcher;
    ExportJobResult m_result;
};

} // namespace cg
