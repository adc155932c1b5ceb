#include "Detector.h"

#include <QList>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <map>
#include <memory>
#include <thread>
#include <vector>

using namespace cg;

namespace {

struct ExpectedSpan
{
    QString type;
    qsizetype start = 0;
    qsizetype end = 0;
    QString value;
};

using ExpectedSpans = QList<ExpectedSpan>;

// Code points in text[0, utf16Index): computed independently of the detector.
qsizetype codePointsBefore(const QString &text, qsizetype utf16Index)
{
    return text.left(utf16Index).toUcs4().size();
}

// The span of `needle` (first occurrence) in `text`, in code points.
ExpectedSpan at(const QString &text, const QString &type, const QString &needle, const QString &value)
{
    const qsizetype index = text.indexOf(needle);
    Q_ASSERT_X(index >= 0, "at", "needle not in text");
    const qsizetype start = codePointsBefore(text, index);
    return {type, start, start + needle.toUcs4().size(), value};
}

QString s(const char *utf8)
{
    return QString::fromUtf8(utf8);
}

} // namespace

Q_DECLARE_METATYPE(ExpectedSpans)

class TestDetector : public QObject
{
    Q_OBJECT

private slots:
    void detect_data();
    void detect();
    void explicitOffsets_data();
    void explicitOffsets();
    void ruleAndObfuscation_data();
    void ruleAndObfuscation();
    void codePointToUtf16_data();
    void codePointToUtf16();
    void version();
    void minConfidence();
    void confidenceFollowsContext();
    void platformDomainAddressIsStillEmail();
    void spacedLettersAnywhere();
    void regionValidation();
    void threadSafety();
    void detectorsDoNotShareWhatTheyRemember();
};

