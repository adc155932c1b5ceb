#include "DemoConversationGenerator.h"

#include <QElapsedTimer>
#include <QHash>
#include <QRegularExpression>
#include <QSet>
#include <QTest>

using namespace cg;

namespace {

QList<DemoCase> generate(int conversations, quint32 seed = 1)
{
    DemoOptions options;
    options.conversations = conversations;
    options.seed = seed;
    return DemoConversationGenerator(options).generate();
}

QString describe(const PersonRecord &p)
{
    return QStringList{p.externalId, p.displayName, p.role, p.plan, p.country}.join(QLatin1Char('|'));
}

// Every field, so "equal" really means byte-identical output.
QString serialise(const QList<DemoCase> &cases)
{
    QStringList out;
    for (const DemoCase &demo : cases) {
        const ConversationRecord &c = demo.conversation;
        out << c.externalId << c.jobTitle << c.phase << describe(c.client) << describe(c.freelancer) << c.subjectRole
            << c.contract.status << c.contract.start.toString(Qt::ISODate) << c.contract.end.toString(Qt::ISODate)
            << QString::number(c.contract.conversionFeePaid) << QString::number(c.preExistingRelationship)
            << c.flagSource << c.flagReason << c.flaggedAt.toString(Qt::ISODate);
        for (const MessageRecord &m : c.messages)
            out << m.externalId << m.sender << m.phase << m.sentAt.toString(Qt::ISODate) << m.text;
        if (demo.decision) {
            const PriorDecisionRecord &d = *demo.decision;
            out << d.decidedAt.toString(Qt::ISODate) << d.verdict << d.penalty << d.moderator << d.note;
        }
    }
    return out.join(QLatin1Char('\n'));
}

const QString &subjectId(const ConversationRecord &c)
{
    return c.subjectRole == QLatin1String("client") ? c.client.externalId : c.freelancer.externalId;
}

const QStringList kLadder = {QStringLiteral("warning"), QStringLiteral("badge_loss"),
                             QStringLiteral("temporary_restriction"), QStringLiteral("permanent_suspension")};

} // namespace

class TestDemoGenerator : public QObject
{
    Q_OBJECT

private slots:
    void sameSeedGivesIdenticalOutput_data();
    void sameSeedGivesIdenticalOutput();
    void differentSeedsDiffer();
    void requestedCountIsHonoured_data();
    void requestedCountIsHonoured();
    void everyCategoryAppears_data();
    void everyCategoryAppears();
    void timelineIsConsistent();
    void contractsMatchTheirState();
    void idsAreUniqueAndWellFormed();
    void peopleAreReusedConsistently();
    void decisionsAreValidAndFollowTheLadder();
    void messagesMixContactDetailsAndCleanText();
    void severalLanguagesAppear();
    void scalesToLargeCounts();
};

void TestDemoGenerator::sameSeedGivesIdenticalOutput_data()
{
    QTest::addColumn<quint32>("seed");
    QTest::newRow("seed 1") << 1u;
    QTest::newRow("seed 42") << 42u;
    QTest::newRow("seed max") << 0xFFFFFFFFu;
}

void TestDemoGenerator::sameSeedGivesIdenticalOutput()
{
    QFETCH(quint32, seed);
    QCOMPARE(serialise(generate(300, seed)), serialise(generate(300, seed)));
}

void TestDemoGenerator::differentSeedsDiffer()
{
    QVERIFY(serialise(generate(100, 1)) != serialise(generate(100, 2)));
    QVERIFY(serialise(generate(100, 7)) != serialise(generate(100, 8)));

    DemoOptions later;
    later.conversations = 50;
    later.anchor = later.anchor.addDays(30);
    QVERIFY(serialise(DemoConversationGenerator(later).generate()) != serialise(generate(50)));
}

void TestDemoGenerator::requestedCountIsHonoured_data()
{
    QTest::addColumn<int>("count");
    QTest::newRow("none") << 0;
    QTest::newRow("one") << 1;
    QTest::newRow("fifty") << 50;
    QTest::newRow("thousand") << 1000;
}

void TestDemoGenerator::requestedCountIsHonoured()
{
    QFETCH(int, count);
    QCOMPARE(generate(count).size(), count);
}

