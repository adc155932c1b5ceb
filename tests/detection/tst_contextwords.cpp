#include "ContextWords.h"
#include "NormalizedText.h"

#include <QTest>

#include <random>

using namespace cg;

// Context words raise or lower a span's confidence where they stand as whole
// words round it. Windows all ASCII (the usual case) are searched with one
// LiteralSet per window, any others word by word: both must give the same.
class TestContextWords : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void adjust_data();
    void adjust();
    void bothSearchesAgree();

private:
    // The span at `spanText`'s first occurrence in `message`, adjusted.
    DetectedSpan adjusted(const QString &message, const QString &spanText, ContactType type) const;

    std::unique_ptr<ContextWords> m_words;
};

void TestContextWords::initTestCase()
{
    using Where = DetectionData::ContextWord::Where;
    m_words = std::make_unique<ContextWords>(std::vector<DetectionData::ContextWord>{
        {ContactType::ContactRequest, -0.6, Where::RightBefore, "don't"},
        {ContactType::ContactRequest, -0.5, Where::After, "until the contract"},
        {ContactType::Phone, 0.2, Where::Before, "call"},
        {ContactType::Phone, -0.4, Where::Near, "order #"},
        {std::nullopt, 0.1, Where::Near, "whatsapp"},
        {std::nullopt, -0.3, Where::Before, "example"},
        {std::nullopt, -0.3, Where::Before, "sample"},
    });
}

DetectedSpan TestContextWords::adjusted(const QString &message, const QString &spanText, ContactType type) const
{
    const NormalizedText text(message);
    DetectedSpan span;
    span.type = type;
    span.start = message.indexOf(spanText); // ASCII and BMP only here: code points are UTF-16 units
    span.end = span.start + spanText.size();
    span.confidence = 0.5;
    span.explanation = QStringLiteral("A finding.");
    DetectedSpans spans{span};
    m_words->apply(text, spans);
    return spans.front();
}

void TestContextWords::adjust_data()
{
    QTest::addColumn<QString>("message");
    QTest::addColumn<QString>("span");
    QTest::addColumn<int>("type");
    QTest::addColumn<double>("confidence");
    QTest::addColumn<QString>("cue");

    const int request = int(ContactType::ContactRequest);
    const int phone = int(ContactType::Phone);
    const int url = int(ContactType::Url);
    QTest::newRow("no word") << "please send me your number" << "send me your number" << request << 0.5 << "";
    QTest::newRow("right before") << "please don't send me your number" << "send me your number" << request << 0.0
                                  << "don't";
    QTest::newRow("in capitals") << "DON'T send me your number" << "send me your number" << request << 0.0 << "don't";
    QTest::newRow("inside a word") << "xdon't send me your number" << "send me your number" << request << 0.5 << "";
    QTest::newRow("more than 16 before") << "don't ever, really, send me your number" << "send me your number"
                                         << request << 0.5 << "";
    QTest::newRow("16 before, cut at the window's edge")
        << "xdon't ever now. send me your number" << "send me your number" << request << 0.0 << "don't";
    QTest::newRow("after") << "send me your number until the contract starts" << "send me your number" << request
                           << 0.0 << "until the contract";
    QTest::newRow("after is not before") << "until the contract: send me your number" << "send me your number"
                                         << request << 0.5 << "";
    QTest::newRow("the strongest each way") << "call me on whatsapp 4155550132" << "4155550132" << phone << 0.7
                                            << "";
    QTest::newRow("raise and lower") << "call 4155550132 re order #12" << "4155550132" << phone << 0.3
                                     << "order #";
    QTest::newRow("a word ending in a symbol, before a digit") << "order #4155550132" << "4155550132" << phone
                                                               << 0.1 << "order #";
    QTest::newRow("any type") << "whatsapp: example.com/x" << "example.com/x" << url << 0.6 << "";
    QTest::newRow("the first of the lowest names the cue") << "a sample or an example: t.me/x" << "t.me/x" << url
                                                           << 0.2 << "example";
    QTest::newRow("more than 48 before") << "example, then a good many words of chatter in between: t.me/x"
                                         << "t.me/x" << url << 0.5 << "";
}

void TestContextWords::adjust()
{
    QFETCH(QString, message);
    QFETCH(QString, span);
    QFETCH(int, type);
    QFETCH(double, confidence);
    QFETCH(QString, cue);
    // As it is (ASCII windows), and with a character beyond ASCII in the window
    // before it that touches no word (searched word by word).
    for (const QString &prefix : {QString(), QStringLiteral("\u00E9 ")}) {
        if (!prefix.isEmpty() && message.indexOf(span) + prefix.size() > 48)
            continue; // the prefix would fall outside the window
        const DetectedSpan result = adjusted(prefix + message, span, ContactType(type));
        QCOMPARE(result.confidence, std::clamp(confidence, 0.0, 0.99));
        if (cue.isEmpty())
            QCOMPARE(result.explanation, QStringLiteral("A finding."));
        else
            QCOMPARE(result.explanation,
                     QStringLiteral("A finding, though the word '%1' nearby suggests it is not a real one.").arg(cue));
    }
}

// Random words, cases and neighbours round a span: the same answers with the
// windows all ASCII and with a character beyond ASCII in them.
void TestContextWords::bothSearchesAgree()
{
    const QStringList pieces = {QStringLiteral("don't"), QStringLiteral("DON'T"), QStringLiteral("call"),
                                QStringLiteral("Call"), QStringLiteral("order #"), QStringLiteral("whatsapp"),
                                QStringLiteral("example"), QStringLiteral("sample"), QStringLiteral("until the contract"),
                                QStringLiteral("x"), QStringLiteral("1"), QStringLiteral("#"), QStringLiteral("'"),
                                QStringLiteral("_"), QStringLiteral("-")};
    const QStringList joins = {QStringLiteral(" "), QStringLiteral(""), QStringLiteral(", "), QStringLiteral(". "),
                               QStringLiteral("\t")};
    const QString spanText = QStringLiteral("SPAN");
    std::mt19937 random(3);
    const auto pick = [&random](const QStringList &from) {
        return from.at(std::uniform_int_distribution<qsizetype>(0, from.size() - 1)(random));
    };
    int changed = 0;
    for (int i = 0; i < 20000; ++i) {
        QString before;
        while (before.size() < std::uniform_int_distribution<int>(0, 40)(random))
            before += pick(pieces) + pick(joins);
        if (before.size() > 44)
            continue;
        QString after;
        for (int k = std::uniform_int_distribution<int>(0, 4)(random); k > 0; --k)
            after += pick(joins) + pick(pieces);
        const QString message = before + spanText + after;
        for (const ContactType type : {ContactType::ContactRequest, ContactType::Phone, ContactType::Url}) {
            const DetectedSpan ascii = adjusted(message, spanText, type);
            const DetectedSpan other = adjusted(QStringLiteral("\u00E9 ") + message, spanText, type);
            if (ascii.confidence != other.confidence || ascii.explanation != other.explanation)
                QFAIL(qPrintable(QStringLiteral("'%1' (type %2): %3 with ASCII windows, %4 without")
                                     .arg(message)
                                     .arg(int(type))
                                     .arg(ascii.confidence)
                                     .arg(other.confidence)));
            changed += ascii.confidence != 0.5 ? 1 : 0;
        }
    }
    QVERIFY2(changed > 10000, "the words change many spans");
}

QTEST_GUILESS_MAIN(TestContextWords)
#include "tst_contextwords.moc"