void TestDetector::detect_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("region");
    QTest::addColumn<ExpectedSpans>("expected");

    const auto phone = [](const char *name, const char *region, const char *text,
                          const char *number, const char *value) {
        const QString t = s(text);
        QTest::newRow(name) << t << s(region)
                            << ExpectedSpans{at(t, QStringLiteral("phone"), s(number), s(value))};
    };
    const auto email = [](const char *name, const char *text, const char *address,
                          const char *value) {
        const QString t = s(text);
        QTest::newRow(name) << t << QStringLiteral("US")
                            << ExpectedSpans{at(t, QStringLiteral("email"), s(address), s(value))};
    };
    const auto none = [](const char *name, const char *region, const char *text) {
        QTest::newRow(name) << s(text) << s(region) << ExpectedSpans{};
    };

    // Plain phones, many countries, in international and national formats.
    phone("us parentheses", "US", "cell (646) 555-0191.", "(646) 555-0191", "+16465550191");
    phone("us dashes", "US", "call 212-555-0178 today", "212-555-0178", "+12125550178");
    phone("us dots", "US", "my number: 415.555.0132", "415.555.0132", "+14155550132");
    phone("us digits only", "US", "call on 4155550132 anytime", "4155550132", "+14155550132");
    phone("us international", "US", "call me at +1 415 555 0132", "+1 415 555 0132", "+14155550132");
    phone("us international dashes", "US", "text me: +1-212-555-0178", "+1-212-555-0178",
          "+12125550178");
    phone("us from gb region", "GB", "call +1 (415) 555-0132 pls", "+1 (415) 555-0132",
          "+14155550132");
    phone("gb international landline", "US", "office +44 20 7946 0958", "+44 20 7946 0958",
          "+442079460958");
    phone("gb national region gb", "GB", "mobile 07400 123456 thanks", "07400 123456",
          "+447400123456");
    // Valid national number in several countries other than the default: the
    // country is not known, so the value is the digits as written.
    phone("gb national from us", "US", "I'm based in Manchester, mobile 07700 900461 if needed",
          "07700 900461", "07700900461");
    phone("de international", "US", "Berlin office at +49 30 12345678.", "+49 30 12345678",
          "+493012345678");
    phone("de mobile region de", "DE", "Ruf mich an: 0151 23456789 (Mo-Fr)", "0151 23456789",
          "+4915123456789");
    phone("de 00 prefix", "US", "call 0049 151 23456789", "0049 151 23456789", "+4915123456789");
    phone("in international", "US", "Contact no: +91 98765 43210", "+91 98765 43210",
          "+919876543210");
    phone("in national region in", "IN", "call on 98765 43210 sir", "98765 43210", "+919876543210");
    phone("in digits region in", "IN", "for urgent changes call on 9845012345", "9845012345",
          "+919845012345");
    phone("ph international", "US", "call +63 917 123 4567", "+63 917 123 4567", "+639171234567");
    phone("ph national region ph", "PH", "Eto number ko 0917 555 0143, text lang", "0917 555 0143",
          "+639175550143");
    phone("br international", "US", "my cell is +55 11 91234-5678 if", "+55 11 91234-5678",
          "+5511912345678");
    phone("br national region br", "BR", "Pode me ligar no (11) 98765-4321 depois",
          "(11) 98765-4321", "+5511987654321");
    phone("br national from us", "US", "Pode me ligar no (11) 98765-4321 depois",
          "(11) 98765-4321", "+5511987654321");
    phone("mx international", "US", "Questions? Reach us at +52 33 1234 5678.", "+52 33 1234 5678",
          "+523312345678");
    phone("mx national region mx", "MX", "llama al 33 1234 5678 por favor", "33 1234 5678",
          "+523312345678");
    phone("eg international", "US", "My number is +20 10 1234 5678, available", "+20 10 1234 5678",
          "+201012345678");
    phone("eg national region eg", "EG", "number 010 1234 5678", "010 1234 5678", "+201012345678");
    phone("ng international", "US", "Phone: +234 803 555 0199", "+234 803 555 0199",
          "+2348035550199");
    phone("ng national region ng", "NG", "call 0803 555 0199 later", "0803 555 0199",
          "+2348035550199");
    phone("fr international", "US", "portable +33 6 12 34 56 78", "+33 6 12 34 56 78",
          "+33612345678");
    phone("fr national region fr", "FR", "appelle-moi au 06 12 34 56 78", "06 12 34 56 78",
          "+33612345678");
    phone("fr dotted region fr", "FR", "tel 06.12.34.56.78", "06.12.34.56.78", "+33612345678");
    phone("au international", "US", "mobile +61 412 345 678", "+61 412 345 678", "+61412345678");
    phone("region lower case", "gb", "mobile 07400 123456 thanks", "07400 123456", "+447400123456");

    // Disguised digits and separators.
    phone("fullwidth digits", "US", "my mobile ＋４４ ７７００ ９００４６１", "＋４４ ７７００ ９００４６１",
          "+447700900461");
    phone("arabic-indic digits", "EG", "مرحبا، ده رقمي ٠١٠١٢٣٤٥٦٧٨ لو حضرتك", "٠١٠١٢٣٤٥٦٧٨",
          "+201012345678");
    phone("arabic-indic spaced", "EG", "call me on ٠١٠٠ ١٢٣ ٤٥٦٧ after iftar", "٠١٠٠ ١٢٣ ٤٥٦٧",
          "+201001234567");
    phone("persian digits", "IR", "شماره ۰۹۱۲ ۳۴۵ ۶۷۸۹", "۰۹۱۲ ۳۴۵ ۶۷۸۹", "+989123456789");
    phone("devanagari digits", "IN", "मेरा नंबर ९८७६५ ४३२१०, call", "९८७६५ ४३२१०",
          "+919876543210");
    phone("mathematical bold digits", "PH", "Cp ko: 𝟎𝟗𝟏𝟕 𝟏𝟐𝟑 𝟒𝟓𝟔𝟕 para sa updates",
          "𝟎𝟗𝟏𝟕 𝟏𝟐𝟑 𝟒𝟓𝟔𝟕", "+639171234567");
    phone("circled digits", "US", "+1 ④①⑤ ⑤⑤⑤ ⓪①④② call anytime", "+1 ④①⑤ ⑤⑤⑤ ⓪①④②",
          "+14155550142");
    phone("keycap emoji digits", "US", "📱 4️⃣1️⃣5️⃣ 5️⃣5️⃣5️⃣ 0️⃣1️⃣7️⃣6️⃣ text me",
          "4️⃣1️⃣5️⃣ 5️⃣5️⃣5️⃣ 0️⃣1️⃣7️⃣6️⃣", "+14155550176");
    phone("spaced single digits", "PH", "text me po 0 9 1 7 1 2 3 4 5 6 7", "0 9 1 7 1 2 3 4 5 6 7",
          "+639171234567");
    phone("dotted single digits", "IN", "My no. 9.8.7.6.5.4.3.2.1.0, call after 7pm",
          "9.8.7.6.5.4.3.2.1.0", "+919876543210");
    phone("zero-width separators", "US", "Reach me at +1\u200B(512)\u200B555\u200B0147 if",
          "+1\u200B(512)\u200B555\u200B0147", "+15125550147");
    phone("no-break spaces", "US", "call +44\u00A07700\u00A0900461", "+44\u00A07700\u00A0900461",
          "+447700900461");
    phone("en dashes", "US", "call 212–555–0178", "212–555–0178", "+12125550178");

    // Non-ASCII text before the match: offsets must count code points.
    phone("emoji prefix", "US", "😀😀 call +1 415 555 0132", "+1 415 555 0132", "+14155550132");
    phone("cjk prefix and suffix", "US", "我的电话是+86 138 1234 5678谢谢", "+86 138 1234 5678",
          "+8613812345678");
    phone("arabic prefix", "US", "اتصل بي على +20 10 1234 5678", "+20 10 1234 5678",
          "+201012345678");
    phone("combining accent prefix", "US", "cafe\u0301 owner, call 212-555-0178", "212-555-0178",
          "+12125550178");
    phone("musical symbol prefix", "US", "𝄞 music teacher, phone 212-555-0178", "212-555-0178",
          "+12125550178");
    email("emoji before email", "👋🏽 hi: ana.b@example.com", "ana.b@example.com",
          "ana.b@example.com");
    email("hindi before email", "मेरा ईमेल raj.k@example.in है", "raj.k@example.in",
          "raj.k@example.in");

    // E-mails, plain and disguised.
    email("plain", "Email nina.patel.copy@gmail.com, thanks", "nina.patel.copy@gmail.com",
          "nina.patel.copy@gmail.com");
    email("mixed case", "write to Nina.Patel@Gmail.com", "Nina.Patel@Gmail.com",
          "nina.patel@gmail.com");
    email("upper case", "JOHN.DOE@EXAMPLE.COM IS MY MAIL", "JOHN.DOE@EXAMPLE.COM",
          "john.doe@example.com");
    email("plus tag", "john+work@company.co.uk", "john+work@company.co.uk",
          "john+work@company.co.uk");
    email("hyphen domain", "CV to hiring@brightleaf-dental.ca — only", "hiring@brightleaf-dental.ca",
          "hiring@brightleaf-dental.ca");
    email("angle brackets", "From: Bob <Bob_Smith-1@Mail.Example.org>", "Bob_Smith-1@Mail.Example.org",
          "bob_smith-1@mail.example.org");
    email("french sentence", "Vous pouvez m'écrire à claire.lemoine@orange.fr pour le devis.",
          "claire.lemoine@orange.fr", "claire.lemoine@orange.fr");
    email("square brackets", "maria.s[at]protonmail[dot]com for the draft",
          "maria.s[at]protonmail[dot]com", "maria.s@protonmail.com");
    email("parentheses", "Mail id: rahul.verma (at) outlook (dot) in", "rahul.verma (at) outlook (dot) in",
          "rahul.verma@outlook.in");
    email("braces", "kdev42 {at} yahoo {dot} com — send", "kdev42 {at} yahoo {dot} com",
          "kdev42@yahoo.com");
    email("bracket at plain dot", "jane[at]example.com", "jane[at]example.com", "jane@example.com");
    email("at dot words", "you can write to john dot smith at gmail dot com",
          "john dot smith at gmail dot com", "john.smith@gmail.com");
    email("at the rate", "share documents on vikram.s at the rate gmail dot com",
          "vikram.s at the rate gmail dot com", "vikram.s@gmail.com");
    email("split webmail name", "reach me: sam_writes at g mail dot com", "sam_writes at g mail dot com",
          "sam_writes@gmail.com");
    email("upper case words", "JOHN AT GMAIL DOT COM", "JOHN AT GMAIL DOT COM", "john@gmail.com");
    email("word at webmail", "just mail lena.k at gmail.com", "lena.k at gmail.com", "lena.k@gmail.com");
    email("zero-width inside", "Send to ana\u200B.design\u200B@gm\u200Bail.com please",
          "ana\u200B.design\u200B@gm\u200Bail.com", "ana.design@gmail.com");
    email("fullwidth", "mail: ｊｏｈｎ．ｄｏｅ＠ｇｍａｉｌ．ｃｏｍ", "ｊｏｈｎ．ｄｏｅ＠ｇｍａｉｌ．ｃｏｍ",
          "john.doe@gmail.com");
    email("cyrillic look-alikes", "my email is mаrk.dev@gmаil.com", "mаrk.dev@gmаil.com",
          "mark.dev@gmail.com");
    email("email beats phone inside", "ping jo.4155550132@mail.com", "jo.4155550132@mail.com",
          "jo.4155550132@mail.com");

    {
        const QString t = s("Email: m.okafor@outlook.com | Phone: +234 803 555 0199");
        QTest::newRow("email and phone")
            << t << QStringLiteral("US")
            << ExpectedSpans{at(t, QStringLiteral("email"), s("m.okafor@outlook.com"),
                                s("m.okafor@outlook.com")),
                             at(t, QStringLiteral("phone"), s("+234 803 555 0199"),
                                s("+2348035550199"))};
    }
    {
        const QString t = s("Berlin office +49 30 12345678 or my mobile 0151 23456789.");
        QTest::newRow("two phones region de")
            << t << QStringLiteral("DE")
            << ExpectedSpans{at(t, QStringLiteral("phone"), s("+49 30 12345678"), s("+493012345678")),
                             at(t, QStringLiteral("phone"), s("0151 23456789"), s("+4915123456789"))};
    }

    // Hard negatives: numbers and at-signs that are not contact details.
    none("price", "US", "My rate is $45/hr, so about $1,350 total.");
    none("price with cents", "US", "Invoice for milestone 2 ($640.00) is submitted.");
    none("large price", "US", "Budget: $1 350 000 for the whole project");
    none("rupee amount", "IN", "Total ₹4500000 for the year");
    none("iso date", "US", "Deadline is 2026-04-15, ok?");
    none("timestamp", "US", "Error at 2026-04-15 14:32:07 UTC: connection reset (errno 104)");
    none("short date", "US", "la entrega sería el 15/04. ¿Te parece bien?");
    none("full date slashes", "US", "delivered on 15/04/2026 as agreed");
    none("full date dots", "DE", "Lieferung am 15.04.2026 bitte");
    none("us date", "US", "shipped 04/28/2026 from Louisville");
    none("times", "US", "I'm available 9:00–17:30 CET and 10:00-18:00 PST.");
    none("versions", "US", "Upgraded to Django 4.2.11 and Node 20.11.1 on Python 3.12.2.");
    none("four part version", "US", "Windows build 10.0.19045.3803 crashes");
    none("resolution", "US", "Export at 1920x1080, thumbnails at 1080 x 1350 px, 300 dpi.");
    none("isbn 13", "US", "The book's ISBN is 978-0-306-40615-7; format it to 6 x 9 in.");
    none("isbn 10", "US", "ISBN 0-306-40615-2 is the old edition");
    none("order number", "US", "order #112-4459821-7730915 arrived damaged");
    none("invoice id", "US", "Invoice INV-2026-004417 for milestone 2");
    none("zip code", "US", "We're in ZIP 94107, so Pacific time.");
    none("zip plus four", "US", "Mail goes to 94107-1234 now");
    none("ups tracking", "US", "Tracking number 1Z999AA10123456784 shows the package.");
    none("usps tracking", "US", "USPS 9400 1000 0000 0000 0000 00 delivered");
    none("ip address", "US", "server at 192.168.100.123 is down");
    none("cpf tax id", "BR", "o CPF 123.456.789-09 do titular está no contrato");
    none("digits glued to letters", "US", "ref abc4155550132 and 4155550132px");
    none("small counts", "US", "12 posts and 20 stories per month, 214 tests pass");
    none("python decorator", "US", "add `@app.route('/contact', methods=['POST'])` above it");
    none("npm scoped package", "US", "Run `npm i @angular/core@17.3.0` and `brew install python@3.11`");
    none("git ssh remote", "US", "clone git@github.com:acme/repo.git first");
    none("email regex", "US", "Validation regex: `^[\\w.+-]+@[\\w-]+\\.[a-z]{2,}$` please");
    none("at before link", "US", "I will be at home.Tonight works");
    none("at as a word", "US", "Let's do the video call Thursday @ 5pm EST, meet at the office.");
    none("curl data file", "US", "curl -X POST localhost:8080/v1/users -d @payload.json");
    none("email as a topic", "US", "I'll design 5 email templates and set up the welcome flow.");
}