void TestDemoGenerator::everyCategoryAppears_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QStringList>("expected");
    QTest::newRow("phase") << QStringLiteral("phase")
                           << QStringList{QStringLiteral("job_post"), QStringLiteral("proposal"),
                                          QStringLiteral("interview"), QStringLiteral("messages")};
    QTest::newRow("message phase") << QStringLiteral("messagePhase")
                                   << QStringList{QStringLiteral("job_post"), QStringLiteral("proposal"),
                                                  QStringLiteral("interview"), QStringLiteral("messages")};
    QTest::newRow("contract") << QStringLiteral("contract")
                              << QStringList{QStringLiteral("none"), QStringLiteral("offered"),
                                             QStringLiteral("active"), QStringLiteral("closed")};
    QTest::newRow("plan") << QStringLiteral("plan")
                          << QStringList{QStringLiteral("basic"), QStringLiteral("plus"),
                                         QStringLiteral("business"), QStringLiteral("enterprise")};
    QTest::newRow("subject") << QStringLiteral("subject")
                             << QStringList{QStringLiteral("client"), QStringLiteral("freelancer")};
    QTest::newRow("flag source") << QStringLiteral("flagSource")
                                 << QStringList{QStringLiteral("auto_filter"), QStringLiteral("user_report"),
                                                QStringLiteral("job_post_review"), QStringLiteral("keyword_match")};
    QTest::newRow("verdict") << QStringLiteral("verdict")
                             << QStringList{QStringLiteral("no_contact"), QStringLiteral("allowed"),
                                            QStringLiteral("exception"), QStringLiteral("violation")};
}

void TestDemoGenerator::everyCategoryAppears()
{
    QFETCH(QString, field);
    QFETCH(QStringList, expected);

    QSet<QString> seen;
    for (const DemoCase &demo : generate(500, 11)) {
        const ConversationRecord &c = demo.conversation;
        if (field == QLatin1String("phase"))
            seen << c.phase;
        else if (field == QLatin1String("messagePhase"))
            for (const MessageRecord &m : c.messages)
                seen << m.phase;
        else if (field == QLatin1String("contract"))
            seen << c.contract.status;
        else if (field == QLatin1String("plan"))
            seen << c.client.plan;
        else if (field == QLatin1String("subject"))
            seen << c.subjectRole;
        else if (field == QLatin1String("flagSource"))
            seen << c.flagSource;
        else if (field == QLatin1String("verdict") && demo.decision)
            seen << demo.decision->verdict;
    }
    for (const QString &value : expected)
        QVERIFY2(seen.contains(value), qPrintable(field + QStringLiteral(" never takes value ") + value));
    QCOMPARE(seen.size(), expected.size()); // and nothing outside the vocabulary
}

void TestDemoGenerator::timelineIsConsistent()
{
    const DemoOptions defaults;
    const QStringList phases = {QStringLiteral("job_post"), QStringLiteral("proposal"), QStringLiteral("interview"),
                                QStringLiteral("messages")};
    QDateTime previousFlag;
    for (const DemoCase &demo : generate(500, 3)) {
        const ConversationRecord &c = demo.conversation;
        QVERIFY(!c.messages.isEmpty());
        QVERIFY(c.messages.size() <= 15);
        QCOMPARE(c.flaggedAt.timeSpec(), Qt::UTC);
        QVERIFY(c.flaggedAt < defaults.anchor);
        QVERIFY(c.messages.last().sentAt < c.flaggedAt);
        QVERIFY(!previousFlag.isValid() || previousFlag <= c.flaggedAt); // oldest first
        previousFlag = c.flaggedAt;
        QVERIFY(!c.flagReason.isEmpty());
        QVERIFY(!c.jobTitle.isEmpty());
        int lastPhase = 0;
        for (int i = 0; i < c.messages.size(); ++i) {
            const MessageRecord &m = c.messages.at(i);
            QVERIFY(m.sender == QLatin1String("client") || m.sender == QLatin1String("freelancer"));
            const int phase = int(phases.indexOf(m.phase));
            QVERIFY2(phase >= lastPhase, qPrintable(m.externalId)); // phases never go back
            lastPhase = phase;
            QVERIFY(!m.text.trimmed().isEmpty());
            if (i > 0)
                QVERIFY2(c.messages.at(i - 1).sentAt < m.sentAt, qPrintable(m.externalId));
            if (m.phase == QLatin1String("job_post") || m.phase == QLatin1String("proposal"))
                QCOMPARE(m.sender, m.phase == QLatin1String("job_post") ? QStringLiteral("client") : QStringLiteral("freelancer"));
        }
        QCOMPARE(c.phase, c.messages.last().phase);
        if (demo.decision) {
            QVERIFY(demo.decision->decidedAt > c.flaggedAt);
            QVERIFY(demo.decision->decidedAt < defaults.anchor);
        }
    }
}

