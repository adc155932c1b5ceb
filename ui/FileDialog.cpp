#include "FileDialog.h"

#include <QFileDialog>

namespace cg {

FileDialog &FileDialog::instance()
{
    static FileDialog dialog;
    return dialog;
}

QString FileDialog::getOpenFileName(QWidget *parent, const QString &caption, const QString &directory,
                                    const QString &filter)
{
    if (m_hasNext) {
        m_hasNext = false;
        return std::exchange(m_nextFileName, QString());
    }
    return QFileDialog::getOpenFileName(parent, caption, directory, filter);
}

void FileDialog::setNextFileName(const QString &fileName)
{
    m_nextFileName = fileName;
    m_hasNext = true;
}

} // namespace cg