void TestDetector::detect()
{
    QFETCH(QString, text);
    QFETCH(QString, region);
    QFETCH(ExpectedSpans, expected);

    DetectorOptions options;
    options.defaultRegion = region;
    // One detector per region: building one compiles every rule.
    static std::map<QString, std::unique_ptr<Detector>> detectors;
    std::unique_ptr<Detector> &cached = detectors[region];
    if (!cached)
        cached = std::make_unique<Detector>(options);
    const Detector &detector = *cached;
    const DetectedSpans spans = detector.detect(text);

    QStringList got;
    for (const DetectedSpan &span : spans)
        got << QStringLiteral("%1 %2..%3 '%4' %5")
                   .arg(contactTypeName(span.type))
                   .arg(span.start)
                   .arg(span.end)
                   .arg(span.text, span.value);
    QVERIFY2(spans.size() == expected.size(), qPrintable(got.join(QStringLiteral("; "))));
    for (qsizetype i = 0; i < spans.size(); ++i) {
        const DetectedSpan &span = spans.at(i);
        QCOMPARE(contactTypeName(span.type), expected.at(i).type);
        QCOMPARE(span.start, expected.at(i).start);
        QCOMPARE(span.end, expected.at(i).end);
        QCOMPARE(span.value, expected.at(i).value);
        // The reported text is the original's, cut by code points.
        const qsizetype from = cg::codePointToUtf16(text, span.start);
        QCOMPARE(span.text, text.mid(from, cg::codePointToUtf16(text, span.end) - from));
        QVERIFY(span.confidence >= options.minConfidence && span.confidence <= 1.0);
        QVERIFY(span.rule.startsWith(contactTypeName(span.type) + QLatin1Char('.')));
        QVERIFY(span.explanation.endsWith(QLatin1Char('.')));
    }
}