void TestDemoGenerator::contractsMatchTheirState()
{
    int feePaid = 0;
    for (const DemoCase &demo : generate(500, 5)) {
        const ContractRecord &k = demo.conversation.contract;
        const QDate anchorDay = DemoOptions().anchor.date();
        if (k.status == QLatin1String("none") || k.status == QLatin1String("offered")) {
            QVERIFY(!k.start.isValid());
            QVERIFY(!k.end.isValid());
            QVERIFY(!k.conversionFeePaid);
        } else if (k.status == QLatin1String("active")) {
            QVERIFY(k.start.isValid());
            QVERIFY(k.start <= anchorDay);
            QVERIFY(!k.end.isValid());
        } else {
            QCOMPARE(k.status, QStringLiteral("closed"));
            QVERIFY(k.start.isValid() && k.end.isValid());
            QVERIFY(k.start < k.end);
            QVERIFY(k.end <= demo.conversation.messages.first().sentAt.date()); // talk after the close
            feePaid += k.conversionFeePaid ? 1 : 0;
        }
    }
    QVERIFY(feePaid > 0);
}

void TestDemoGenerator::idsAreUniqueAndWellFormed()
{
    const QList<DemoCase> cases = generate(1000, 9);
    QSet<QString> conversations;
    QSet<QString> messages;
    for (const DemoCase &demo : cases) {
        const ConversationRecord &c = demo.conversation;
        QVERIFY(c.externalId.startsWith(QLatin1String("demo-")));
        QVERIFY(!conversations.contains(c.externalId));
        conversations << c.externalId;
        QVERIFY(c.client.externalId.startsWith(QLatin1String("cl-")));
        QVERIFY(c.freelancer.externalId.startsWith(QLatin1String("fl-")));
        for (int i = 0; i < c.messages.size(); ++i) {
            const QString &id = c.messages.at(i).externalId;
            QCOMPARE(id, c.externalId + QStringLiteral("-m") + QString::number(i + 1));
            QVERIFY(!messages.contains(id));
            messages << id;
        }
    }
    QCOMPARE(cases.first().conversation.externalId, QStringLiteral("demo-0001"));
    QCOMPARE(cases.last().conversation.externalId, QStringLiteral("demo-1000"));
}

void TestDemoGenerator::peopleAreReusedConsistently()
{
    QHash<QString, QString> people; // id -> full description
    QHash<QString, int> casesPerPerson;
    for (const DemoCase &demo : generate(500, 13)) {
        for (const PersonRecord *p : {&demo.conversation.client, &demo.conversation.freelancer}) {
            QVERIFY(!p->displayName.isEmpty());
            QCOMPARE(p->country.size(), 2);
            QCOMPARE(p->plan.isEmpty(), p->role == QLatin1String("freelancer"));
            const auto known = people.constFind(p->externalId);
            if (known != people.constEnd())
                QCOMPARE(*known, describe(*p)); // same id, same person
            people.insert(p->externalId, describe(*p));
        }
        ++casesPerPerson[subjectId(demo.conversation)];
    }
    const int busiest = *std::max_element(casesPerPerson.cbegin(), casesPerPerson.cend());
    QVERIFY2(busiest >= 2, "no person is under review in more than one case");
    QVERIFY(casesPerPerson.size() > 50); // but the cases are not all about a handful of people
}

