#include "RememberedAnswers.h"

#include <QTest>

#include <functional>
#include <string>
#include <thread>
#include <vector>

using namespace cg;

// RememberedAnswers gives back what was remembered for a key and nothing for
// another, also when many threads ask and remember at once.
class TestRememberedAnswers : public QObject
{
    Q_OBJECT

private slots:
    void givesBackWhatWasRemembered();
    void anotherKeyInTheSameSlotIsNotFound();
    void threadsShareAnswersWithoutMixingThemUp();
};

void TestRememberedAnswers::givesBackWhatWasRemembered()
{
    RememberedAnswers<std::string, int> answers;
    const std::string key = "+447700900123";
    const std::size_t hash = std::hash<std::string>()(key);
    int value = -1;
    QVERIFY(!answers.find(key, hash, value));
    answers.remember(key, hash, 42);
    QVERIFY(answers.find(key, hash, value));
    QCOMPARE(value, 42);
}

void TestRememberedAnswers::anotherKeyInTheSameSlotIsNotFound()
{
    RememberedAnswers<std::string, int> answers;
    int value = -1;
    answers.remember("first", 7, 1);
    QVERIFY(!answers.find("second", 7, value)); // same hash, so the same slot
    answers.remember("second", 7, 2);
    QVERIFY(answers.find("second", 7, value));
    QCOMPARE(value, 2);
    QVERIFY(!answers.find("first", 7, value)); // its slot now holds another answer
}

void TestRememberedAnswers::threadsShareAnswersWithoutMixingThemUp()
{
    // Each answer is its key's digits as a number: whatever a thread finds must be
    // the answer to the key it asked about, whoever remembered it.
    RememberedAnswers<std::string, std::vector<int>> answers;
    const auto answerOf = [](const std::string &key) { return std::vector<int>(key.size() % 7 + 1, std::stoi(key)); };
    std::vector<std::thread> threads;
    std::vector<int> wrong(4, 0);
    std::vector<int> found(4, 0);
    for (int t = 0; t < 4; ++t) {
        threads.emplace_back([&, t] {
            for (int i = 0; i < 200000; ++i) {
                const std::string key = std::to_string((i * 7919 + t) % 50000);
                const std::size_t hash = std::hash<std::string>()(key);
                std::vector<int> value;
                if (answers.find(key, hash, value)) {
                    ++found[std::size_t(t)];
                    if (value != answerOf(key))
                        ++wrong[std::size_t(t)];
                } else {
                    answers.remember(key, hash, answerOf(key));
                }
            }
        });
    }
    for (std::thread &thread : threads)
        thread.join();
    for (int t = 0; t < 4; ++t) {
        QCOMPARE(wrong[std::size_t(t)], 0);
        QVERIFY(found[std::size_t(t)] > 0);
    }
}

QTEST_APPLESS_MAIN(TestRememberedAnswers)
#include "tst_rememberedanswers.moc"