void TestDetector::explicitOffsets_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("start");
    QTest::addColumn<int>("end");

    // Written out by hand so the offsets do not depend on any helper.
    QTest::newRow("contract example") << s("call me at +1 415 555 0132") << 11 << 26;
    // Two astral emoji are 2 code points (4 UTF-16 units, 8 UTF-8 bytes).
    QTest::newRow("astral emoji") << s("😀😀 call +1 415 555 0132") << 8 << 23;
    QTest::newRow("cjk") << s("我的电话是+86 138 1234 5678谢谢") << 5 << 22;
    // Keycaps are three code points each; the span takes in the last U+20E3.
    QTest::newRow("keycaps") << s("📱 4️⃣1️⃣5️⃣ 5️⃣5️⃣5️⃣ 0️⃣1️⃣7️⃣6️⃣ text me") << 2 << 34;
    // The zero-width space is a code point of the original, inside the span.
    QTest::newRow("zero width inside") << s("x a\u200B@b.com") << 2 << 10;
}

void TestDetector::explicitOffsets()
{
    QFETCH(QString, text);
    QFETCH(int, start);
    QFETCH(int, end);
    const Detector detector;
    const DetectedSpans spans = detector.detect(text);
    QCOMPARE(spans.size(), 1);
    QCOMPARE(spans.first().start, start);
    QCOMPARE(spans.first().end, end);
}

