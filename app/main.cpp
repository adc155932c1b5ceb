#include "AppSettings.h"
#include "Appearance.h"
#include "MainWindow.h"
#include "ReviewSession.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QLocale>
#include <QTranslator>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("ContactGuard"));
    QApplication::setApplicationName(QStringLiteral("ContactGuard"));
    QApplication::setApplicationDisplayName(QStringLiteral("ContactGuard"));
    QApplication::setApplicationVersion(QStringLiteral(CONTACTGUARD_VERSION));

    // The build embeds the translations under :/i18n (resources/translations).
    QTranslator translator;
    if (translator.load(QLocale(), QStringLiteral("contactguard"), QStringLiteral("_"), QStringLiteral(":/i18n")))
        QApplication::installTranslator(&translator);

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate("main", "Review flagged conversations for shared contact details."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption moderator(QStringLiteral("moderator"),
                                       QApplication::translate("main", "Decide as this moderator (default: your login name)."),
                                       QStringLiteral("name"));
    parser.addOption(moderator);
    parser.addPositionalArgument(QStringLiteral("database"),
                                 QApplication::translate("main", "The case database to open."));
    parser.process(app);

    cg::AppSettings settings;
    if (parser.isSet(moderator))
        settings.setModeratorName(parser.value(moderator));
    cg::Appearance::apply(app, settings.theme(), settings.fontPointSize());
    cg::ReviewSession session(settings.moderatorName());
    cg::MainWindow window(&session, &settings);
    window.show();

    const QStringList positional = parser.positionalArguments();
    if (!positional.isEmpty())
        window.openDatabase(positional.constFirst());
    else if (!settings.recentFiles().isEmpty())
        window.openDatabase(settings.recentFiles().constFirst());
    return app.exec();
}