void TestDemoGenerator::decisionsAreValidAndFollowTheLadder()
{
    const QStringList verdicts = {QStringLiteral("no_contact"), QStringLiteral("allowed"), QStringLiteral("exception"),
                                  QStringLiteral("violation")};
    const QList<DemoCase> cases = generate(1000, 17);

    QList<const DemoCase *> decided;
    for (const DemoCase &demo : cases) {
        if (!demo.decision)
            continue;
        decided << &demo;
        const PriorDecisionRecord &d = *demo.decision;
        QVERIFY(verdicts.contains(d.verdict));
        QVERIFY(!d.moderator.isEmpty());
        QVERIFY(!d.note.isEmpty());
        if (d.verdict == QLatin1String("violation"))
            QVERIFY2(kLadder.contains(d.penalty), qPrintable(d.penalty));
        else
            QVERIFY(d.penalty.isEmpty());
    }
    QVERIFY2(decided.size() >= 100 && decided.size() <= 300,
             qPrintable(QStringLiteral("%1 of 1000 decided").arg(decided.size())));

    // Each violation is at least as severe as the person's earlier violations demand,
    // and at most one step more (off-platform payment).
    std::stable_sort(decided.begin(), decided.end(), [](const DemoCase *a, const DemoCase *b) {
        return a->decision->decidedAt < b->decision->decidedAt;
    });
    QHash<QString, int> strikes;
    bool escalated = false;
    for (const DemoCase *demo : decided) {
        if (demo->decision->verdict != QLatin1String("violation"))
            continue;
        int &earlier = strikes[subjectId(demo->conversation)];
        const int step = int(kLadder.indexOf(demo->decision->penalty));
        QVERIFY(step >= std::min(earlier, 3));
        QVERIFY(step <= std::min(earlier + 1, 3));
        escalated = escalated || earlier > 0;
        ++earlier;
    }
    QVERIFY2(escalated, "no repeat offender among the decided cases");
}

void TestDemoGenerator::messagesMixContactDetailsAndCleanText()
{
    static const QRegularExpression digitRun(QStringLiteral("\\d[\\d ().-]{5,}\\d"));
    int total = 0;
    int withDetails = 0;
    int casesWithDetails = 0;
    const QList<DemoCase> cases = generate(500, 21);
    for (const DemoCase &demo : cases) {
        bool any = false;
        for (const MessageRecord &m : demo.conversation.messages) {
            ++total;
            QVERIFY2(!m.text.contains(QLatin1Char('{')) && !m.text.contains(QLatin1Char('}')),
                     qPrintable(m.text)); // every placeholder filled
            const bool details = m.text.contains(QLatin1Char('@')) || digitRun.match(m.text).hasMatch();
            withDetails += details ? 1 : 0;
            any = any || details;
        }
        casesWithDetails += any ? 1 : 0;
    }
    // Flagged threads are mostly ordinary talk around one or two risky messages.
    QVERIFY2(withDetails * 20 >= total, qPrintable(QStringLiteral("%1 of %2 messages").arg(withDetails).arg(total)));
    QVERIFY(withDetails * 2 < total);
    QVERIFY2(casesWithDetails * 10 >= cases.size() * 4,
             qPrintable(QStringLiteral("%1 of %2 cases").arg(casesWithDetails).arg(cases.size())));
    QVERIFY(casesWithDetails < cases.size()); // and clean threads exist
}

void TestDemoGenerator::severalLanguagesAppear()
{
    bool cyrillic = false, cjk = false, arabic = false, spanish = false;
    for (const DemoCase &demo : generate(1000, 23)) {
        for (const MessageRecord &m : demo.conversation.messages) {
            for (const QChar ch : m.text) {
                cyrillic = cyrillic || (ch.unicode() >= 0x0400 && ch.unicode() <= 0x04FF);
                cjk = cjk || (ch.unicode() >= 0x4E00 && ch.unicode() <= 0x9FFF);
                arabic = arabic || (ch.unicode() >= 0x0600 && ch.unicode() <= 0x06FF);
            }
            spanish = spanish || m.text.contains(QStringLiteral("¿"));
        }
    }
    QVERIFY(cyrillic);
    QVERIFY(cjk);
    QVERIFY(arabic);
    QVERIFY(spanish);
}

void TestDemoGenerator::scalesToLargeCounts()
{
    // Guards against accidental quadratic work; a Release build needs ~1-2 s here.
    QElapsedTimer timer;
    timer.start();
    const QList<DemoCase> cases = generate(100000, 31);
    QCOMPARE(cases.size(), 100000);
    QCOMPARE(cases.last().conversation.externalId, QStringLiteral("demo-100000"));
    QVERIFY2(timer.elapsed() < 20000, qPrintable(QStringLiteral("%1 ms").arg(timer.elapsed())));
}

QTEST_APPLESS_MAIN(TestDemoGenerator)
#include "tst_demogenerator.moc"