void TestDetector::ruleAndObfuscation_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("rule");
    QTest::addColumn<bool>("obfuscated");

    QTest::newRow("international") << s("+44 20 7946 0958") << s("phone.international") << false;
    QTest::newRow("national") << s("(646) 555-0191") << s("phone.national") << false;
    QTest::newRow("other region") << s("mobile 07700 900461") << s("phone.national_other_region")
                                  << false;
    QTest::newRow("native digits are not a disguise")
        << s("رقمي ٠١٠١٢٣٤٥٦٧٨") << s("phone.national_other_region") << false;
    QTest::newRow("fullwidth phone") << s("＋４４ ７７００ ９００４６１") << s("phone.international")
                                     << true;
    QTest::newRow("spaced digits") << s("call 4 1 5 5 5 5 0 1 3 2") << s("phone.national") << true;
    QTest::newRow("plain email") << s("a.b@example.com") << s("email.plain") << false;
    QTest::newRow("zero-width email") << s("a.b\u200B@example.com")
                                      << s("email.disguised_characters") << true;
    QTest::newRow("bracket email") << s("a.b[at]example[dot]com") << s("email.brackets") << true;
    QTest::newRow("word email") << s("a.b at gmail dot com") << s("email.at_dot_words") << true;
}

void TestDetector::ruleAndObfuscation()
{
    QFETCH(QString, text);
    QFETCH(QString, rule);
    QFETCH(bool, obfuscated);
    const Detector detector;
    const DetectedSpans spans = detector.detect(text);
    QCOMPARE(spans.size(), 1);
    QCOMPARE(spans.first().rule, rule);
    QCOMPARE(spans.first().obfuscated, obfuscated);
}

