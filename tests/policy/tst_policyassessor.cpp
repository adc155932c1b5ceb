#include "ContactPolicy.h"
#include "ConversationJson.h"
#include "Detector.h"
#include "PolicyAssessor.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTest>

using namespace cg;

// Declared before the test data: moc does not read raw string literals.
class TestPolicyAssessor : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void conversations_data();
    void conversations();
    void ladder_data();
    void ladder();
    void evidenceQuotesTheMessage();
    void splitPhoneNumberIsJoined();
    void explanationNamesTheClause();
    void accessExceptionCoversEmailOnly();

private:
    std::shared_ptr<const ContactPolicy> m_policy;
    std::unique_ptr<Detector> m_detector;
};

namespace {

// A message line in a test row: "c 2026-03-02T10:00 text" (c = client, f = freelancer).
// Spans the detector does not find yet are marked in the text as [[type:text]]: the
// marker is removed and a span of that type is placed on the text.
struct MarkedMessage
{
    MessageRecord message;
    DetectedSpans marked;
};

MarkedMessage parseMessage(const QString &line, int index)
{
    static const QRegularExpression marker(QStringLiteral("\\[\\[([a-z_]+):(.*?)\\]\\]"));
    MarkedMessage result;
    MessageRecord &message = result.message;
    message.externalId = QStringLiteral("m%1").arg(index + 1);
    message.sender = line.startsWith(QLatin1Char('c')) ? QStringLiteral("client") : QStringLiteral("freelancer");
    message.sentAt = QDateTime::fromString(line.mid(2, 16) + QStringLiteral(":00Z"), Qt::ISODate);
    QString text = line.mid(19);
    QRegularExpressionMatch match;
    while ((match = marker.match(text)).hasMatch()) {
        DetectedSpan span;
        span.type = *contactTypeFromName(match.captured(1));
        span.text = match.captured(2);
        span.value = span.text.toLower();
        span.start = text.left(match.capturedStart()).toStdU32String().size();
        span.end = span.start + qsizetype(span.text.toStdU32String().size());
        span.confidence = 0.9;
        span.rule = QStringLiteral("test.marked");
        text.replace(match.capturedStart(), match.capturedLength(), span.text);
        result.marked.append(span);
    }
    message.text = text;
    return result;
}

QString context(const char *phase, const char *plan, const QString &contract = QStringLiteral(R"({"status":"none"})"),
                const char *history = "", bool relationship = false)
{
    QJsonArray entries;
    for (const char *h = history; *h; ++h) {
        QJsonObject entry{{QStringLiteral("decided_at"), QStringLiteral("2025-0%1-15").arg(int(h - history) + 1)}};
        entry.insert(QStringLiteral("verdict"), *h == 'A' ? QStringLiteral("allowed")
                                                 : *h == 'E' ? QStringLiteral("exception")
                                                             : QStringLiteral("violation"));
        entry.insert(QStringLiteral("penalty"), *h == 'V' || *h == 'R' ? QJsonValue(QStringLiteral("warning")) : QJsonValue());
        if (*h == 'R')
            entry.insert(QStringLiteral("reversed"), true);
        entries.append(entry);
    }
    QJsonObject object{{QStringLiteral("phase"), QString::fromLatin1(phase)},
                       {QStringLiteral("client_plan"), QString::fromLatin1(plan)},
                       {QStringLiteral("contract"), QJsonDocument::fromJson(contract.toUtf8()).object()},
                       {QStringLiteral("pre_existing_relationship"), relationship},
                       {QStringLiteral("history"), entries}};
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

const QString kNone = QStringLiteral(R"({"status":"none"})");
const QString kActive = QStringLiteral(R"({"status":"active","start":"2026-03-01"})");
const QString kClosed = QStringLiteral(R"({"status":"closed","start":"2025-11-01","end":"2026-02-28"})");
const QString kClosedPaid
    = QStringLiteral(R"({"status":"closed","start":"2025-11-01","end":"2026-02-28","conversion_fee_paid":true})");

} // namespace

void TestPolicyAssessor::initTestCase()
{
    const ContactPolicyLoad load = ContactPolicy::builtIn();
    QVERIFY2(load.policy, qPrintable(load.error));
    m_policy = load.policy;
    m_detector = std::make_unique<Detector>();
}

void TestPolicyAssessor::conversations_data()
{
    QTest::addColumn<QString>("contextJson");
    QTest::addColumn<QStringList>("messages");
    QTest::addColumn<QString>("verdict");
    QTest::addColumn<QStringList>("basis"); // primary first; all must be reported
    QTest::addColumn<QString>("penalty");

    const auto row = [](const char *name, const QString &ctx, const QStringList &messages, const char *verdict,
                        const QStringList &basis, const char *penalty = "") {
        QTest::newRow(name) << ctx << messages << QString::fromLatin1(verdict) << basis << QString::fromLatin1(penalty);
    };
    const auto S = [](const char *text) { return QString::fromUtf8(text); };

    // --- no contact at all ---
    row("no contact: prices and dates", context("messages", "plus"),
        {S("c 2026-03-02T10:00 Could you do the logo for $450 by 03/14?"),
         S("f 2026-03-02T10:20 Yes, $450 with two revisions, delivered 03/13.")}, "no_contact", {});
    row("no contact: talk about tools", context("job_post", "business"),
        {S("c 2026-03-02T10:00 Need someone to build Telegram bots and WhatsApp Business API flows. Budget $2,000.")},
        "no_contact", {});
    row("no contact: platform link", context("proposal", "basic"),
        {S("f 2026-03-02T10:00 My reviews are on my profile: https://www.upwork.com/freelancers/~01abc")}, "no_contact", {});

    // --- contract_active ---
    row("active: phone for emergencies", context("messages", "plus", kActive, "V"),
        {S("c 2026-03-05T09:00 Contract is live. If the shop goes down at night, ring me on +1 415 555 0132.")},
        "allowed", {S("contract_active")});
    row("active: email for file delivery", context("messages", "basic", kActive),
        {S("f 2026-03-10T09:00 Milestone 1 files are too big for chat, I'll send them to the address you prefer."),
         S("c 2026-03-10T09:30 Send them to ops@greenleaf-shop.com please.")},
        "allowed", {S("contract_active")});
    row("active: asking for WhatsApp", context("messages", "business", kActive),
        {S("c 2026-03-03T12:00 Now that we've started, [[contact_request:what's your WhatsApp?]]")},
        "allowed", {S("contract_active")});

    // --- contract_closed ---
    row("closed: staying in touch", context("messages", "plus", kClosed),
        {S("f 2026-03-05T10:00 Thanks for a great project! Keep in touch: lena.k.design@gmail.com"),
         S("c 2026-03-05T11:00 Will do, and any new job goes through Upwork of course.")},
        "allowed", {S("contract_closed")});
    row("closed: conversion fee paid", context("messages", "business", kClosedPaid),
        {S("c 2026-03-10T10:00 We paid the conversion fee, so from now on we'll hire you directly for the next project. Call me on +1 415 555 0198.")},
        "allowed", {S("contract_closed")});
    row("closed: linkedin", context("messages", "basic", kClosed),
        {S("f 2026-03-02T10:00 Let's connect: [[social:linkedin.com/in/omar-haddad]]")}, "allowed", {S("contract_closed")});

    // --- pre_existing_relationship ---
    row("relationship: recorded", context("messages", "basic", kNone, "", true),
        {S("c 2026-03-02T10:00 Nice to see you here! My number is still +1 312 555 0119.")},
        "allowed", {S("pre_existing_relationship")});
    row("relationship: stated", context("proposal", "plus"),
        {S("f 2026-03-02T10:00 Hi Tom, we worked together at Brightwave in 2021. Same email as then: kai.moreno@proton.me")},
        "allowed", {S("pre_existing_relationship")});
    row("relationship: stated in Spanish", context("messages", "plus"),
        {S("f 2026-03-02T10:00 ¡Hola Carla! Ya trabajamos juntos en 2023; mi correo sigue siendo diego.ruiz@gmail.com")},
        "allowed", {S("pre_existing_relationship")});

    // --- website_link ---
    row("link: portfolio with reminder", context("proposal", "basic"),
        {S("f 2026-03-02T10:00 Past work: [[url:https://marta-design.studio/work]] - please contact me here on Upwork until the contract starts.")},
        "allowed", {S("website_link")});
    row("link: client's site in job post", context("job_post", "plus"),
        {S("c 2026-03-02T10:00 Refresh our store [[url:www.greenleaf-shop.com]] before summer. Budget $900.")},
        "allowed", {S("website_link")});
    row("link: live demo", context("interview", "basic"),
        {S("f 2026-03-02T10:00 Here's a live demo of a similar dashboard: [[url:https://dash-demo.netlify.app]]")},
        "allowed", {S("website_link")});

    // --- enterprise ---
    row("enterprise: email for onboarding", context("messages", "enterprise"),
        {S("c 2026-03-02T10:00 Our procurement team needs your email to onboard you as a vendor."),
         S("f 2026-03-02T10:30 Sure: rafael.costa.dev@gmail.com")}, "exception", {S("enterprise")});
    row("enterprise: phone", context("interview", "enterprise"),
        {S("f 2026-03-02T10:00 Happy to talk to your hiring manager, my number is +44 20 7946 0958.")},
        "exception", {S("enterprise")});
    row("enterprise: asked", context("messages", "enterprise"),
        {S("c 2026-03-02T10:00 [[contact_request:Could you send me your email]] for our vendor system?")},
        "exception", {S("enterprise")});

    // --- legal_nda ---
    row("nda: english", context("messages", "plus"),
        {S("c 2026-03-02T10:00 Our investors require a signed non-disclosure agreement before I share the prototype."),
         S("f 2026-03-02T10:20 Send the NDA to mei.lin.dev@gmail.com and I'll sign today.")},
        "exception", {S("legal_nda")});
    row("nda: french", context("messages", "plus"),
        {S("c 2026-03-02T10:00 Il nous faut un accord de confidentialité signé avant de vous montrer le projet."),
         S("f 2026-03-02T10:20 Pas de souci, mon adresse: claire.dubois.ux@gmail.com")},
        "exception", {S("legal_nda")});
    row("nda: german phone", context("interview", "business"),
        {S("c 2026-03-02T10:00 Für die Geheimhaltungsvereinbarung brauchen wir Ihre Telefonnummer."),
         S("f 2026-03-02T10:20 Gerne: +49 30 901820")}, "exception", {S("legal_nda")});

    // --- legal_business_license ---
    row("license: english", context("messages", "business"),
        {S("c 2026-03-02T10:00 Our compliance team must check your business license and a contact number before the offer."),
         S("f 2026-03-02T10:30 License BL-88213, phone +1 646 555 0144.")}, "exception", {S("legal_business_license")});
    row("license: portuguese", context("messages", "plus"),
        {S("c 2026-03-02T10:00 Precisamos conferir o alvará da sua empresa. Qual e-mail recebe a documentação?"),
         S("f 2026-03-02T10:20 Pode mandar para joana.mendes.arq@gmail.com")}, "exception", {S("legal_business_license")});
    row("license: chinese", context("messages", "plus"),
        {S("c 2026-03-02T10:00 签合同前需要核对您的营业执照，请发到我们的邮箱。"),
         S("f 2026-03-02T10:20 好的，我的邮箱是 wang.lei.studio@163.com")}, "exception", {S("legal_business_license")});

    // --- legal_authority_verification ---
    row("authority: tax id for local authorities", context("messages", "business"),
        {S("c 2026-03-02T10:00 To confirm with the local authorities that you may invoice us, please send your registered business address."),
         S("f 2026-03-02T10:30 [[address:14 Harbour Road, Galway H91 X2Y3]]")}, "exception",
        {S("legal_authority_verification")});
    row("authority: Mexican tax registration", context("messages", "plus"),
        {S("c 2026-03-02T10:00 Necesitamos confirmar ante el SAT tu domicilio fiscal antes de contratarte."),
         S("f 2026-03-02T10:30 Claro: [[address:Calle Morelos 88, Col. Centro, 06000 CDMX]]")}, "exception",
        {S("legal_authority_verification")});
    row("authority: Russian tax office", context("messages", "plus"),
        {S("c 2026-03-02T10:00 Для проверки в налоговом органе нужен ваш email для документов."),
         S("f 2026-03-02T10:30 ivan.sokolov.dev@yandex.ru")}, "exception", {S("legal_authority_verification")});

    // --- legal_background_check ---
    row("background: english", context("interview", "business"),
        {S("c 2026-03-02T10:00 Every contractor passes a background check before an offer; which email should the screening firm use?"),
         S("f 2026-03-02T10:30 noah.b.qa@gmail.com")}, "exception", {S("legal_background_check")});
    row("background: spanish phone", context("messages", "business"),
        {S("c 2026-03-02T10:00 Hacemos una verificación de antecedentes a todos los contratistas; necesitamos un teléfono."),
         S("f 2026-03-02T10:30 +34 612 345 678")}, "exception", {S("legal_background_check")});
    row("background: hinglish", context("messages", "business"),
        {S("c 2026-03-02T10:00 Offer se pehle police verification hoti hai, apna number bhejiye."),
         S("f 2026-03-02T10:30 +91 98765 43210")}, "exception", {S("legal_background_check")});

    // --- access exceptions ---
    row("repo: github", context("messages", "plus"),
        {S("f 2026-03-02T10:00 To estimate the migration I need read access to your GitHub org; invite sam.okafor.dev@gmail.com")},
        "exception", {S("access_code_repo")});
    row("repo: gitlab", context("messages", "basic"),
        {S("c 2026-03-02T10:00 I'll add you to our GitLab project so you can scope it. Which email?"),
         S("f 2026-03-02T10:10 li.na.backend@outlook.com")}, "exception", {S("access_code_repo")});
    row("repo: portuguese", context("messages", "basic"),
        {S("c 2026-03-02T10:00 Vou te dar acesso ao repositório para você orçar. Qual seu e-mail?"),
         S("f 2026-03-02T10:10 pedro.alves.dev@gmail.com")}, "exception", {S("access_code_repo")});
    row("analytics: google ads", context("messages", "plus"),
        {S("c 2026-03-02T10:00 I'll give you read-only Google Ads access to scope the audit, what email?"),
         S("f 2026-03-02T10:10 ppc.hannah@gmail.com")}, "exception", {S("access_analytics")});
    row("analytics: meta business", context("messages", "plus"),
        {S("f 2026-03-02T10:00 Please add me as an analyst in Meta Business Suite so I can review the campaigns: rui.ads@gmail.com")},
        "exception", {S("access_analytics")});
    row("analytics: russian", context("messages", "plus"),
        {S("c 2026-03-02T10:00 Дам доступ к Яндекс Метрике, чтобы вы оценили объём работ. Какой email?"),
         S("f 2026-03-02T10:10 olga.seo@yandex.ru")}, "exception", {S("access_analytics")});
    row("bookkeeping: xero", context("messages", "basic"),
        {S("c 2026-03-02T10:00 I'll invite you to Xero as an advisor so you can quote the cleanup. Email?"),
         S("f 2026-03-02T10:10 amara.cpa@gmail.com")}, "exception", {S("access_bookkeeping")});
    row("bookkeeping: quickbooks", context("messages", "basic"),
        {S("f 2026-03-02T10:00 Send the QuickBooks accountant invite to books.by.ken@gmail.com and I'll review the ledger.")},
        "exception", {S("access_bookkeeping")});
    row("bookkeeping: german", context("messages", "basic"),
        {S("c 2026-03-02T10:00 Ich lade Sie in unsere Buchhaltungssoftware ein, damit Sie den Aufwand schätzen. Welche E-Mail?"),
         S("f 2026-03-02T10:10 jonas.weber.fibu@gmail.com")}, "exception", {S("access_bookkeeping")});
    row("drive: dropbox", context("messages", "plus"),
        {S("c 2026-03-02T10:00 The raw photos are in Dropbox; which email should I share the folder with?"),
         S("f 2026-03-02T10:10 ana.retouch@gmail.com")}, "exception", {S("access_cloud_drive")});
    row("drive: onedrive", context("messages", "plus"),
        {S("f 2026-03-02T10:00 Share the OneDrive folder with lucas.translate@outlook.com and I'll count the words.")},
        "exception", {S("access_cloud_drive")});
    row("drive: arabic", context("messages", "plus"),
        {S("c 2026-03-02T10:00 سأشارك معك مجلد مشترك فيه الملفات لتقدير العمل، ما بريدك؟"),
         S("f 2026-03-02T10:10 layla.design@gmail.com")}, "exception", {S("access_cloud_drive")});
    row("esign: docusign", context("messages", "business"),
        {S("c 2026-03-02T10:00 Which address should receive the DocuSign for the scope document?"),
         S("f 2026-03-02T10:10 tariq.pm@gmail.com")}, "exception", {S("access_esignature")});
    row("esign: adobe sign", context("messages", "business"),
        {S("f 2026-03-02T10:00 Please send the Adobe Sign request to ines.legal.tr@gmail.com")},
        "exception", {S("access_esignature")});
    row("esign: spanish", context("messages", "business"),
        {S("c 2026-03-02T10:00 Te mando el documento para firma electrónica, ¿a qué correo?"),
         S("f 2026-03-02T10:10 sofia.redacta@gmail.com")}, "exception", {S("access_esignature")});
    row("host: wordpress", context("messages", "plus"),
        {S("c 2026-03-02T10:00 I'll create a WordPress admin user so you can check the plugin conflict. Email?"),
         S("f 2026-03-02T10:10 wp.fixer.raj@gmail.com")}, "exception", {S("access_website_host")});
    row("host: wix", context("messages", "plus"),
        {S("f 2026-03-02T10:00 Invite me as a collaborator on your Wix site to scope the redesign: nora.webdesign@gmail.com")},
        "exception", {S("access_website_host")});
    row("host: squarespace", context("messages", "plus"),
        {S("c 2026-03-02T10:00 Which email should get contributor access to our Squarespace site before you quote?"),
         S("f 2026-03-02T10:10 theo.sites@proton.me")}, "exception", {S("access_website_host")});

    // --- accessibility ---
    row("accessibility: relay", context("messages", "plus"),
        {S("f 2026-03-02T10:00 I'm hard of hearing and use a text relay service; Upwork's accessibility coordinator approved it. Relay number +1 202 555 0171.")},
        "exception", {S("accessibility")});
    row("accessibility: spanish screen reader", context("messages", "plus"),
        {S("f 2026-03-02T10:00 Uso un lector de pantalla y el chat no me avisa de los mensajes; por correo me va mejor: lucia.voz@gmail.com")},
        "exception", {S("accessibility")});
    row("accessibility: french", context("interview", "plus"),
        {S("f 2026-03-02T10:00 Je suis malvoyant et l'entretien écrit est difficile pour moi; écrivez-moi à paul.acces@gmail.com")},
        "exception", {S("accessibility")});

    // --- before_contract ---
    row("before: phone in proposal", context("proposal", "basic"),
        {S("f 2026-03-02T10:00 I can start today. Call me on +1 415 555 0177 to discuss.")}, "violation",
        {S("before_contract")}, "warning");
    row("before: email in interview, one earlier", context("interview", "plus", kNone, "V"),
        {S("f 2026-03-02T10:00 Easier to send you the samples by mail: zoe.illustrates@gmail.com")}, "violation",
        {S("before_contract")}, "badge_loss");
    row("before: messenger, offered contract", context("messages", "plus", QStringLiteral(R"({"status":"offered"})"), "VAV"),
        {S("c 2026-03-02T10:00 Offer sent! Meanwhile add me on [[messenger:skype: bay.ventures.hq]]")}, "violation",
        {S("before_contract")}, "temporary_restriction");
    row("before: message before the start date", context("messages", "plus", kActive, "VVV"),
        {S("f 2026-02-20T10:00 Here's my number for the kickoff: +1 646 555 0100")}, "violation", {S("before_contract")},
        "permanent_suspension");

    // --- asked_for_contact ---
    row("asked: english", context("interview", "plus"),
        {S("c 2026-03-02T10:00 Love your portfolio. [[contact_request:What's your Telegram?]]"),
         S("f 2026-03-02T10:10 Let's keep it on Upwork until the contract starts, thanks!")}, "violation",
        {S("asked_for_contact"), S("before_contract")}, "warning");
    row("asked: russian, reversed earlier", context("messages", "basic", kNone, "RV"),
        {S("f 2026-03-02T10:00 [[contact_request:Дайте, пожалуйста, ваш номер]], так быстрее обсудим.")}, "violation",
        {S("asked_for_contact"), S("before_contract")}, "badge_loss");
    row("asked: chinese", context("messages", "basic", kNone, "VV"),
        {S("c 2026-03-02T10:00 [[contact_request:加个微信吧]]，细节在那边聊。")}, "violation",
        {S("asked_for_contact"), S("before_contract")}, "temporary_restriction");

    // Requests in words the policy lists, when the detector marks none.
    row("asked: russian words", context("messages", "basic"),
        {S("f 2026-03-02T10:00 Добрый день! Оставьте, пожалуйста, ваш номер, созвонимся.")}, "violation",
        {S("asked_for_contact"), S("before_contract")}, "warning");
    row("asked: portuguese words", context("interview", "plus", kNone, "V"),
        {S("c 2026-03-02T10:00 Gostei do portfólio, me passa seu whatsapp para conversarmos melhor?")}, "violation",
        {S("asked_for_contact"), S("before_contract")}, "badge_loss");
    row("asked: hinglish words", context("messages", "basic"),
        {S("c 2026-03-02T10:00 Bhai apna number bhejo, baaki baat phone pe karte hain.")}, "violation",
        {S("asked_for_contact"), S("before_contract")}, "warning");
    // A reminder of the rule is no request, in any of the languages.
    row("reminder: please don't share your number", context("messages", "basic"),
        {S("f 2026-03-02T10:00 Please don't share your phone number here, Upwork doesn't allow it before a contract.")},
        "no_contact", {});
    row("reminder: spanish no me pases", context("messages", "basic"),
        {S("c 2026-03-02T10:00 Por favor no me pases tu número aquí, hablemos por Upwork")}, "no_contact", {});
    row("reminder: russian ne prisylaite", context("messages", "basic"),
        {S("c 2026-03-02T10:00 Пожалуйста, не присылайте ваш номер здесь")}, "no_contact", {});
    row("reminder: german nicht between", context("messages", "basic"),
        {S("c 2026-03-02T10:00 Bitte teilen Sie nicht Ihre Nummer hier")}, "no_contact", {});
    row("asked: russian skin'te", context("messages", "basic"),
        {S("c 2026-03-02T10:00 Скиньте ваш телеграм")}, "violation",
        {S("asked_for_contact"), S("before_contract")}, "warning");
    row("asked words under an exception", context("messages", "plus"),
        {S("c 2026-03-02T10:00 Para el acuerdo de confidencialidad, ¿me pasas tu correo?"),
         S("f 2026-03-02T10:10 claro: nuria.ux@gmail.com")}, "exception", {S("legal_nda")});

    // --- exception_misused ---
    row("misused: nda then rate by email", context("messages", "plus"),
        {S("c 2026-03-02T10:00 I need an NDA signed before sharing the brief. What's your email?"),
         S("f 2026-03-02T10:10 rosa.writes@gmail.com"),
         S("c 2026-03-03T09:00 NDA sent. I also emailed you the budget, let's agree the rate over email from now on.")},
        "violation", {S("exception_misused"), S("legal_nda")}, "warning");
    row("misused: drive then texting", context("messages", "plus", kNone, "V"),
        {S("c 2026-03-02T10:00 The footage is in Google Drive, which email should I share it with?"),
         S("f 2026-03-02T10:10 max.cuts@gmail.com and my cell is for the NDA +1 917 555 0110"),
         S("f 2026-03-03T09:00 Thanks! I texted you my timeline and quote, let's coordinate by text from now on.")},
        "violation", {S("exception_misused")}, "badge_loss");
    row("misused: spanish background check", context("messages", "business", kNone, "VV"),
        {S("c 2026-03-02T10:00 Hacemos verificación de antecedentes, ¿me pasas tu correo?"),
         S("f 2026-03-02T10:10 andres.qa@gmail.com"),
         S("c 2026-03-04T09:00 Listo. Te envié un correo con el presupuesto; a partir de ahora hablemos por correo.")},
        "violation", {S("exception_misused"), S("legal_background_check")}, "temporary_restriction");
    row("misused: repo email and the price outside at once", context("messages", "plus"),
        {S("c 2026-03-02T10:00 Send me your GitHub email so I can add you to the repo"),
         S("f 2026-03-02T10:10 kim.dev@gmail.com - also email me there about the price, we can agree outside upwork")},
        "violation", {S("exception_misused"), S("access_code_repo")}, "warning");
    row("not misused: the exception names its channel", context("messages", "plus"),
        {S("c 2026-03-02T10:00 I'm deaf, so phone interviews don't work for me. Could we do the interview over email? Mine is sam.lee@outlook.com")},
        "exception", {S("accessibility")});

    // --- off_platform_payment (one step up) ---
    row("payment: paypal before contract", context("proposal", "basic"),
        {S("f 2026-03-02T10:00 Pay the deposit at [[payment:paypal.me/quickfix88]] to avoid the Upwork fee.")}, "violation",
        {S("off_platform_payment"), S("before_contract")}, "badge_loss");
    row("payment: bank transfer during contract", context("messages", "plus", kActive, "V"),
        {S("f 2026-03-10T10:00 For the remaining milestones just send a bank transfer to me directly, it's cheaper.")},
        "violation", {S("off_platform_payment")}, "temporary_restriction");
    row("payment: pix, capped at the top", context("messages", "basic", kNone, "VVV"),
        {S("f 2026-03-02T10:00 Me pague via pix e eu começo hoje, sem taxa da plataforma.")}, "violation",
        {S("off_platform_payment")}, "permanent_suspension");

    // --- circumvention_after_close ---
    row("circumvention: next project outside", context("messages", "plus", kClosed),
        {S("f 2026-03-05T10:00 For the next project let's skip Upwork, email me at ben.codes@gmail.com")}, "violation",
        {S("circumvention_after_close")}, "warning");
    row("circumvention: german", context("messages", "plus", kClosed, "V"),
        {S("c 2026-03-05T10:00 Das nächste Projekt machen wir ohne Upwork, rufen Sie mich an: +49 30 901820")}, "violation",
        {S("circumvention_after_close")}, "badge_loss");
    row("circumvention: work directly, reversed earlier", context("messages", "plus", kClosed, "RVV"),
        {S("c 2026-03-05T10:00 Phase 2 is approved; let's work directly this time instead of a new contract: kim@northpeak.io")},
        "violation", {S("circumvention_after_close")}, "temporary_restriction");

    // --- contact_in_job_post ---
    row("job post: email", context("job_post", "basic"),
        {S("c 2026-03-02T10:00 Need a bookkeeper for 10 h/week. Send your CV to hr@tallow-bakery.com")}, "violation",
        {S("contact_in_job_post"), S("before_contract")}, "warning");
    row("job post: phone", context("job_post", "plus", kNone, "VV"),
        {S("c 2026-03-02T10:00 Urgent: mobile app bug fixing. Call 020 7946 0321 or +44 20 7946 0321 today.")}, "violation",
        {S("contact_in_job_post")}, "temporary_restriction");
    row("job post: form", context("job_post", "business", kNone, "V"),
        {S("c 2026-03-02T10:00 Apply via our form [[form:https://forms.gle/Abc123Xyz]] - Upwork proposals are not read.")},
        "violation", {S("contact_in_job_post")}, "badge_loss");
}

void TestPolicyAssessor::conversations()
{
    QFETCH(QString, contextJson);
    QFETCH(QStringList, messages);
    QFETCH(QString, verdict);
    QFETCH(QStringList, basis);
    QFETCH(QString, penalty);

    QJsonObject object{{QStringLiteral("id"), QStringLiteral("t")},
                       {QStringLiteral("context"), QJsonDocument::fromJson(contextJson.toUtf8()).object()},
                       {QStringLiteral("messages"), QJsonArray()}};
    const ConversationJsonResult parsed = ConversationJson::parse(object);
    QVERIFY2(parsed.ok(), qPrintable(parsed.error));
    ConversationRecord record = parsed.record;
    QList<DetectedSpans> spans;
    for (int i = 0; i < messages.size(); ++i) {
        MarkedMessage marked = parseMessage(messages.at(i), i);
        QVERIFY(marked.message.sentAt.isValid());
        marked.message.phase = record.phase;
        DetectedSpans found = m_detector->detect(marked.message.text);
        for (const DetectedSpan &span : std::as_const(marked.marked)) {
            found.removeIf([&span](const DetectedSpan &d) { return d.start < span.end && span.start < d.end; });
            found.append(span);
        }
        record.messages.append(marked.message);
        spans.append(found);
    }

    const PolicyAssessor assessor(m_policy, *m_detector);
    const Assessment assessment = assessor.assess(record, spans);
    QStringList got;
    for (Basis b : assessment.basis)
        got.append(basisName(b));
    const QString summary = QStringLiteral("%1 %2 [%3] rules: %4")
                                .arg(verdictName(assessment.verdict), got.join(QLatin1Char(',')),
                                     assessment.recommendedPenalty, assessment.rulesFired.join(QLatin1Char(',')));
    QVERIFY2(verdictName(assessment.verdict) == verdict, qPrintable(summary));
    if (!basis.isEmpty())
        QVERIFY2(!got.isEmpty() && got.constFirst() == basis.constFirst(), qPrintable(summary));
    for (const QString &b : basis)
        QVERIFY2(got.contains(b), qPrintable(summary));
    QCOMPARE(assessment.recommendedPenalty, penalty);
    for (const AssessmentEvidence &item : assessment.evidence)
        QVERIFY(assessment.basis.contains(item.supports));
    QVERIFY(assessment.confidence > 0.0 && assessment.confidence < 1.0);
}

void TestPolicyAssessor::ladder_data()
{
    QTest::addColumn<QString>("history"); // V violation, R reversed violation, A allowed, E exception
    QTest::addColumn<bool>("payment");
    QTest::addColumn<QString>("penalty");
    QTest::addColumn<int>("counted");

    QTest::newRow("warning: clean record") << QString() << false << QStringLiteral("warning") << 0;
    QTest::newRow("warning: only allowed and exception") << QStringLiteral("AE") << false << QStringLiteral("warning") << 0;
    QTest::newRow("warning: reversed violation") << QStringLiteral("R") << false << QStringLiteral("warning") << 0;
    QTest::newRow("badge_loss: one violation") << QStringLiteral("V") << false << QStringLiteral("badge_loss") << 1;
    QTest::newRow("badge_loss: one plus reversed") << QStringLiteral("RAV") << false << QStringLiteral("badge_loss") << 1;
    QTest::newRow("badge_loss: payment, clean") << QString() << true << QStringLiteral("badge_loss") << 0;
    QTest::newRow("temporary: two") << QStringLiteral("VV") << false << QStringLiteral("temporary_restriction") << 2;
    QTest::newRow("temporary: two among others") << QStringLiteral("VAERV") << false
                                                 << QStringLiteral("temporary_restriction") << 2;
    QTest::newRow("temporary: payment, one") << QStringLiteral("V") << true << QStringLiteral("temporary_restriction") << 1;
    QTest::newRow("permanent: three") << QStringLiteral("VVV") << false << QStringLiteral("permanent_suspension") << 3;
    QTest::newRow("permanent: five") << QStringLiteral("VVVVV") << false << QStringLiteral("permanent_suspension") << 5;
    QTest::newRow("permanent: payment, two") << QStringLiteral("VRV") << true << QStringLiteral("permanent_suspension") << 2;
    QTest::newRow("permanent: payment capped") << QStringLiteral("VVVV") << true << QStringLiteral("permanent_suspension") << 4;
}

void TestPolicyAssessor::ladder()
{
    QFETCH(QString, history);
    QFETCH(bool, payment);
    QFETCH(QString, penalty);
    QFETCH(int, counted);
    QList<PriorDecisionRecord> decisions;
    for (QChar c : history) {
        PriorDecisionRecord decision;
        decision.verdict = c == QLatin1Char('A') ? QStringLiteral("allowed")
            : c == QLatin1Char('E')              ? QStringLiteral("exception")
                                                 : QStringLiteral("violation");
        decision.reversed = c == QLatin1Char('R');
        decisions.append(decision);
    }
    const PolicyAssessor assessor(m_policy, *m_detector);
    QList<CountedDecision> countedDecisions;
    QCOMPARE(assessor.recommendedPenalty(decisions, payment, &countedDecisions), penalty);
    QCOMPARE(countedDecisions.size(), counted);
}

void TestPolicyAssessor::evidenceQuotesTheMessage()
{
    ConversationRecord record;
    record.phase = QStringLiteral("messages");
    record.messages.append({QStringLiteral("m1"), QStringLiteral("client"), QStringLiteral("messages"),
                            QDateTime(QDate(2026, 3, 2), QTime(10, 0), Qt::UTC),
                            QStringLiteral("Für das NDA — 😀 schreiben Sie an jürgen.k@example-mail.de bitte")});
    const PolicyAssessor assessor(m_policy, *m_detector);
    const Assessment assessment = assessor.assess(record);
    QCOMPARE(verdictName(assessment.verdict), QStringLiteral("exception"));
    QVERIFY(!assessment.evidence.isEmpty());
    const std::u32string text = record.messages.at(0).text.toStdU32String();
    for (const AssessmentEvidence &item : assessment.evidence) {
        const std::u32string quoted = text.substr(std::size_t(item.start), std::size_t(item.end - item.start));
        QCOMPARE(QString::fromStdU32String(quoted), item.text);
    }
}

void TestPolicyAssessor::splitPhoneNumberIsJoined()
{
    ConversationRecord record;
    record.phase = QStringLiteral("messages");
    const auto add = [&record](const char *id, const char *sender, int minute, const char *text) {
        record.messages.append({QString::fromLatin1(id), QString::fromLatin1(sender), QStringLiteral("messages"),
                                QDateTime(QDate(2026, 3, 2), QTime(10, minute), Qt::UTC), QString::fromUtf8(text)});
    };
    add("m1", "freelancer", 0, "my number starts +1 415 555");
    add("m2", "client", 1, "sorry?");
    add("m3", "freelancer", 2, "then 0132, text me");
    const PolicyAssessor assessor(m_policy, *m_detector);
    const Assessment assessment = assessor.assess(record);
    QCOMPARE(assessment.joinedDetails.size(), 1);
    const JoinedDetail &joined = assessment.joinedDetails.constFirst();
    QCOMPARE(joined.parts.size(), 2);
    QCOMPARE(joined.parts.at(0).messageId, QStringLiteral("m1"));
    QCOMPARE(joined.parts.at(0).span.text, QStringLiteral("+1 415 555"));
    QCOMPARE(joined.parts.at(1).messageId, QStringLiteral("m3"));
    QCOMPARE(joined.parts.at(1).span.text, QStringLiteral("0132"));
    QVERIFY2(joined.value.contains(QStringLiteral("4155550132")), qPrintable(joined.value));
    QCOMPARE(verdictName(assessment.verdict), QStringLiteral("violation"));
    QVERIFY(assessment.basis.contains(Basis::BeforeContract));

    // Prices and dates in one sender's messages are not joined into a phone number.
    ConversationRecord prices;
    prices.phase = QStringLiteral("messages");
    prices.messages = {record.messages.at(0), record.messages.at(2)};
    prices.messages[0].text = QStringLiteral("I can do it for $1,550 with 2 rounds");
    prices.messages[1].text = QStringLiteral("delivery on 05/22 at 10 30");
    QVERIFY(assessor.assess(prices).joinedDetails.isEmpty());
}

void TestPolicyAssessor::explanationNamesTheClause()
{
    ConversationRecord record;
    record.phase = QStringLiteral("job_post");
    record.messages.append({QStringLiteral("m1"), QStringLiteral("client"), QStringLiteral("job_post"),
                            QDateTime(QDate(2026, 3, 2), QTime(10, 0), Qt::UTC),
                            QStringLiteral("Designer needed, email jobs@tallow-bakery.com")});
    const PolicyAssessor assessor(m_policy, *m_detector);
    const Assessment assessment = assessor.assess(record);
    QCOMPARE(assessment.basis.constFirst(), Basis::ContactInJobPost);
    QVERIFY2(assessment.explanation.contains(m_policy->clause(Basis::ContactInJobPost).text),
             qPrintable(assessment.explanation));
    QVERIFY(assessment.rulesFired.contains(QStringLiteral("job_post.contact")));
}

void TestPolicyAssessor::accessExceptionCoversEmailOnly()
{
    ConversationRecord record;
    record.phase = QStringLiteral("messages");
    record.messages.append({QStringLiteral("m1"), QStringLiteral("client"), QStringLiteral("messages"),
                            QDateTime(QDate(2026, 3, 2), QTime(10, 0), Qt::UTC),
                            QStringLiteral("I'll give you GitHub access to scope the work.")});
    record.messages.append({QStringLiteral("m2"), QStringLiteral("freelancer"), QStringLiteral("messages"),
                            QDateTime(QDate(2026, 3, 2), QTime(10, 5), Qt::UTC),
                            QStringLiteral("Great, my phone is +1 415 555 0188 if anything is unclear.")});
    const PolicyAssessor assessor(m_policy, *m_detector);
    const Assessment assessment = assessor.assess(record);
    QCOMPARE(verdictName(assessment.verdict), QStringLiteral("violation"));
    QCOMPARE(assessment.basis.constFirst(), Basis::BeforeContract);
}

QTEST_APPLESS_MAIN(TestPolicyAssessor)
#include "tst_policyassessor.moc"
