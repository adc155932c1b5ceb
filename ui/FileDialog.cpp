#include "FileDialog.h"

#include <QFileDialog>

namespace cg {

FileDialog &FileDialog::instance()
{
    static FileDialog dialog;
    return dialog;
}

bool FileDialog::takeNextAnswer(QString *fileName)
{
    if (!m_hasNext)
        return false;
    m_hasNext = false;
    *fileName = std::exchange(m_nextFileName, QString());
    return true;
}

QString FileDialog::getOpenFileName(QWidget *parent, const QString &caption, const QString &directory,
                                    const QString &filter)
{
    QString answer;
    return takeNextAnswer(&answer) ? answer : QFileDialog::getOpenFileName(parent, caption, directory, filter);
}

QString FileDialog::getSaveFileName(QWidget *parent, const QString &caption, const QString &path,
                                    const QString &filter)
{
    QString answer;
    return takeNextAnswer(&answer) ? answer : QFileDialog::getSaveFileName(parent, caption, path, filter);
}

void FileDialog::setNextFileName(const QString &fileName)
{
    m_nextFileName = fileName;
    m_hasNext = true;
}

} // namespace cg