void TestDetector::codePointToUtf16_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("codePoint");
    QTest::addColumn<int>("utf16");

    QTest::newRow("ascii") << s("hello") << 3 << 3;
    QTest::newRow("zero") << s("hello") << 0 << 0;
    QTest::newRow("negative clamps") << s("hello") << -2 << 0;
    QTest::newRow("past end clamps") << s("hello") << 9 << 5;
    QTest::newRow("after one emoji") << s("😀ab") << 1 << 2;
    QTest::newRow("after emoji and letter") << s("😀ab") << 2 << 3;
    QTest::newRow("two emoji") << s("😀😀x") << 2 << 4;
    QTest::newRow("bmp cjk") << s("我的x") << 2 << 2;
    QTest::newRow("empty") << QString() << 3 << 0;
}

void TestDetector::codePointToUtf16()
{
    QFETCH(QString, text);
    QFETCH(int, codePoint);
    QFETCH(int, utf16);
    QCOMPARE(cg::codePointToUtf16(text, codePoint), utf16);
}

void TestDetector::version()
{
    const QString version = Detector::version();
    QVERIFY(version.startsWith(QLatin1String("detector-")));
    QCOMPARE(Detector::version(), version);
}

void TestDetector::minConfidence()
{
    // A US-length number libphonenumber calls possible but not valid, with no cue.
    const QString weak = QStringLiteral("see 123 456 7890");
    DetectorOptions options;
    options.minConfidence = 0.0;
    const DetectedSpans all = Detector(options).detect(weak);
    QCOMPARE(all.size(), 1);
    const double confidence = all.first().confidence;
    QVERIFY(confidence > 0.0 && confidence < 0.5);

    options.minConfidence = 0.5;
    QVERIFY(Detector(options).detect(weak).isEmpty());

    options.minConfidence = confidence;
    QCOMPARE(Detector(options).detect(weak).size(), 1); // the threshold itself is kept

    options.minConfidence = 1.0;
    QVERIFY(Detector(options).detect(QStringLiteral("a.b@example.com +1 415 555 0132")).isEmpty());
}

