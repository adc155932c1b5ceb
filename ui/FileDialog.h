#pragma once

#include <QString>

class QWidget;

namespace cg {

// Wraps QFileDialog so tests can answer the next dialog in advance instead of
// facing a modal window (as KeePassXC's FileDialog does).
class FileDialog final
{
public:
    static FileDialog &instance();

    QString getOpenFileName(QWidget *parent, const QString &caption, const QString &directory,
                            const QString &filter);
    QString getSaveFileName(QWidget *parent, const QString &caption, const QString &path, const QString &filter);
    void setNextFileName(const QString &fileName);

private:
    FileDialog() = default;
    bool takeNextAnswer(QString *fileName);
    QString m_nextFileName;
    bool m_hasNext = false;
};

} // namespace cg
