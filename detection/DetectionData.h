#pragma once

#include "ContactType.h"
#include "PatternGate.h"

#include <QString>
#include <QStringList>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace cg {

// The detector's word lists, domain lists and phrase rules. They are data, not
// code: built into the library as Qt resources (resources/detection/*), and
// extended at start-up by files of the same name in an override directory, so a
// policy team can add a phrase, a domain or an app without recompiling.
//
// Every entry is checked on load. A bad one stops the load with a message naming
// the file, the line and the entry, e.g.
//   "/etc/cg/domains.tsv line 12: entry 'calendly.co': unknown type 'from'".
// So are files that are not UTF-8, and files and patterns too large to hold in
// memory (the limits are in DetectionData.cpp).
class DetectionData final
{
public:
    struct NumberWord
    {
        enum class Kind { Digit, Repeat, Plus, ZeroAfterNumber, Join };
        std::string word; // lower case UTF-8
        Kind kind = Kind::Digit;
        int value = 0;    // the digit, or the repeat count
    };
    struct Domain
    {
        std::string domain; // lower case, no leading dot
        ContactType type = ContactType::Url;
        std::string service;
        std::string pathPrefix; // empty: the whole site
    };
    struct Service
    {
        std::string service;
        ContactType type = ContactType::Messenger;
        bool phoneIds = false;
        bool handleIds = false;
        bool cashtagIds = false;
        std::vector<std::string> names; // as written in the file
    };
    struct Pattern
    {
        std::string rule;
        ContactType type = ContactType::ContactRequest;
        double confidence = 0;
        std::string regex;
        QString explanation;
        // Words the pattern cannot match without, when given: it then runs only on
        // messages holding one of them.
        std::optional<PatternGate> gate;
    };
    struct ContextWord
    {
        enum class Where { Before, After, Near, RightBefore };
        std::optional<ContactType> type; // empty: every type
        double weight = 0;
        Where where = Where::Before;
        std::string word; // lower case UTF-8
    };

    std::vector<NumberWord> numberWords;
    std::vector<Domain> domains;
    std::vector<Service> services;
    std::vector<Pattern> patterns;
    std::vector<ContextWord> contextWords;
    std::vector<std::string> topLevelDomains;

    // The built-in data, extended by same-named files in `overrideDirectory` when it
    // is not empty. On failure returns nullopt and sets `error`.
    static std::optional<DetectionData> load(const QString &overrideDirectory, QString *error);

    // Parses one file's text (for the built-in files, the override files and tests).
    // `source` names the file in error messages.
    bool parse(const QString &fileName, const QByteArray &content, const QString &source,
               QString *error);

    // The data files the detector reads, e.g. "domains.tsv".
    static QStringList fileNames();

    // The override directory named by the CONTACTGUARD_RULES_DIR environment variable.
    static QString environmentOverrideDirectory();

private:
    std::int64_t m_patternInstructions = 0; // compiled size of `patterns`, checked against a limit
};

} // namespace cg