void TestDetector::confidenceFollowsContext()
{
    DetectorOptions options;
    options.minConfidence = 0.0;
    options.platformDomains.clear();
    const Detector detector(options);
    const auto confidenceOf = [&](const QString &text) {
        const DetectedSpans spans = detector.detect(text);
        return spans.size() == 1 ? spans.first().confidence : -1.0;
    };
    const double bare = confidenceOf(QStringLiteral("see 212-555-0178 there"));
    const double cued = confidenceOf(QStringLiteral("call me 212-555-0178 there"));
    const double order = confidenceOf(QStringLiteral("order 212-555-0178 there"));
    QVERIFY(bare > 0.5);
    QVERIFY2(cued > bare, qPrintable(QStringLiteral("%1 vs %2").arg(cued).arg(bare)));
    QVERIFY2(order < 0.5, qPrintable(QString::number(order)));
    const double possible = confidenceOf(QStringLiteral("see 123 456 7890 there"));
    QVERIFY2(possible < bare, qPrintable(QString::number(possible)));

    // Context words are read in the lower-cased message; a letter whose lower case
    // is longer ("İ" becomes "i" and a combining dot) must not shift the windows.
    QVERIFY(QString::fromUtf8("İ").toLower().size() > 1);
    for (const char *text : {"call me 212-555-0178 there", "example: jo@example.com",
                             "please don't share your email here", "e.g. jo@example.com"}) {
        const QString plain = QString::fromUtf8(text);
        const QString dotted = QString::fromUtf8("İİ ") + plain + QString::fromUtf8(" İ");
        const DetectedSpans expected = detector.detect(plain);
        const DetectedSpans spans = detector.detect(dotted);
        QVERIFY(!expected.isEmpty());
        QCOMPARE(spans.size(), expected.size());
        for (qsizetype i = 0; i < spans.size(); ++i) {
            QCOMPARE(spans.at(i).text, expected.at(i).text);
            QCOMPARE(spans.at(i).confidence, expected.at(i).confidence);
        }
    }
}

void TestDetector::platformDomainAddressIsStillEmail()
{
    // Only links to the platform are on-platform; an address there still moves
    // the conversation to e-mail.
    const Detector detector;
    const DetectedSpans spans = detector.detect(QStringLiteral("write to jane@upwork.com"));
    QCOMPARE(spans.size(), 1);
    QCOMPARE(spans.first().type, ContactType::Email);
    QCOMPARE(spans.first().value, QStringLiteral("jane@upwork.com"));
}

// Spaced letters are looked for 64 bytes at a time: "s k y p e" is read wherever
// it stands, across the edge between two such windows too.
void TestDetector::spacedLettersAnywhere()
{
    const Detector detector;
    for (int offset = 0; offset < 140; ++offset) {
        const QString filler = QString(QLatin1Char('x')).repeated(offset);
        const QString text = filler + QStringLiteral("\ns k y p e: olivia.chen88 and some more words after it");
        const DetectedSpans spans = detector.detect(text);
        QVERIFY2(spans.size() == 1 && spans.first().type == ContactType::Messenger,
                 qPrintable(QStringLiteral("after %1 letters").arg(offset)));
        QCOMPARE(spans.first().start, offset + 1);
    }
}

void TestDetector::regionValidation()
{
    QVERIFY(Detector::isKnownRegion(QStringLiteral("US")));
    QVERIFY(Detector::isKnownRegion(QStringLiteral("gb")));
    QVERIFY(!Detector::isKnownRegion(QStringLiteral("XX")));
    QVERIFY(!Detector::isKnownRegion(QString()));
}

void TestDetector::threadSafety()
{
    const QStringList corpus = {
        s("call me at +1 415 555 0132"),
        s("mail: ｊｏｈｎ．ｄｏｅ＠ｇｍａｉｌ．ｃｏｍ and ٠١٠١٢٣٤٥٦٧٨"),
        s("john dot smith at gmail dot com / 0 9 1 7 1 2 3 4 5 6 7"),
        s("😀 +49 30 12345678, maria.s[at]protonmail[dot]com"),
        s("Error at 2026-04-15 14:32:07 UTC, $1,350"),
        s("📱 4️⃣1️⃣5️⃣ 5️⃣5️⃣5️⃣ 0️⃣1️⃣7️⃣6️⃣ text me"),
    };
    const Detector detector;
    QList<DetectedSpans> reference;
    for (const QString &text : corpus)
        reference.append(detector.detect(text));

    constexpr int kThreads = 8;
    constexpr int kRounds = 200;
    std::vector<int> mismatches(kThreads, 0);
    std::vector<std::thread> threads;
    for (int t = 0; t < kThreads; ++t) {
        threads.emplace_back([&, t] {
            for (int round = 0; round < kRounds; ++round) {
                for (qsizetype i = 0; i < corpus.size(); ++i) {
                    if (!(detector.detect(corpus.at(i)) == reference.at(i)))
                        ++mismatches[std::size_t(t)];
                }
            }
        });
    }
    for (std::thread &thread : threads)
        thread.join();
    for (int count : mismatches)
        QCOMPARE(count, 0);
    QVERIFY(!reference.first().isEmpty());
}

// Each thread remembers phone verdicts, the patterns a set of words allows and its
// scratch buffers; none of it may leak from one detector to another on the same
// thread, not even to a new one built where an old one was.
void TestDetector::detectorsDoNotShareWhatTheyRemember()
{
    const QStringList texts = {
        s("ring me on 020 7946 0018 tonight"),        // national in GB, not in US
        s("my number is (415) 555-0132"),             // national in US
        s("could you send me your whatsapp number?"), // a phrase pattern
        s("Lieferung an Hauptstraße 5, 10115 Berlin"), // an address, beyond ASCII
        s("then meet me by the old mill at noon"),     // only the extra pattern below
    };
    const auto detectAll = [&texts](const Detector &detector) {
        QList<DetectedSpans> all;
        for (const QString &text : texts)
            all.append(detector.detect(text));
        return all;
    };
    DetectorOptions usOptions;
    usOptions.defaultRegion = QStringLiteral("US");
    DetectorOptions gbOptions;
    gbOptions.defaultRegion = QStringLiteral("GB");
    gbOptions.minConfidence = 0.9; // a different cut too

    // What each finds on a thread of its own, with nothing remembered yet.
    QList<DetectedSpans> usAlone;
    QList<DetectedSpans> gbAlone;
    std::thread([&] { usAlone = detectAll(Detector(usOptions)); }).join();
    std::thread([&] { gbAlone = detectAll(Detector(gbOptions)); }).join();
    QVERIFY(usAlone != gbAlone); // else this test could not tell them apart

    const Detector us(usOptions);
    const Detector gb(gbOptions);
    for (int round = 0; round < 3; ++round) {
        QCOMPARE(detectAll(us), usAlone);
        QCOMPARE(detectAll(gb), gbAlone);
    }
    for (int round = 0; round < 3; ++round) {
        auto replaced = std::make_unique<Detector>(round % 2 == 0 ? gbOptions : usOptions);
        QCOMPARE(detectAll(*replaced), round % 2 == 0 ? gbAlone : usAlone);
        replaced.reset();
    }

    // A detector with one more phrase pattern numbers the required words
    // differently; what it remembers about them must stay its own.
    QTemporaryDir rules;
    QVERIFY(rules.isValid());
    QFile patterns(rules.filePath(QStringLiteral("patterns.tsv")));
    QVERIFY(patterns.open(QIODevice::WriteOnly));
    patterns.write("contact_request.test\tcontact_request\t0.9\t(?i)(meet me by the old mill)\t"
                   "A test request.\n");
    patterns.close();
    DetectorOptions extendedOptions = usOptions;
    extendedOptions.rulesDirectory = rules.path();
    QList<DetectedSpans> extendedAlone;
    std::thread([&] { extendedAlone = detectAll(Detector(extendedOptions)); }).join();
    QVERIFY(extendedAlone != usAlone);
    const Detector extended(extendedOptions);
    for (int round = 0; round < 3; ++round) {
        QCOMPARE(detectAll(us), usAlone);
        QCOMPARE(detectAll(extended), extendedAlone);
    }
}

QTEST_APPLESS_MAIN(TestDetector)
#include "tst_detector.moc"
