#include "DemoConversationGenerator.h"

#include <QHash>
#include <QLocale>
#include <QRandomGenerator>
#include <QString>

#include <algorithm>
#include <array>
#include <cmath>
#include <iterator>
#include <numeric>
#include <utility>
#include <vector>

// All people and details are invented. Where a country reserves numbers for fiction we
// use them (US/CA 555-01xx, GB 07700 900xxx, DE/FR/AU drama ranges); elsewhere numbers are
// random digits in the local mobile pattern. E-mails pair invented local parts with
// common free-mail providers, company sites live under example.com, and IBANs are the
// published documentation examples. The generator is table-driven: a case is one
// "script" (the messages that carry the policy question) wrapped in ordinary filler,
// with placeholders filled from the two people involved.

namespace cg {
namespace {

// ---------------------------------------------------------------------------------
// Vocabulary shared with the rest of the product (names as in the CLI contract).

enum class Phase { JobPost, Proposal, Interview, Messages };
// Literals, not converted char*: 100k cases share them instead of allocating copies.
QString phaseName(Phase phase)
{
    switch (phase) {
    case Phase::JobPost: return QStringLiteral("job_post");
    case Phase::Proposal: return QStringLiteral("proposal");
    case Phase::Interview: return QStringLiteral("interview");
    case Phase::Messages: break;
    }
    return QStringLiteral("messages");
}
constexpr const char *kPhaseLabels[] = {"the job post", "the proposal", "the interview chat", "messages"};

enum class Verdict { NoContact, Allowed, Exception, Violation };
QString verdictName(Verdict verdict)
{
    switch (verdict) {
    case Verdict::NoContact: return QStringLiteral("no_contact");
    case Verdict::Allowed: return QStringLiteral("allowed");
    case Verdict::Exception: return QStringLiteral("exception");
    case Verdict::Violation: break;
    }
    return QStringLiteral("violation");
}
constexpr int kVerdictCount = 4;

constexpr const char *kPenaltyLadder[] = {"warning", "badge_loss", "temporary_restriction",
                                          "permanent_suspension"};
constexpr int kLadderTop = 3;

// Trainees decide only in training, so the demo decisions come from full moderators.
constexpr const char *kModerators[] = {"amara.lead", "jonas", "mei", "rafael.k", "olu.mod"};

QString str(const char *utf8) { return QString::fromUtf8(utf8); }

// ---------------------------------------------------------------------------------
// Randomness. One generator per generate() call keeps output a pure function of the seed.

class Dice
{
public:
    explicit Dice(quint32 seed) : m_rng(seed) {}

    int below(int n) { return n <= 1 ? 0 : int(m_rng.bounded(quint32(n))); }
    int between(int lo, int hi) { return lo + below(hi - lo + 1); } // inclusive
    qint64 seconds(qint64 lo, qint64 hi) { return m_rng.bounded(lo, hi + 1); } // inclusive
    bool chance(double p) { return m_rng.generateDouble() < p; }
    double unit() { return m_rng.generateDouble(); }
    quint64 bits() { return m_rng.generate64(); }

    template <typename Container>
    const auto &pick(const Container &items) { return items[size_t(below(int(std::size(items))))]; }

private:
    QRandomGenerator m_rng;
};

// Cheap stateless mixer so a person's handles stay the same in every case they appear in
// without storing them (splitmix64 finaliser).
quint64 mix(quint64 x)
{
    x += 0x9e3779b97f4a7c15ULL;
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
    return x ^ (x >> 31);
}

QString fillDigits(const char *pattern, Dice &dice)
{
    QString out = str(pattern);
    for (QChar &c : out) {
        if (c == QLatin1Char('#'))
            c = QChar(u'0' + dice.below(10));
    }
    return out;
}

// Applies a phone layout such as "(###) ###-####" to national significant digits.
QString layoutDigits(const char *pattern, const QString &digits)
{
    QString out;
    int next = 0;
    for (const QChar c : str(pattern)) {
        if (c == QLatin1Char('#'))
            out += next < digits.size() ? digits.at(next++) : QLatin1Char('0');
        else
            out += c;
    }
    return out;
}

// ---------------------------------------------------------------------------------
// Countries: names, phone plans, mail providers, addresses. Weights say how often a
// client or freelancer comes from there; lang selects localised scripts.

struct Country
{
    const char *code;
    const char *lang; // "" = English-only conversations
    int clientWeight;
    int freelancerWeight;
    std::vector<const char *> firstNames;
    std::vector<const char *> lastNames;
    std::vector<const char *> numberPlans; // national significant number, '#' = random digit
    std::vector<const char *> nationalLayouts;
    std::vector<const char *> intlLayouts;
    std::vector<const char *> mailDomains;
    std::vector<const char *> addresses; // '#' = random digit
    const char *iban;                    // documentation example, or nullptr
};

const std::vector<Country> &countries()
{
    static const std::vector<Country> table = {
        {"US", "", 30, 8, {"Emily", "Jacob", "Madison", "Tyler", "Brianna", "Marcus", "Hannah", "Derek"},
         {"Whitfield", "Carter", "Nguyen", "Brooks", "Ramirez", "Coleman"},
         {"21255501##", "31255501##", "41555501##", "20655501##", "51255501##", "61755501##"},
         {"(###) ###-####", "###-###-####", "###.###.####"}, {"+1 ###-###-####", "+1 (###) ###-####"},
         {"gmail.com", "yahoo.com", "outlook.com", "icloud.com"},
         {"#### Maple Avenue, Apt #C, Columbus, OH 432##", "### Pine Street, Suite 2##, Austin, TX 787##"},
         nullptr},
        {"GB", "", 14, 5, {"Oliver", "Charlotte", "Harry", "Amelia", "George", "Isla", "Callum", "Freya"},
         {"Thompson", "Patel", "Hughes", "Wright", "Edwards", "Clarke"}, {"7700900###"},
         {"0#### ######"}, {"+44 #### ######", "+44 (0)#### ######", "+44##########"},
         {"gmail.com", "outlook.com", "btinternet.com", "yahoo.co.uk"},
         {"Flat #, ## Albion Road, Leeds LS6 #AB", "## Kingsway, Didsbury, Manchester M20 #QT"},
         "GB82 WEST 1234 5698 7654 32"},
        {"CA", "", 7, 3, {"Liam", "Chloe", "Noah", "Avery", "Ethan", "Maya"},
         {"Tremblay", "MacDonald", "Singh", "Roy", "Campbell", "Leblanc"},
         {"41655501##", "60455501##", "51455501##"}, {"(###) ###-####"}, {"+1 ###-###-####"},
         {"gmail.com", "outlook.com", "yahoo.ca"},
         {"### King Street West, Unit ###, Toronto, ON M5V #K#"}, nullptr},
        {"AU", "", 6, 2, {"Jack", "Matilda", "Lachlan", "Ruby", "Cooper", "Zoe"},
         {"Kelly", "Nguyen", "Walsh", "Mitchell", "Harris", "Kaur"}, {"491570###"},
         {"0### ### ###"}, {"+61 ### ### ###"}, {"gmail.com", "bigpond.com", "outlook.com"},
         {"## Smith Street, Fitzroy VIC 3065"}, nullptr},
        {"DE", "de", 8, 4, {"Lukas", "Lena", "Jonas", "Hannah", "Felix", "Marie", "Tobias", "Anna"},
         {"Müller", "Schneider", "Becker", "Hoffmann", "Wagner", "Krüger"},
         {"3023125###", "6990009###", "4066969###"}, {"0## ##### ###"}, {"+49 ## ##### ###"},
         {"gmx.de", "web.de", "gmail.com", "posteo.de"},
         {"Lindenstraße ##, 10969 Berlin", "Schillerstraße #, 80336 München"},
         "DE89 3704 0044 0532 0130 00"},
        {"FR", "fr", 5, 4, {"Camille", "Hugo", "Léa", "Louis", "Chloé", "Mathis", "Inès", "Théo"},
         {"Martin", "Bernard", "Dubois", "Lefèvre", "Moreau", "Girard"}, {"63998####"},
         {"0# ## ## ## ##"}, {"+33 # ## ## ## ##"}, {"gmail.com", "orange.fr", "laposte.net", "free.fr"},
         {"## rue des Lilas, 69003 Lyon", "# avenue Jean Jaurès, 75019 Paris"},
         "FR76 3000 6000 0112 3456 7890 189"},
        {"ES", "es", 4, 4, {"Lucía", "Javier", "Carmen", "Álvaro", "Marta", "Pablo"},
         {"García", "Fernández", "López", "Martín", "Sánchez", "Navarro"}, {"6########"},
         {"### ## ## ##"}, {"+34 ### ## ## ##"}, {"gmail.com", "hotmail.es", "outlook.es"},
         {"Calle de Alcalá ###, 3º B, 28009 Madrid", "Carrer de Mallorca ##, 08036 Barcelona"},
         "ES91 2100 0418 4502 0005 1332"},
        {"MX", "es", 3, 5, {"Diego", "Valeria", "José", "Fernanda", "Luis", "Ximena"},
         {"Hernández", "González", "Ramírez", "Torres", "Flores", "Castillo"}, {"55########", "33########"},
         {"## #### ####"}, {"+52 ## #### ####", "+52 1 ## #### ####"}, {"gmail.com", "hotmail.com", "yahoo.com.mx"},
         {"Av. Insurgentes Sur ####, Col. Del Valle, 03100 Ciudad de México"}, nullptr},
        {"AR", "es", 1, 4, {"Martina", "Santiago", "Sofía", "Mateo", "Camila", "Tomás"},
         {"Fernández", "Gómez", "Díaz", "Romero", "Sosa", "Benítez"}, {"11########"},
         {"0## ####-####"}, {"+54 9 ## ####-####"}, {"gmail.com", "hotmail.com", "yahoo.com.ar"},
         {"Av. Corrientes ####, Piso #, C1043 CABA"}, nullptr},
        {"BR", "pt", 3, 7, {"João", "Ana", "Pedro", "Beatriz", "Lucas", "Larissa", "Rafael", "Juliana"},
         {"Silva", "Santos", "Oliveira", "Pereira", "Costa", "Almeida"}, {"119########", "219########"},
         {"(##) #####-####"}, {"+55 ## #####-####"}, {"gmail.com", "uol.com.br", "bol.com.br", "outlook.com"},
         {"Rua Augusta, ####, apto ##, São Paulo - SP, 01305-100"}, nullptr},
        {"IN", "hi", 3, 16, {"Priya", "Rahul", "Ananya", "Arjun", "Sneha", "Vikram", "Pooja", "Karthik"},
         {"Sharma", "Iyer", "Reddy", "Gupta", "Nair", "Mehta"}, {"98########", "97########", "99########"},
         {"##### #####", "0##### #####"}, {"+91 ##### #####", "+91-##########"},
         {"gmail.com", "yahoo.co.in", "rediffmail.com", "outlook.com"},
         {"Flat ###, Sunshine Apartments, ## MG Road, Bengaluru 5600##"}, nullptr},
        {"PK", "", 1, 6, {"Ayesha", "Bilal", "Hira", "Usman", "Sana", "Hamza"},
         {"Khan", "Iqbal", "Malik", "Qureshi", "Siddiqui", "Butt"}, {"3#########"}, {"0### #######"},
         {"+92 ### #######"}, {"gmail.com", "yahoo.com", "hotmail.com"},
         {"House ##, Street #, F-7/2, Islamabad"}, nullptr},
        {"PH", "", 1, 12, {"Maria", "Jose", "Kristine", "Mark", "Angelica", "John Paul", "Rowena", "Jerome"},
         {"Santos", "Reyes", "Dela Cruz", "Bautista", "Villanueva", "Mendoza"}, {"917555####", "9175550###"},
         {"0### ### ####"}, {"+63 ### ### ####", "+63 9## ### ####"}, {"gmail.com", "yahoo.com"},
         {"Unit ##, ### Rizal Avenue, Makati City 12##"}, nullptr},
        {"ID", "", 1, 5, {"Putri", "Budi", "Dewi", "Agus", "Rina", "Rizky"},
         {"Santoso", "Wijaya", "Saputra", "Lestari", "Hidayat", "Pratama"}, {"812########"},
         {"0###-####-####"}, {"+62 ###-####-####"}, {"gmail.com", "yahoo.co.id"},
         {"Jl. Sudirman No. ##, Jakarta Selatan 12190"}, nullptr},
        {"VN", "", 1, 4, {"Linh", "Minh", "Trang", "Huy", "Thao", "Quang"},
         {"Nguyen", "Tran", "Le", "Pham", "Hoang", "Vu"}, {"9########"}, {"0## ### ## ##"},
         {"+84 ## ### ## ##"}, {"gmail.com", "yahoo.com"}, {"## Nguyễn Huệ, Quận 1, TP. Hồ Chí Minh"},
         nullptr},
        {"CN", "zh", 2, 4, {"Wei", "Fang", "Jing", "Hao", "Li", "Yan"},
         {"Wang", "Li", "Zhang", "Liu", "Chen", "Zhao"}, {"13#########", "15#########", "18#########"},
         {"### #### ####"}, {"+86 ### #### ####"}, {"qq.com", "163.com", "gmail.com"},
         {"上海市浦东新区世纪大道###号", "Room ###, ## Jianguo Road, Chaoyang, Beijing"}, nullptr},
        {"EG", "ar", 1, 5, {"Ahmed", "Nour", "Omar", "Mariam", "Youssef", "Salma"},
         {"Hassan", "Mahmoud", "Ibrahim", "Farouk", "Mostafa", "Saleh"}, {"10########", "12########"},
         {"0### ### ####"}, {"+20 ## #### ####"}, {"gmail.com", "yahoo.com", "outlook.com"},
         {"## El Tahrir St, Dokki, Giza 126##"}, nullptr},
        {"NG", "", 1, 6, {"Chinedu", "Aisha", "Tunde", "Ngozi", "Emeka", "Funmilayo"},
         {"Okafor", "Bello", "Adeyemi", "Eze", "Balogun", "Nwosu"}, {"803#######", "806#######", "813#######"},
         {"0### ### ####"}, {"+234 ### ### ####"}, {"gmail.com", "yahoo.com"},
         {"## Admiralty Way, Lekki Phase 1, Lagos"}, nullptr},
        {"KE", "", 1, 4, {"Wanjiru", "Otieno", "Akinyi", "Kamau", "Njeri", "Kiprop"},
         {"Mwangi", "Odhiambo", "Kariuki", "Wambui", "Kiptoo", "Mutua"}, {"712######", "722######"},
         {"0### ######"}, {"+254 ### ######"}, {"gmail.com", "yahoo.com"},
         {"Apartment #B, Ngong Road, Nairobi"}, nullptr},
        {"RU", "ru", 2, 5, {"Dmitry", "Anna", "Sergey", "Olga", "Alexei", "Ekaterina"},
         {"Ivanov", "Smirnova", "Petrov", "Volkova", "Sokolov", "Kuznetsova"}, {"9#########"},
         {"8 (###) ###-##-##"}, {"+7 ### ###-##-##", "+7##########"}, {"mail.ru", "yandex.ru", "gmail.com"},
         {"ул. Тверская, д. ##, кв. ##, Москва, 1250##"}, nullptr},
        {"UA", "", 1, 6, {"Oksana", "Andriy", "Iryna", "Taras", "Yulia", "Mykola"},
         {"Shevchenko", "Kovalenko", "Bondarenko", "Tkachenko", "Melnyk", "Kravchuk"}, {"67#######", "50#######"},
         {"0## ### ## ##"}, {"+380 ## ### ## ##"}, {"gmail.com", "ukr.net"},
         {"vul. Khreshchatyk ##, apt ##, Kyiv 01001"}, "UA21 3996 2200 0002 6007 2335 6600 1"},
        {"PL", "", 2, 4, {"Kasia", "Piotr", "Zofia", "Jakub", "Agnieszka", "Michal"},
         {"Nowak", "Kowalska", "Wisniewski", "Wojcik", "Kaminska", "Lewandowski"}, {"5########"},
         {"### ### ###"}, {"+48 ### ### ###"}, {"gmail.com", "wp.pl", "onet.pl"},
         {"ul. Marszałkowska ##/#, 00-624 Warszawa"}, "PL61 1090 1014 0000 0712 1981 2874"},
        {"TR", "", 1, 3, {"Elif", "Emre", "Zeynep", "Burak", "Ayşe", "Mert"},
         {"Yilmaz", "Kaya", "Demir", "Çelik", "Şahin", "Aydin"}, {"5#########"}, {"0### ### ## ##"},
         {"+90 ### ### ## ##"}, {"gmail.com", "hotmail.com"}, {"Bağdat Cd. No:###, Kadıköy, İstanbul"},
         "TR33 0006 1005 1978 6457 8413 26"},
    };
    return table;
}

// Languages with localised scripts, index 0 meaning "any language".
constexpr const char *kLanguages[] = {"", "es", "pt", "fr", "de", "ru", "hi", "ar", "zh"};
constexpr int kLanguageCount = int(std::size(kLanguages));

int languageIndex(const char *lang)
{
    for (int i = 0; i < kLanguageCount; ++i) {
        if (qstrcmp(kLanguages[i], lang) == 0)
            return i;
    }
    return 0;
}

// ---------------------------------------------------------------------------------
// Jobs. tag lets access-exception scripts pick a job where that access makes sense.

struct Job
{
    const char *title;
    const char *tag; // dev, design, marketing, finance, video, writing, admin
    const char *task;
    const char *item;
    int minPrice;
    int maxPrice;
};

const std::vector<Job> &jobs()
{
    static const std::vector<Job> table = {
        {"WordPress website redesign", "dev", "redesigning a 6-page WordPress site for a dental clinic", "homepage mockup", 600, 2500},
        {"React dashboard for sales data", "dev", "building a React dashboard on top of an existing sales API", "first dashboard screen", 1500, 6000},
        {"Shopify theme customization", "dev", "customising a Shopify theme and speeding up checkout", "product page", 400, 1800},
        {"Flutter mobile app MVP", "dev", "building a Flutter MVP for booking yoga classes", "login flow", 3000, 12000},
        {"Python web scraper", "dev", "writing a Python scraper for public real-estate listings", "sample CSV export", 250, 1200},
        {"Laravel API bug fixes", "dev", "fixing authentication bugs in a Laravel API", "bug list", 300, 1500},
        {"Chrome extension development", "dev", "building a Chrome extension that saves recipes", "popup UI", 800, 3000},
        {"Logo and brand identity", "design", "designing a logo and brand guide for an organic tea shop", "logo concepts", 200, 1500},
        {"Packaging design", "design", "designing packaging for a line of handmade soaps", "box dieline", 300, 1800},
        {"UI/UX design for fintech app", "design", "designing onboarding screens for a budgeting app", "Figma wireframes", 1200, 5000},
        {"Children's book illustrations", "design", "illustrating a 24-page children's picture book", "character sketches", 900, 4000},
        {"SEO audit and keyword strategy", "marketing", "auditing a clinic website's SEO and building a keyword plan", "audit report", 300, 1500},
        {"Google Ads campaign setup", "marketing", "setting up Google Ads campaigns for a plumbing company", "campaign structure", 250, 1200},
        {"Social media management", "marketing", "running Instagram and TikTok content for a coffee shop", "content calendar", 300, 1200},
        {"Email newsletter templates", "marketing", "building Mailchimp newsletter templates", "template draft", 150, 700},
        {"Bookkeeping and bank reconciliation", "finance", "reconciling 18 months of bank transactions", "reconciliation report", 400, 2000},
        {"Year-end accounts clean-up", "finance", "cleaning up a small company's books before year-end", "trial balance", 500, 2500},
        {"Financial model for a SaaS startup", "finance", "building a 3-year financial model for a B2B SaaS", "revenue tab", 800, 3500},
        {"YouTube video editing", "video", "editing weekly 15-minute YouTube videos", "first cut", 100, 900},
        {"Product explainer animation", "video", "animating a 60-second product explainer", "storyboard", 700, 3500},
        {"Podcast audio editing", "video", "editing and mastering a weekly interview podcast", "edited episode", 80, 500},
        {"Blog articles about remote work", "writing", "writing eight blog articles about remote work", "first article", 200, 1000},
        {"English to Spanish translation", "writing", "translating a 40-page user manual into Spanish", "translated chapter", 300, 1400},
        {"German to English technical translation", "writing", "translating machine documentation from German", "glossary", 400, 1800},
        {"Landing page copywriting", "writing", "writing copy for a product launch landing page", "headline options", 150, 800},
        {"Virtual assistant", "admin", "managing an inbox and calendar 20 hours a week", "weekly summary", 300, 1400},
        {"Data entry from PDF invoices", "admin", "entering 2,000 PDF invoices into a spreadsheet", "sample batch", 100, 600},
        {"Lead generation research", "admin", "researching 500 B2B leads in the logistics sector", "lead sheet", 150, 700},
    };
    return table;
}

// ---------------------------------------------------------------------------------
// Placeholders. Templates say {s.email} (subject), {o.phone} (other party),
// {c.company} (client), {f.site} (freelancer) or general ones such as {price}.

enum class Attr {
    First, Name, Email, EmailDisguised, Phone, Intl, PhoneDisguised, Skype, Telegram, WeChat,
    Discord, Linkedin, Instagram, Address, PayPal, Venmo, Iban, Wallet, Site, Company, Count
};
constexpr const char *kAttrNames[] = {"first", "name", "email", "email~", "phone", "intl", "phone~",
                                      "skype", "telegram", "wechat", "discord", "linkedin", "instagram",
                                      "address", "paypal", "venmo", "iban", "wallet", "site", "company"};
static_assert(std::size(kAttrNames) == size_t(Attr::Count), "one name per person attribute");

enum class General {
    Job, Task, Item, Price, Price2, Rate, Days, Date, Time, Version, Order, Invoice, Form, Ats,
    Calendly, Licence, UpworkProfile, Count
};
constexpr const char *kGeneralNames[] = {"job", "task", "item", "price", "price2", "rate", "days",
                                         "date", "time", "ver", "order", "invoice", "form", "ats",
                                         "calendly", "licence", "upwork"};
static_assert(std::size(kGeneralNames) == size_t(General::Count), "one name per general placeholder");

enum PersonSel { SelSubject, SelOther, SelClient, SelFreelancer };

struct Segment
{
    QString literal;
    int person = -1; // PersonSel, or -1
    int attr = -1;
    int general = -1;
};
using Template = std::vector<Segment>;

// Parses once at start-up so rendering 100k conversations is plain concatenation.
Template compile(const char *utf8)
{
    Template out;
    const QString text = str(utf8);
    int pos = 0;
    while (pos < text.size()) {
        const int open = text.indexOf(QLatin1Char('{'), pos);
        const int close = open < 0 ? -1 : text.indexOf(QLatin1Char('}'), open);
        if (close < 0) {
            out.push_back({text.mid(pos)});
            break;
        }
        if (open > pos)
            out.push_back({text.mid(pos, open - pos)});
        const QString key = text.mid(open + 1, close - open - 1);
        Segment seg;
        if (key.size() > 2 && key.at(1) == QLatin1Char('.')) {
            seg.person = QStringLiteral("socf").indexOf(key.at(0));
            const QString attr = key.mid(2);
            for (int i = 0; i < int(Attr::Count); ++i) {
                if (attr == QLatin1String(kAttrNames[i]))
                    seg.attr = i;
            }
        } else {
            for (int i = 0; i < int(General::Count); ++i) {
                if (key == QLatin1String(kGeneralNames[i]))
                    seg.general = i;
            }
        }
        if ((seg.person < 0 || seg.attr < 0) && seg.general < 0) // unknown: keep visible
            seg = Segment{text.mid(open, close - open + 1)};
        out.push_back(seg);
        pos = close + 1;
    }
    return out;
}

// ---------------------------------------------------------------------------------
// Scripts: the messages that decide the case. Lines are spoken by 'S' (the subject,
// whose conduct is reviewed) or 'O' (the other party); filler uses 'c'/'f'.

enum class Who { Client, Freelancer, Either };
enum class ContractNeed { PreContract, Active, ActiveLater, Closed, ClosedFeePaid, Any };
enum ScriptFlag { NoFlags = 0, PreExisting = 1, OffPlatformPayment = 2, NeedsEnterprise = 4 };

struct LineSpec
{
    char side;
    const char *text;
};

struct ScriptSpec
{
    Verdict verdict;
    Who subject;
    Phase phase;
    ContractNeed contract;
    const char *jobTag;  // "" = any job
    const char *lang;    // "" = English
    int flags;
    const char *label;   // what happened; reused in flag reasons and decision notes
    const char *hint;    // what an automatic filter would have noticed
    const char *keyword; // keyword-list hit, "" if none
    std::vector<LineSpec> lines;
};

using V = Verdict;
using P = Phase;
using K = ContractNeed;

// Field order: verdict, subject, phase, contract, jobTag, lang, flags, label, hint, keyword, lines.
const std::vector<ScriptSpec> &scriptSpecs()
{
    static const std::vector<ScriptSpec> table = {
        // --- violations: plain details before a contract --------------------------
        {V::Violation, Who::Freelancer, P::Proposal, K::PreContract, "", "", NoFlags,
         "phone number in a proposal", "phone number", "",
         {{'S', "Hi {o.first}, I've been doing work like {task} for six years and can start tomorrow. Quicker to talk by phone: {s.phone}."}}},
        {V::Violation, Who::Freelancer, P::Proposal, K::PreContract, "", "", NoFlags,
         "e-mail address in a proposal", "e-mail address", "",
         {{'S', "Hello! I can finish the {item} in {days} days for {price}. Send the details to {s.email} and I'll reply within the hour."}}},
        {V::Violation, Who::Freelancer, P::Proposal, K::PreContract, "", "", NoFlags,
         "WeChat ID in a proposal", "messenger ID", "wechat",
         {{'S', "Dear client, we are a team of 12 experts for {job}. For faster communication please add WeChat: {s.wechat}"}}},
        {V::Violation, Who::Freelancer, P::Proposal, K::PreContract, "design", "", NoFlags,
         "Instagram handle offered as a contact channel", "social link", "instagram",
         {{'S', "More of my work is on Instagram, message me there any time: {s.instagram}"}}},
        {V::Violation, Who::Either, P::Interview, K::PreContract, "", "", NoFlags,
         "Skype ID shared during the interview", "messenger ID", "skype",
         {{'S', "Typing here is slow — add me on Skype ({s.skype}) and we can go through the {item} together."},
          {'O', "I'd prefer to keep it here on Upwork for now."}}},
        {V::Violation, Who::Either, P::Interview, K::PreContract, "", "", NoFlags,
         "LinkedIn profile shared to continue off-platform", "social link", "linkedin",
         {{'S', "Let's connect on LinkedIn and continue there, I check it more often: {s.linkedin}"}}},
        {V::Violation, Who::Either, P::Messages, K::PreContract, "", "", NoFlags,
         "proposed moving the chat to Telegram", "messenger ID", "telegram",
         {{'S', "The Upwork chat keeps lagging for me. Let's move this to Telegram, I'm {s.telegram}."},
          {'O', "Ok, I'll write you there."}}},
        {V::Violation, Who::Either, P::Messages, K::PreContract, "", "", NoFlags,
         "postal address shared before the contract", "street address", "",
         {{'S', "For the printed proof, post it to {s.address} and I'll check the colours."}}},
        {V::Violation, Who::Freelancer, P::Messages, K::PreContract, "", "", NoFlags,
         "Discord username shared before the contract", "messenger ID", "discord",
         {{'S', "Join me on Discord, username {s.discord} — I post progress there for all my clients."},
          {'O', "Can't we just use the Upwork messages?"}}},
        {V::Violation, Who::Client, P::Messages, K::PreContract, "", "", NoFlags,
         "WhatsApp number shared while the offer was pending", "phone number", "whatsapp",
         {{'S', "I've just sent the offer. While you look at it, message me on WhatsApp {s.intl} so we can agree the details."},
          {'O', "I'll accept the offer first, then we can talk here."}}},
        {V::Violation, Who::Either, P::Interview, K::ActiveLater, "", "", NoFlags,
         "WhatsApp number shared in the interview, before the contract start date", "phone number", "whatsapp",
         {{'S', "Good chat! Ping me on WhatsApp at {s.intl} for the rest, the Upwork app drains my battery."},
          {'O', "I'll send the offer here first."}}},
        // --- violations: asking for details --------------------------------------
        {V::Violation, Who::Either, P::Interview, K::PreContract, "", "", NoFlags,
         "asked for a WhatsApp number before the contract", "contact request", "whatsapp",
         {{'S', "Your samples look great. What's your WhatsApp? I'll send you the brief there."},
          {'O', "Happy to continue here until the contract starts."}}},
        {V::Violation, Who::Either, P::Messages, K::PreContract, "", "", NoFlags,
         "asked for a phone number", "contact request", "phone number",
         {{'S', "What's your phone number? Easier to sort out the {item} on a quick call."},
          {'O', "Upwork has calls built in, let's use those."}}},
        {V::Violation, Who::Client, P::Interview, K::PreContract, "", "", NoFlags,
         "asked for a personal e-mail to send the brief", "contact request", "email",
         {{'S', "Can you send me your personal email? Our brief is too long for this chat."}}},
        // --- violations: disguised details ----------------------------------------
        {V::Violation, Who::Either, P::Messages, K::PreContract, "", "", NoFlags,
         "disguised e-mail address", "obfuscated e-mail address", "",
         {{'S', "The filter eats e-mails so here it is another way: {s.email~}. Write me there with the files."}}},
        {V::Violation, Who::Either, P::Interview, K::PreContract, "", "", NoFlags,
         "phone number written in a disguised form", "obfuscated phone number", "call me",
         {{'S', "Call me after 6pm, my number is {s.phone~}"},
          {'O', "Let's stick to Upwork calls for now."}}},
        {V::Violation, Who::Freelancer, P::Proposal, K::PreContract, "", "", NoFlags,
         "disguised phone number in a proposal", "obfuscated phone number", "",
         {{'S', "I have done 40+ projects like this. Text me: {s.phone~} and I'll show you samples."}}},
        {V::Violation, Who::Either, P::Interview, K::PreContract, "", "", NoFlags,
         "Skype ID with hidden characters", "obfuscated messenger ID", "",
         {{'S', "add me on sky\u200bpe: {s.skype} — faster than here"}}},
        // --- violations: job posts -------------------------------------------------
        {V::Violation, Who::Client, P::JobPost, K::PreContract, "", "", NoFlags,
         "contact details in a job post", "contact details", "",
         {{'S', "Need a {job} expert urgently: {task}. Budget {price}. Send your CV to {s.email} or text {s.phone}."}}},
        {V::Violation, Who::Client, P::JobPost, K::PreContract, "", "", NoFlags,
         "WhatsApp number in a job post", "phone number", "whatsapp",
         {{'S', "Looking for {job}. Scope: {task}. Only serious people — WhatsApp me on {s.intl} with samples."}}},
        {V::Violation, Who::Client, P::JobPost, K::PreContract, "", "", NoFlags,
         "off-platform application form in a job post", "form link", "",
         {{'S', "We are hiring: {job}. Don't send proposals here — fill in our application form instead: {form}"}}},
        {V::Violation, Who::Client, P::JobPost, K::PreContract, "", "", NoFlags,
         "link to an applicant tracking system in a job post", "form link", "",
         {{'S', "{c.company} is growing! We need help {task}. Apply via {ats} — proposals on Upwork won't be read."}}},
        {V::Violation, Who::Client, P::Interview, K::PreContract, "", "", NoFlags,
         "off-platform scheduling link before the contract", "scheduling link", "calendly",
         {{'S', "Book a slot in my calendar so we can talk properly: {calendly}"},
          {'O', "Could we do the call here on Upwork instead?"}}},
        // --- violations: payment ---------------------------------------------------
        {V::Violation, Who::Freelancer, P::Messages, K::PreContract, "", "", OffPlatformPayment,
         "asked to be paid directly through PayPal", "payment link", "paypal",
         {{'S', "If you pay me directly we both skip the fee — {s.paypal} works, and I'll take 10% off the {price}."}}},
        {V::Violation, Who::Freelancer, P::Messages, K::PreContract, "", "", OffPlatformPayment,
         "bank details shared to avoid an Upwork contract", "bank account", "",
         {{'S', "Let's not create the contract here, the fees are too high. Transfer the deposit to my bank: {s.iban}"},
          {'O', "I'd rather use an Upwork contract."}}},
        {V::Violation, Who::Freelancer, P::Messages, K::PreContract, "dev", "", OffPlatformPayment,
         "crypto wallet shared for off-platform payment", "payment address", "usdt",
         {{'S', "I accept USDT (TRC20) too, cheaper than the platform: {s.wallet}"}}},
        {V::Violation, Who::Freelancer, P::Messages, K::PreContract, "", "", OffPlatformPayment,
         "asked for an upfront payment through Venmo", "payment handle", "venmo",
         {{'S', "Happy to start today — send half upfront to Venmo {s.venmo} and the rest when it's done."}}},
        {V::Violation, Who::Client, P::Messages, K::PreContract, "", "", OffPlatformPayment,
         "client proposed paying outside the platform", "contact request", "outside upwork",
         {{'S', "Your price is fine but I don't want to pay the service fee. Can we do this outside Upwork and I pay you by Wise?"},
          {'O', "Sorry, I only work through Upwork contracts."}}},
        {V::Violation, Who::Freelancer, P::Messages, K::Active, "", "", OffPlatformPayment,
         "payment for future work requested off-platform during the contract", "payment link", "paypal",
         {{'S', "Milestone done. For the follow-up project let's not bother with Upwork: pay me via {s.paypal}, I'll give you a discount."},
          {'O', "Let me think about it."}}},
        // --- violations: after a closed contract without conversion fee -----------
        {V::Violation, Who::Either, P::Messages, K::Closed, "", "", NoFlags,
         "new work proposed off-platform after the contract closed", "e-mail address", "skip upwork",
         {{'S', "Thanks for the smooth project! For the next {item} let's skip Upwork — e-mail me at {s.email} and we'll settle it directly."}}},
        {V::Violation, Who::Client, P::Messages, K::Closed, "", "", OffPlatformPayment,
         "phase 2 offered outside Upwork after the contract closed", "e-mail address", "bank transfer",
         {{'S', "Phase 2 is approved. Rather than a new contract here, send your invoice to {s.email} and we'll pay by bank transfer."},
          {'O', "Could we keep it on Upwork? I'd like the payment protection."}}},
        // --- violations: an exception used as a way out ----------------------------
        {V::Violation, Who::Freelancer, P::Messages, K::PreContract, "dev", "", NoFlags,
         "e-mail given for repository access, then used to negotiate the rate", "e-mail address", "",
         {{'O', "I'll add you to the GitHub repo so you can scope the work. Which e-mail?"},
          {'S', "{s.email}"},
          {'S', "Thanks, I'm in. I've e-mailed you my estimate — let's agree the rate over e-mail rather than here."}}},
        {V::Violation, Who::Client, P::Interview, K::PreContract, "", "", NoFlags,
         "NDA e-mail then used to move the job discussion off-platform", "contact request", "email",
         {{'S', "Before we go on I need an NDA signed. What's your e-mail?"},
          {'O', "{o.email}"},
          {'S', "NDA sent. I've also e-mailed you the full brief and budget — let's continue there instead of Upwork."}}},
        {V::Violation, Who::Client, P::Messages, K::PreContract, "", "", NoFlags,
         "background-check phone number then used to discuss the job by text", "phone number", "",
         {{'S', "Our screening vendor needs your phone number for the background check."},
          {'O', "{o.phone}"},
          {'S', "All clear! I'll text you the tasks and the budget, easier than this chat."}}},
        {V::Violation, Who::Freelancer, P::Messages, K::PreContract, "marketing", "", OffPlatformPayment,
         "analytics access e-mail then used to arrange direct payment", "e-mail address", "",
         {{'O', "Which e-mail should get Google Analytics access for the audit quote?"},
          {'S', "{s.email}"},
          {'S', "Got access, thanks. I sent my proposal to your inbox — reply there and we'll set up payment directly."}}},
        {V::Violation, Who::Client, P::Messages, K::PreContract, "video", "", NoFlags,
         "shared-folder e-mail then used to move the price talk to WhatsApp", "e-mail address", "whatsapp",
         {{'S', "Which Gmail should I share the Drive folder with the raw footage with?"},
          {'O', "{o.email}"},
          {'S', "Shared. My WhatsApp is in the folder notes ({s.intl}) — let's discuss the price there."}}},

        // --- exceptions ------------------------------------------------------------
        {V::Exception, Who::Client, P::Messages, K::PreContract, "", "", NeedsEnterprise,
         "enterprise client collected an e-mail for vendor onboarding", "e-mail address", "",
         {{'S', "Hi {o.first}, {c.company} hires through our Upwork Enterprise account. Our vendor onboarding team needs your e-mail to add you to the approved supplier list."},
          {'O', "Sure — {o.email}"}}},
        {V::Exception, Who::Client, P::Interview, K::PreContract, "", "", NeedsEnterprise,
         "enterprise client asked for a phone number for procurement", "contact request", "phone number",
         {{'S', "As an Enterprise account we do a short procurement call before every offer. What number can our team reach you on?"},
          {'O', "{o.phone}, weekdays after 9."}}},
        {V::Exception, Who::Freelancer, P::Messages, K::PreContract, "", "", NeedsEnterprise,
         "details shared with an enterprise client for its compliance portal", "contact details", "",
         {{'O', "We're on Upwork Enterprise; our compliance portal needs your contact details before we issue the SOW."},
          {'S', "Here you go: {s.email}, {s.phone}."}}},
        {V::Exception, Who::Client, P::Interview, K::PreContract, "", "", NoFlags,
         "e-mail requested to send an NDA", "contact request", "email",
         {{'S', "The product is still in stealth, so I need a signed NDA before sharing the specs. Which e-mail should the NDA go to?"},
          {'O', "{o.email} — happy to sign."}}},
        {V::Exception, Who::Freelancer, P::Messages, K::PreContract, "", "", NoFlags,
         "address shared for an NDA", "street address", "",
         {{'O', "Our lawyer's NDA template needs your full legal name and address."},
          {'S', "{s.name}, {s.address}."}}},
        {V::Exception, Who::Freelancer, P::Messages, K::PreContract, "", "", NoFlags,
         "business licence and address shared for the client's compliance check", "street address", "",
         {{'O', "Our finance team must see your business licence and registered address before the offer."},
          {'S', "Licence no. {licence}, registered at {s.address}."}}},
        {V::Exception, Who::Client, P::Messages, K::PreContract, "finance", "", NoFlags,
         "tax details requested to confirm the right to do business", "contact request", "",
         {{'S', "Before we can hire you our accountant has to confirm with the tax office that you're registered to invoice us. Please send your legal name, registered address and tax ID."},
          {'O', "{o.name}, {o.address}. The tax ID is on the registration certificate I'll upload here."}}},
        {V::Exception, Who::Client, P::Interview, K::PreContract, "", "", NoFlags,
         "e-mail requested for a background check", "contact request", "email",
         {{'S', "Every contractor on our healthcare projects passes a background check first. The screening company will e-mail you a consent form — which address should they use?"},
          {'O', "{o.email}"}}},
        {V::Exception, Who::Freelancer, P::Messages, K::PreContract, "dev", "", NoFlags,
         "e-mail shared for code repository access", "e-mail address", "",
         {{'S', "To estimate this accurately I'd need read access to your repository. My GitHub e-mail is {s.email}."},
          {'O', "Invited you as a read-only collaborator."}}},
        {V::Exception, Who::Client, P::Messages, K::PreContract, "dev", "", NoFlags,
         "e-mail requested for GitLab access to scope the work", "contact request", "email",
         {{'S', "I'll add you to our GitLab project so you can look at the codebase before quoting. What e-mail do you use there?"},
          {'O', "{o.email}, thanks!"}}},
        {V::Exception, Who::Client, P::Messages, K::PreContract, "marketing", "", NoFlags,
         "e-mail requested for Google Analytics access", "contact request", "email",
         {{'S', "Before you quote, I'll give you read access to Google Analytics and Search Console. Which e-mail should I add?"},
          {'O', "{o.email} works."}}},
        {V::Exception, Who::Freelancer, P::Messages, K::PreContract, "marketing", "", NoFlags,
         "e-mail shared for ads-manager access", "e-mail address", "",
         {{'S', "Please add {s.email} as an analyst in your Meta Ads Manager so I can review the campaigns before quoting."},
          {'O', "Done, you should have access."}}},
        {V::Exception, Who::Client, P::Messages, K::PreContract, "finance", "", NoFlags,
         "e-mail requested for a QuickBooks invite", "contact request", "email",
         {{'S', "To scope the clean-up I'll invite you to QuickBooks Online as an accountant user. Which e-mail?"},
          {'O', "{o.email}, thank you."}}},
        {V::Exception, Who::Freelancer, P::Messages, K::PreContract, "finance", "", NoFlags,
         "e-mail shared for Xero access", "e-mail address", "",
         {{'S', "If you add me to Xero with {s.email} (read-only is fine) I can tell you how many months need reconciling."},
          {'O', "Invite sent."}}},
        {V::Exception, Who::Client, P::Messages, K::PreContract, "video", "", NoFlags,
         "e-mail requested to share a Google Drive folder", "contact request", "email",
         {{'S', "The raw footage is about 35 GB on Google Drive. Which e-mail should I share the folder with so you can estimate the edit?"},
          {'O', "{o.email}"}}},
        {V::Exception, Who::Client, P::Messages, K::PreContract, "design", "", NoFlags,
         "e-mail requested to share a Dropbox folder", "contact request", "email",
         {{'S', "Our brand assets are in Dropbox. Tell me the e-mail to share the folder with and you can scope the {item}."},
          {'O', "{o.email} — thanks."}}},
        {V::Exception, Who::Client, P::Messages, K::PreContract, "", "", NoFlags,
         "e-mail requested for a DocuSign envelope", "contact request", "email",
         {{'S', "The scope document is in DocuSign and you need to e-sign the acknowledgement before we continue. Which e-mail should I send it to?"},
          {'O', "{o.email}."}}},
        {V::Exception, Who::Client, P::Messages, K::PreContract, "dev", "", NoFlags,
         "e-mail requested for a WordPress admin account", "contact request", "email",
         {{'S', "I'll create a WordPress admin account for you so you can check the plugins before quoting — what e-mail should I use?"},
          {'O', "{o.email}, please."}}},
        {V::Exception, Who::Freelancer, P::Messages, K::PreContract, "dev", "", NoFlags,
         "e-mail shared for a Shopify staff account", "e-mail address", "",
         {{'S', "To see why checkout is slow I need a staff account on your Shopify store. Please send the invite to {s.email}."},
          {'O', "Invite sent."}}},
        {V::Exception, Who::Freelancer, P::Interview, K::PreContract, "", "", NoFlags,
         "e-mail shared under an accessibility exception", "e-mail address", "",
         {{'S', "I'm hard of hearing and the call captions don't work well for me. Upwork's accessibility coordinator approved an exception, so we can use e-mail for the interview: {s.email}."},
          {'O', "Thanks for telling me, e-mail is fine."}}},
        {V::Exception, Who::Client, P::Messages, K::PreContract, "", "", NoFlags,
         "relay number shared for accessibility reasons", "phone number", "",
         {{'S', "I'm visually impaired and this thread is hard to use with my screen reader. I've contacted the accessibility coordinator; meanwhile my relay number is {s.phone}."}}},

        // --- allowed ---------------------------------------------------------------
        {V::Allowed, Who::Either, P::Messages, K::Active, "", "", NoFlags,
         "phone number shared after the contract started", "phone number", "",
         {{'S', "Now that the contract has started, here's my mobile in case anything breaks: {s.phone}."},
          {'O', "Thanks, saved."}}},
        {V::Allowed, Who::Freelancer, P::Messages, K::Active, "", "", NoFlags,
         "e-mail shared for the client's Slack after the contract started", "e-mail address", "slack",
         {{'O', "Welcome aboard! Send me the e-mail you want on our Slack workspace."},
          {'S', "{s.email} — thanks!"}}},
        {V::Allowed, Who::Either, P::Messages, K::Active, "", "", NoFlags,
         "WhatsApp number shared during an active contract", "phone number", "whatsapp",
         {{'S', "Contract's live, so feel free to WhatsApp me at {s.intl} for quick questions."},
          {'O', "Great, I'll use it for urgent things."}}},
        {V::Allowed, Who::Either, P::Messages, K::Closed, "", "", NoFlags,
         "LinkedIn shared after the contract closed", "social link", "linkedin",
         {{'S', "Thanks for the great collaboration! Let's stay connected: {s.linkedin}"},
          {'O', "Connected! Next time I'll send you an offer here."}}},
        {V::Allowed, Who::Client, P::Messages, K::ClosedFeePaid, "", "", NoFlags,
         "direct work after the conversion fee was paid", "e-mail address", "",
         {{'S', "We've paid the conversion fee, so we can work directly from now on. My e-mail is {s.email}."},
          {'O', "Perfect, I'll send my availability there."}}},
        {V::Allowed, Who::Freelancer, P::Messages, K::Closed, "", "", NoFlags,
         "e-mail shared after the contract closed, new work kept on Upwork", "e-mail address", "",
         {{'S', "It was a pleasure! My e-mail if you ever need a reference: {s.email}. For new work just send me an offer here."}}},
        {V::Allowed, Who::Either, P::Messages, K::PreContract, "", "", PreExisting,
         "phone number shared with a pre-existing contact", "phone number", "",
         {{'S', "Hi {o.first}! Good to see you here — we worked together at {c.company} back in 2023. My number is still {s.phone}."},
          {'O', "Ha, small world! I'll send the proposal here."}}},
        {V::Allowed, Who::Freelancer, P::Proposal, K::PreContract, "", "", PreExisting,
         "e-mail repeated to a known former colleague", "e-mail address", "",
         {{'S', "Hi {o.first}, applying here as we agreed when we met at the meetup last month. Same e-mail as before: {s.email}."}}},
        {V::Allowed, Who::Freelancer, P::Proposal, K::PreContract, "", "", NoFlags,
         "portfolio website link", "link", "",
         {{'S', "Similar {job} work I did is on my site: {s.site} — please keep messaging me here on Upwork until the contract starts."}}},
        {V::Allowed, Who::Client, P::JobPost, K::PreContract, "", "", NoFlags,
         "client's business website in the job post", "link", "",
         {{'S', "We need help {task}. Current site: {c.site}. Please contact us only through Upwork. Budget {price}."}}},
        {V::Allowed, Who::Freelancer, P::Interview, K::PreContract, "", "", NoFlags,
         "live project link shown during the interview", "link", "",
         {{'S', "Here's the live version of a similar project: {s.site}"},
          {'O', "Nice work, thanks. Let's keep going here."}}},

        // --- no contact details (flagged by mistake) -------------------------------
        {V::NoContact, Who::Client, P::Messages, K::PreContract, "", "", NoFlags,
         "price negotiation only", "phone number", "",
         {{'S', "Your bid was {price} — could you do {price2} if we drop one revision round?"},
          {'O', "I can do {price2} with delivery on {date}."}}},
        {V::NoContact, Who::Freelancer, P::Messages, K::Active, "dev", "", NoFlags,
         "version numbers mistaken for a phone number", "phone number", "",
         {{'S', "Pushed the fix; bumped the SDK to {ver} and the build passes on Node 20.11.1."},
          {'O', "Great, milestone approved."}}},
        {V::NoContact, Who::Client, P::Messages, K::Any, "", "", NoFlags,
         "order and invoice numbers, no contact details", "phone number", "",
         {{'S', "The customer with order {order} says the coupon didn't apply. Can you check invoice {invoice}?"},
          {'O', "Checking now, I'll report back here."}}},
        {V::NoContact, Who::Client, P::JobPost, K::PreContract, "dev", "", NoFlags,
         "job post about messaging bots, no contact details", "messenger ID", "whatsapp",
         {{'S', "Looking for a developer who builds Slack bots and WhatsApp Business API integrations for support teams. Budget {price}, about {days} days. Apply with an Upwork proposal."}}},
        {V::NoContact, Who::Either, P::Interview, K::PreContract, "", "", NoFlags,
         "meeting time with an @ sign", "e-mail address", "",
         {{'S', "Can we do the video call here on Upwork tomorrow @ {time}?"},
          {'O', "Yes, {time} works for me."}}},
        {V::NoContact, Who::Either, P::Interview, K::PreContract, "", "", NoFlags,
         "users agreed to stay on the platform", "contact request", "email",
         {{'S', "Just so you know, I keep all communication here on Upwork until the contract starts — no WhatsApp or email before that."},
          {'O', "Perfect, same here."}}},
        {V::NoContact, Who::Freelancer, P::Messages, K::Any, "video", "", NoFlags,
         "video specs mistaken for contact details", "phone number", "",
         {{'S', "Final cut is 1920x1080 at 29.97 fps, runtime 12:48. Uploaded to the milestone."}}},
        {V::NoContact, Who::Client, P::JobPost, K::PreContract, "dev", "", NoFlags,
         "job post about a contact form", "contact request", "phone number",
         {{'S', "Need a contact form on our site that sends enquiries to the sales inbox and saves the phone number field to our CRM. Budget {price}."}}},
        {V::NoContact, Who::Client, P::Messages, K::Any, "writing", "", NoFlags,
         "ISBN mistaken for a phone number", "phone number", "",
         {{'S', "The print edition has ISBN 978-3-16-148410-0 and 248 pages — please update the back cover text."}}},
        {V::NoContact, Who::Freelancer, P::Messages, K::Any, "marketing", "", NoFlags,
         "traffic statistics, no contact details", "phone number", "",
         {{'S', "Organic traffic grew 38% to 12,450 sessions between 03/01 and 04/15; bounce rate is down to 41.2%."}}},
        {V::NoContact, Who::Freelancer, P::Proposal, K::PreContract, "", "", NoFlags,
         "link to an Upwork profile", "link", "",
         {{'S', "Here's a similar project on my Upwork profile, with the client's review: {upwork}"}}},
        {V::NoContact, Who::Client, P::Messages, K::Any, "design", "", NoFlags,
         "shipment reference mistaken for a phone number", "phone number", "",
         {{'S', "The printed samples shipped — courier reference 4471 2290 3318, expected on {date}."}}},
        {V::NoContact, Who::Freelancer, P::Messages, K::Any, "admin", "", NoFlags,
         "working hours and rate, no contact details", "phone number", "",
         {{'S', "I'll cover your inbox 09:00–13:00 CET, that's 20 hours a week at {rate}."}}},
        {V::NoContact, Who::Client, P::Interview, K::PreContract, "marketing", "", NoFlags,
         "question about e-mail marketing tools", "contact request", "email",
         {{'S', "Have you set up e-mail newsletter automations in Mailchimp before? We send 2 campaigns a month to 14,000 subscribers."},
          {'O', "Yes, I manage three Mailchimp accounts right now."}}},

        // --- localised -------------------------------------------------------------
        {V::Violation, Who::Either, P::Messages, K::PreContract, "", "es", NoFlags,
         "asked for a WhatsApp number (Spanish)", "contact request", "whatsapp",
         {{'S', "Hola {o.first}, ¿me pasas tu WhatsApp? Así coordinamos más rápido los detalles."},
          {'O', "Prefiero seguir por aquí hasta que empiece el contrato."}}},
        {V::Violation, Who::Freelancer, P::Proposal, K::PreContract, "", "es", OffPlatformPayment,
         "e-mail shared to quote without the platform fee (Spanish)", "e-mail address", "",
         {{'S', "Buenas, mi correo es {s.email}. Escríbeme ahí y te paso un presupuesto sin la comisión de la plataforma."}}},
        {V::Exception, Who::Freelancer, P::Messages, K::PreContract, "", "es", NoFlags,
         "tax id and fiscal address requested by the client's accountant (Spanish)", "street address", "",
         {{'O', "Antes de enviarte la oferta, nuestra gestoría necesita tu NIF y tu domicilio fiscal para darte de alta como proveedor."},
          {'S', "Claro: NIF 12345678Z, {s.address}."}}},
        {V::NoContact, Who::Either, P::Messages, K::PreContract, "", "es", NoFlags,
         "delivery date discussion (Spanish)", "phone number", "",
         {{'S', "¿Podemos mover la entrega al {date}? El cliente final pidió dos cambios."},
          {'O', "Sí, sin problema. Te lo envío por aquí en Upwork."}}},
        {V::Violation, Who::Freelancer, P::Proposal, K::PreContract, "", "pt", NoFlags,
         "WhatsApp number in a proposal (Portuguese)", "phone number", "whatsapp",
         {{'S', "Oi {o.first}! Me chama no WhatsApp {s.intl} que eu te passo o orçamento completo."}}},
        {V::Violation, Who::Freelancer, P::Messages, K::PreContract, "", "pt", OffPlatformPayment,
         "Pix payment outside the platform (Portuguese)", "payment handle", "pix",
         {{'S', "Se preferir, pode pagar via Pix direto pra mim, chave {s.email}, e a gente evita a taxa."}}},
        {V::NoContact, Who::Either, P::Messages, K::PreContract, "", "pt", NoFlags,
         "deadline and budget discussion (Portuguese)", "phone number", "",
         {{'S', "Consegue entregar a primeira versão até {date}? O orçamento de {price} está ok."},
          {'O', "Consigo sim, envio aqui pela plataforma."}}},
        {V::Violation, Who::Either, P::Interview, K::PreContract, "", "fr", NoFlags,
         "asked for a phone number (French)", "contact request", "téléphone",
         {{'S', "Bonjour {o.first}, pouvez-vous m'envoyer votre numéro de téléphone ? Ce sera plus simple pour discuter du projet."}}},
        {V::Violation, Who::Either, P::Messages, K::PreContract, "", "fr", NoFlags,
         "disguised e-mail address (French)", "obfuscated e-mail address", "",
         {{'S', "Voici mon adresse : {s.email~} — écrivez-moi directement, c'est plus pratique."}}},
        {V::NoContact, Who::Client, P::Messages, K::PreContract, "", "fr", NoFlags,
         "quote accepted on the platform (French)", "phone number", "",
         {{'S', "Merci pour la proposition. Le devis de {price} me convient, je vous envoie l'offre ici."}}},
        {V::Violation, Who::Either, P::Messages, K::PreContract, "", "de", NoFlags,
         "proposed moving to Telegram (German)", "messenger ID", "telegram",
         {{'S', "Hallo {o.first}, lass uns das lieber per Telegram besprechen: {s.telegram}"}}},
        {V::Exception, Who::Client, P::Interview, K::PreContract, "", "de", NoFlags,
         "e-mail requested to send an NDA (German)", "contact request", "e-mail",
         {{'S', "Bevor ich Ihnen die Unterlagen zeige, brauchen wir eine unterschriebene Geheimhaltungsvereinbarung (NDA). An welche E-Mail-Adresse darf ich sie schicken?"},
          {'O', "{o.email}"}}},
        {V::NoContact, Who::Freelancer, P::Messages, K::Active, "", "de", NoFlags,
         "release notes (German)", "phone number", "",
         {{'S', "Version {ver} ist live, die Rechnung läuft wie vereinbart über den Meilenstein."}}},
        {V::Violation, Who::Either, P::Messages, K::PreContract, "", "ru", NoFlags,
         "Telegram handle shared (Russian)", "messenger ID", "телеграм",
         {{'S', "Добрый день! Напишите мне в телеграм {s.telegram}, там быстрее обсудим детали."}}},
        {V::Violation, Who::Client, P::Interview, K::PreContract, "", "ru", NoFlags,
         "asked for a phone number (Russian)", "contact request", "телефон",
         {{'S', "Оставьте, пожалуйста, ваш номер телефона — созвонимся и всё обсудим."}}},
        {V::NoContact, Who::Either, P::Messages, K::PreContract, "", "ru", NoFlags,
         "estimate agreed on the platform (Russian)", "phone number", "",
         {{'S', "Смету на {price} согласовали, жду оффер здесь на платформе."}}},
        {V::Violation, Who::Either, P::Interview, K::PreContract, "", "hi", NoFlags,
         "asked for a WhatsApp number (Hinglish)", "contact request", "whatsapp",
         {{'S', "Bhai apna WhatsApp number bhej do, baaki details wahin discuss kar lenge."}}},
        {V::Violation, Who::Freelancer, P::Messages, K::PreContract, "", "hi", NoFlags,
         "phone number shared (Hinglish)", "phone number", "",
         {{'S', "Sir mera number {s.phone} hai, kal subah call kar lena, rate wahin fix kar lenge."}}},
        {V::NoContact, Who::Freelancer, P::Messages, K::PreContract, "", "hi", NoFlags,
         "delivery promise (Hinglish)", "contact request", "",
         {{'S', "Sir, 3 concepts kal tak yahin Upwork pe bhej dunga, aap feedback yahin de dena."}}},
        {V::Violation, Who::Either, P::Messages, K::PreContract, "", "ar", NoFlags,
         "asked for a WhatsApp number (Arabic)", "contact request", "واتساب",
         {{'S', "مرحباً {o.first}، ممكن ترسل لي رقم الواتساب؟ نكمل التفاصيل هناك أسرع."}}},
        {V::Violation, Who::Either, P::Messages, K::PreContract, "", "ar", NoFlags,
         "e-mail address shared (Arabic)", "e-mail address", "",
         {{'S', "هذا بريدي الإلكتروني {s.email} راسلني عليه مباشرة."}}},
        {V::NoContact, Who::Freelancer, P::Messages, K::Active, "", "ar", NoFlags,
         "delivery notice (Arabic)", "contact request", "",
         {{'S', "تم تسليم النسخة الأولى، أرجو المراجعة هنا على المنصة."}}},
        {V::Violation, Who::Either, P::Messages, K::PreContract, "", "zh", NoFlags,
         "WeChat ID shared (Chinese)", "messenger ID", "微信",
         {{'S', "加我微信吧：{s.wechat}，具体细节微信上聊。"}}},
        {V::Violation, Who::Client, P::Interview, K::PreContract, "", "zh", NoFlags,
         "asked for a phone number (Chinese)", "contact request", "电话",
         {{'S', "方便留个电话吗？我们直接打电话沟通。"}}},
        {V::NoContact, Who::Freelancer, P::Messages, K::PreContract, "", "zh", NoFlags,
         "design draft uploaded (Chinese)", "contact request", "",
         {{'S', "第一版设计稿已经上传，请在这里查看并反馈。"}}},
    };
    return table;
}

// ---------------------------------------------------------------------------------
// Filler: ordinary conversation around the script, by phase and contract situation.

enum class Setting { PreContract, Active, Closed };

struct FillerSpec
{
    Phase phase;
    Setting setting;
    std::vector<LineSpec> lines; // 'c' client, 'f' freelancer, 'O' the subject's counterpart
};

const std::vector<FillerSpec> &fillerSpecs()
{
    using S = Setting;
    static const std::vector<FillerSpec> table = {
        {P::JobPost, S::PreContract, {{'c', "We're looking for help {task}. Budget {price}, start as soon as possible. Please include similar work in your proposal."}}},
        {P::JobPost, S::PreContract, {{'c', "{job}: {task}. Fixed price around {price}, {days} days. Native-level English not required."}}},
        {P::JobPost, S::PreContract, {{'c', "Small business owner here. I need someone for {task}. Tell me how you'd approach it and your timeline."}}},
        {P::Proposal, S::PreContract, {{'f', "Hi {c.first}, I read your post carefully. I've done similar work for two clients this year and can deliver the {item} within {days} days for {price}."}}},
        {P::Proposal, S::PreContract, {{'f', "Hello! Projects like \"{job}\" are my main focus. I'd start with the {item} so you can give feedback early. My bid: {price}."}}},
        {P::Proposal, S::PreContract, {{'f', "Hi, I can help with {task}. A few questions: what is the deadline, and do you already have a style guide?"}}},
        {P::Interview, S::PreContract, {{'c', "Thanks for applying, {f.first}. How long would the {item} take you?"}, {'f', "About {days} days, including one round of revisions."}}},
        {P::Interview, S::PreContract, {{'c', "Have you worked on something like this before?"}, {'f', "Yes, three similar projects last year — they're in my Upwork portfolio."}}},
        {P::Interview, S::PreContract, {{'f', "Could you share what the budget covers — design only, or also the implementation?"}, {'c', "Both, ideally. We can split it into milestones."}}},
        {P::Interview, S::PreContract, {{'c', "What's your availability next week?"}, {'f', "I can give this about 25 hours, mornings my time."}}},
        {P::Messages, S::PreContract, {{'c', "I'm comparing a few proposals and will decide by {date}."}, {'f', "Thanks for the update, {c.first}."}}},
        {P::Messages, S::PreContract, {{'f', "I've attached a rough plan with three milestones here."}, {'c', "Looks good, let me check with my partner."}}},
        {P::Messages, S::PreContract, {{'c', "Could you lower the price a bit?"}, {'f', "I could do {price2} if we keep the scope as described."}}},
        {P::Messages, S::Active, {{'f', "Milestone 1 is submitted — the {item} is in the workroom."}, {'c', "Thanks, reviewing today."}}},
        {P::Messages, S::Active, {{'c', "Small change: can the colours be a bit warmer?"}, {'f', "Sure, I'll upload a new version tomorrow."}}},
        {P::Messages, S::Active, {{'c', "Milestone approved, great work so far."}, {'f', "Thank you! Starting on the next part now."}}},
        {P::Messages, S::Closed, {{'c', "Left you a 5-star review, thanks again."}, {'f', "Much appreciated, {c.first}!"}}},
        {P::Messages, S::Closed, {{'f', "Just checking everything still works fine after launch."}, {'c', "All good, the team loves it."}}},
        // Short closing replies after the script, from the counterpart.
        {P::Messages, S::PreContract, {{'O', "Noted. Let's keep everything here on Upwork until the contract starts."}}},
        {P::Messages, S::PreContract, {{'O', "Thanks, I'll get back to you tomorrow."}}},
        {P::Messages, S::PreContract, {{'O', "Ok."}}},
        {P::Messages, S::Active, {{'O', "Sounds good."}}},
        {P::Messages, S::Active, {{'O', "Thanks, talk soon."}}},
        {P::Messages, S::Closed, {{'O', "Thanks, all the best!"}}},
    };
    return table;
}

// ---------------------------------------------------------------------------------
// Word lists for contact details, disguises and businesses.

constexpr const char *kDigitWords[] = {"zero", "one", "two", "three", "four",
                                       "five", "six", "seven", "eight", "nine"};
constexpr const char *kKeycaps[] = {"0\uFE0F\u20E3", "1\uFE0F\u20E3", "2\uFE0F\u20E3", "3\uFE0F\u20E3",
                                    "4\uFE0F\u20E3", "5\uFE0F\u20E3", "6\uFE0F\u20E3", "7\uFE0F\u20E3",
                                    "8\uFE0F\u20E3", "9\uFE0F\u20E3"};
constexpr const char *kCompanyFirst[] = {"Brightleaf", "Northbay", "Bluefin", "Sweetcrumb", "Greenfork",
                                         "Ironwood", "Silverline", "Harbor", "Kestrel", "Maple & Rye",
                                         "Lumen", "Copperfield", "Tidewater", "Redstone", "Nimbus"};
constexpr const char *kCompanySecond[] = {"Dental", "Legal", "Logistics", "Bakery", "Cafe", "Analytics",
                                          "Studio", "Health", "Robotics", "Realty", "Labs", "Outdoors"};
constexpr const char *kHandleSuffixes[] = {"dev", "design", "studio", "pro", "works", "creative"};
constexpr const char *kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                   "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
constexpr const char *kWeekdays[] = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday"};
constexpr const char *kZones[] = {"EST", "CET", "GMT", "PST", "IST"};
constexpr const char *kBase58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";

// Lower-case ASCII fold for handles: "José Dela Cruz" -> "josedelacruz".
QString asciiSlug(const QString &text)
{
    QString out;
    for (const QChar c : text.normalized(QString::NormalizationForm_D).toLower()) {
        if ((c >= QLatin1Char('a') && c <= QLatin1Char('z')) || (c >= QLatin1Char('0') && c <= QLatin1Char('9')))
            out += c;
    }
    return out;
}

QString hexString(quint64 bits, int length)
{
    return QString::number(bits, 16).rightJustified(16, QLatin1Char('0')).left(length);
}

// ---------------------------------------------------------------------------------
// People. Pools are smaller than the number of cases and picked with a skew, so some
// people appear in many cases and accumulate decision histories.

struct Persona
{
    PersonRecord record;
    const Country *country = nullptr;
    QString first;
    QString last;
    QString handle; // ascii, used for every messenger id and link
    QString email;
    QString nsn;    // national significant number
    QString company;
    QString companySlug;
    quint64 salt = 0; // stable per person, drives per-person choices
};

int pickCountry(Dice &dice, bool client)
{
    const auto &table = countries();
    int total = 0;
    for (const Country &c : table)
        total += client ? c.clientWeight : c.freelancerWeight;
    int roll = dice.below(total);
    for (int i = 0; i < int(table.size()); ++i) {
        roll -= client ? table[size_t(i)].clientWeight : table[size_t(i)].freelancerWeight;
        if (roll < 0)
            return i;
    }
    return 0;
}

QString emailFor(const Persona &p, Dice &dice)
{
    const QString first = asciiSlug(p.first);
    const QString last = asciiSlug(p.last);
    const QString number = QString::number(dice.between(7, 99));
    QString local;
    switch (dice.below(5)) {
    case 0: local = first + QLatin1Char('.') + last; break;
    case 1: local = first + last + number; break;
    case 2: local = first.left(1) + QLatin1Char('.') + last; break;
    case 3: local = first + QLatin1Char('.') + last + QLatin1Char('.') + str(dice.pick(kHandleSuffixes)); break;
    default: local = first + QLatin1Char('_') + last.left(1) + number; break;
    }
    if (!p.companySlug.isEmpty() && dice.chance(0.5))
        return first + QLatin1Char('@') + p.companySlug + QStringLiteral(".example.com");
    return local + QLatin1Char('@') + str(dice.pick(p.country->mailDomains));
}

Persona makePersona(Dice &dice, bool client, int countryIndex, int number, int idWidth, bool enterprise)
{
    Persona p;
    p.country = &countries()[size_t(countryIndex)];
    p.first = str(dice.pick(p.country->firstNames));
    p.last = str(dice.pick(p.country->lastNames));
    p.salt = dice.bits();
    p.nsn = fillDigits(dice.pick(p.country->numberPlans), dice);
    p.handle = asciiSlug(p.first) + (dice.chance(0.5) ? QStringLiteral(".") : QStringLiteral("_"))
               + asciiSlug(p.last) + (dice.chance(0.4) ? QString::number(dice.between(1, 99)) : QString());
    if (client && (enterprise || dice.chance(0.5))) {
        p.company = str(dice.pick(kCompanyFirst)) + QLatin1Char(' ') + str(dice.pick(kCompanySecond));
        p.companySlug = asciiSlug(p.company);
    }
    p.email = emailFor(p, dice);

    PersonRecord &r = p.record;
    r.externalId = (client ? QStringLiteral("cl-%1") : QStringLiteral("fl-%1"))
                       .arg(number, idWidth, 10, QLatin1Char('0'));
    r.displayName = p.first + QLatin1Char(' ') + p.last;
    r.role = client ? QStringLiteral("client") : QStringLiteral("freelancer");
    r.country = QString::fromLatin1(p.country->code);
    if (client) {
        static const char *const plans[] = {"basic", "basic", "basic", "plus", "plus", "business"};
        r.plan = enterprise ? QStringLiteral("enterprise") : str(dice.pick(plans));
    }
    return p;
}

int digitCount(int n)
{
    return int(QString::number(std::max(n, 1)).size());
}

class PersonPool
{
public:
    PersonPool(Dice &dice, bool client, int size)
    {
        const int width = std::max(4, digitCount(size));
        const int countryCount = int(countries().size());
        m_people.reserve(size_t(size));
        for (int i = 0; i < size; ++i) {
            // The first people cover every country so each language has speakers.
            const int country = i < countryCount ? i : pickCountry(dice, client);
            const bool enterprise = client && i % 12 == 5; // ~8% of clients, never zero
            m_people.push_back(makePersona(dice, client, country, i + 1, width, enterprise));
            const Persona &p = m_people.back();
            const int lang = languageIndex(p.country->lang);
            const int ent = enterprise ? 1 : 0;
            m_index[0][ent].push_back(i);
            if (lang != 0)
                m_index[size_t(lang)][ent].push_back(i);
        }
    }

    // Heavier use of low indices makes a few people frequent flyers; a larger skew
    // concentrates cases on them (repeat offenders).
    const Persona &pick(Dice &dice, int lang, bool enterprise, double skew)
    {
        const std::vector<int> *list = &m_index[size_t(lang)][enterprise ? 1 : 0];
        if (list->empty())
            list = &m_index[0][enterprise ? 1 : 0];
        if (list->empty())
            list = &m_index[0][enterprise ? 0 : 1];
        const int at = int(double(list->size()) * std::pow(dice.unit(), skew));
        return m_people[size_t((*list)[size_t(std::min(at, int(list->size()) - 1))])];
    }

private:
    std::vector<Persona> m_people;
    std::array<std::array<std::vector<int>, 2>, kLanguageCount> m_index;
};

// ---------------------------------------------------------------------------------
// Rendering one conversation's placeholders.

class Scene
{
public:
    Scene(Dice &dice, const Persona &client, const Persona &freelancer, bool subjectIsClient, const Job &job)
        : m_dice(dice), m_client(client), m_freelancer(freelancer), m_subjectIsClient(subjectIsClient), m_job(job)
    {
    }

    QString render(const Template &tpl)
    {
        QString out;
        for (const Segment &seg : tpl) {
            if (seg.person >= 0)
                out += personValue(seg.person, seg.attr);
            else if (seg.general >= 0)
                out += generalValue(seg.general);
            else
                out += seg.literal;
        }
        return out;
    }

    bool isClient(int sel) const
    {
        switch (sel) {
        case SelSubject: return m_subjectIsClient;
        case SelOther: return !m_subjectIsClient;
        case SelClient: return true;
        default: return false;
        }
    }

private:
    // Values are cached so a detail reads the same every time it appears in a thread.
    const QString &personValue(int sel, int attr)
    {
        const bool client = isClient(sel);
        QString &slot = m_personCache[size_t(client ? 0 : 1)][size_t(attr)];
        if (slot.isNull())
            slot = makePersonValue(client ? m_client : m_freelancer, Attr(attr));
        return slot;
    }

    const QString &generalValue(int key)
    {
        QString &slot = m_generalCache[size_t(key)];
        if (slot.isNull())
            slot = makeGeneralValue(General(key));
        return slot;
    }

    QString phone(const Persona &p, bool intl)
    {
        const Country &c = *p.country;
        return layoutDigits(intl ? m_dice.pick(c.intlLayouts) : m_dice.pick(c.nationalLayouts), p.nsn);
    }

    QString makePersonValue(const Persona &p, Attr attr)
    {
        const quint64 stable = mix(p.salt + quint64(attr));
        switch (attr) {
        case Attr::First: return p.first;
        case Attr::Name: return p.record.displayName;
        case Attr::Email: return p.email;
        case Attr::EmailDisguised: return disguiseEmail(p.email);
        case Attr::Phone: return phone(p, m_dice.chance(0.5));
        case Attr::Intl: return phone(p, true);
        case Attr::PhoneDisguised: return disguisePhone(phone(p, m_dice.chance(0.5)));
        case Attr::Skype:
            return stable % 3 == 0 ? QStringLiteral("live:.cid.") + hexString(mix(stable), 16) : p.handle;
        case Attr::Telegram: { // Telegram usernames allow letters, digits and '_' only
            QString name = p.handle;
            name.replace(QLatin1Char('.'), QLatin1Char('_'));
            return (stable % 2 ? QStringLiteral("@") : QStringLiteral("t.me/")) + name;
        }
        case Attr::WeChat:
            return stable % 2 ? QStringLiteral("wxid_") + hexString(mix(stable), 12) : p.handle + QStringLiteral("_wx");
        case Attr::Discord: return p.handle;
        case Attr::Linkedin:
            return QStringLiteral("linkedin.com/in/") + asciiSlug(p.first) + QLatin1Char('-') + asciiSlug(p.last)
                   + QLatin1Char('-') + hexString(stable, 5);
        case Attr::Instagram:
            return stable % 2 ? QStringLiteral("instagram.com/") + p.handle : QStringLiteral("@") + p.handle + QStringLiteral(" on IG");
        case Attr::Address: return fillDigits(m_dice.pick(p.country->addresses), m_dice);
        case Attr::PayPal: return QStringLiteral("paypal.me/") + asciiSlug(p.first) + asciiSlug(p.last) + QString::number(stable % 90 + 10);
        case Attr::Venmo: return QStringLiteral("@") + p.first + QLatin1Char('-') + p.last + QLatin1Char('-') + QString::number(stable % 90 + 10);
        case Attr::Iban:
            return p.country->iban ? QStringLiteral("IBAN ") + str(p.country->iban)
                                   : QStringLiteral("account no. ") + fillDigits("##########", m_dice);
        case Attr::Wallet: {
            QString wallet = QStringLiteral("T");
            for (int i = 0; i < 33; ++i)
                wallet += QLatin1Char(kBase58[m_dice.below(58)]);
            return wallet;
        }
        case Attr::Site:
            if (!p.companySlug.isEmpty())
                return QStringLiteral("https://www.") + p.companySlug + QStringLiteral(".example.com");
            switch (stable % 3) {
            case 0: return QStringLiteral("https://") + asciiSlug(p.handle) + QStringLiteral(".github.io");
            case 1: return QStringLiteral("https://") + asciiSlug(p.handle) + QStringLiteral(".netlify.app/portfolio");
            default: return QStringLiteral("https://") + asciiSlug(p.handle) + QStringLiteral(".example.com/work");
            }
        case Attr::Company: return p.company.isEmpty() ? p.last + QStringLiteral(" & Co") : p.company;
        case Attr::Count: break;
        }
        return {};
    }

    QString disguiseEmail(const QString &email)
    {
        const int at = email.indexOf(QLatin1Char('@'));
        QString local = email.left(at);
        QString domain = email.mid(at + 1);
        switch (m_dice.below(5)) {
        case 0: // "john dot smith at gmail dot com"
            return local.replace(QLatin1Char('.'), QStringLiteral(" dot ")) + QStringLiteral(" at ")
                   + domain.replace(QLatin1Char('.'), QStringLiteral(" dot "));
        case 1:
            return local + QStringLiteral("[at]") + domain.replace(QLatin1Char('.'), QStringLiteral("[dot]"));
        case 2:
            return local + QStringLiteral(" (at) ") + domain.replace(QLatin1Char('.'), QStringLiteral(" (dot) "));
        case 3: { // zero-width spaces defeat naive substring filters
            QString out = email;
            out.insert(at + 1, QChar(0x200B));
            out.insert(std::max(1, at / 2), QChar(0x200B));
            return out;
        }
        default: { // spaced out
            QString out;
            for (const QChar c : email)
                out += c + QLatin1Char(' ');
            return out.trimmed();
        }
        }
    }

    QString disguisePhone(const QString &number)
    {
        const int style = m_dice.below(6);
        QString out;
        for (const QChar c : number) {
            if (!c.isDigit()) {
                if (style == 0 || style == 5)
                    continue; // word and emoji forms drop the punctuation
                out += c;
                continue;
            }
            const int d = c.digitValue();
            switch (style) {
            case 0: out += (out.isEmpty() ? QString() : QStringLiteral(" ")) + str(kDigitWords[d]); break;
            case 1: out += QString(c) + QLatin1Char(' '); break;
            case 2: out += QChar(char16_t(0xFF10 + d)); break;               // fullwidth
            case 3: out += d == 0 ? QLatin1Char('O') : d == 1 ? QLatin1Char('l') : c; break; // letter-for-digit
            case 4: out += QString(c) + QChar(0x200B); break;                // zero-width between digits
            default: out += str(kKeycaps[d]); break;                        // keycap emoji
            }
        }
        return out.simplified();
    }

    QString money(int amount) const
    {
        static const QLocale english(QLocale::English, QLocale::UnitedStates);
        return QStringLiteral("$") + english.toString(amount);
    }

    int basePrice()
    {
        if (m_price == 0)
            m_price = (m_dice.between(m_job.minPrice, m_job.maxPrice) / 50) * 50 + 50;
        return m_price;
    }

    QString makeGeneralValue(General key)
    {
        const QString clientSlug = asciiSlug(m_client.company.isEmpty() ? m_client.last : m_client.company);
        switch (key) {
        case General::Job: return str(m_job.title);
        case General::Task: return str(m_job.task);
        case General::Item: return str(m_job.item);
        case General::Price: return money(basePrice());
        case General::Price2: return money(std::max(50, (basePrice() * 85 / 100) / 50 * 50));
        case General::Rate: return QStringLiteral("$%1/hr").arg(m_dice.between(12, 75));
        case General::Days: return QString::number(m_dice.between(3, 21));
        case General::Date:
            return m_dice.chance(0.5)
                       ? QStringLiteral("%1/%2").arg(m_dice.between(1, 12), 2, 10, QLatin1Char('0'))
                             .arg(m_dice.between(1, 28), 2, 10, QLatin1Char('0'))
                       : (m_dice.chance(0.5) ? str(m_dice.pick(kWeekdays))
                                             : str(m_dice.pick(kMonths)) + QLatin1Char(' ') + QString::number(m_dice.between(1, 28)));
        case General::Time:
            return QStringLiteral("%1:%2 %3").arg(m_dice.between(8, 17)).arg(m_dice.chance(0.5) ? QStringLiteral("00") : QStringLiteral("30"),
                                                                          str(m_dice.pick(kZones)));
        case General::Version:
            return QStringLiteral("%1.%2.%3").arg(m_dice.between(1, 9)).arg(m_dice.between(0, 24)).arg(m_dice.between(0, 12));
        case General::Order: return QStringLiteral("#A-%1").arg(m_dice.between(10000, 99999));
        case General::Invoice: return QStringLiteral("INV-2026-%1").arg(m_dice.between(1, 9999), 5, 10, QLatin1Char('0'));
        case General::Form:
            return m_dice.chance(0.5) ? QStringLiteral("https://forms.gle/") + randomBase58(17)
                                      : QStringLiteral("https://") + clientSlug + QStringLiteral(".typeform.com/to/") + randomBase58(8);
        case General::Ats:
            return m_dice.chance(0.5)
                       ? QStringLiteral("https://jobs.lever.co/%1/%2").arg(clientSlug, hexString(m_dice.bits(), 12))
                       : QStringLiteral("https://boards.greenhouse.io/%1/jobs/%2").arg(clientSlug).arg(m_dice.between(1000000, 9999999));
        case General::Calendly: return QStringLiteral("https://calendly.com/") + asciiSlug(m_client.handle) + QStringLiteral("/30min");
        case General::Licence: return QStringLiteral("BL-2026-%1").arg(m_dice.between(10000, 99999));
        case General::UpworkProfile: return QStringLiteral("https://www.upwork.com/freelancers/~01") + hexString(m_dice.bits(), 16);
        case General::Count: break;
        }
        return {};
    }

    QString randomBase58(int length)
    {
        QString out;
        for (int i = 0; i < length; ++i)
            out += QLatin1Char(kBase58[m_dice.below(58)]);
        return out;
    }

    Dice &m_dice;
    const Persona &m_client;
    const Persona &m_freelancer;
    bool m_subjectIsClient;
    const Job &m_job;
    int m_price = 0;
    std::array<std::array<QString, size_t(Attr::Count)>, 2> m_personCache;
    std::array<QString, size_t(General::Count)> m_generalCache;
};

// ---------------------------------------------------------------------------------
// Catalogue: the tables compiled once, with the weighted choices over them.

struct CompiledLine
{
    char side;
    Template text;
};

struct CompiledScript
{
    const ScriptSpec *spec;
    std::vector<CompiledLine> lines;
};

std::vector<CompiledLine> compileLines(const std::vector<LineSpec> &lines)
{
    std::vector<CompiledLine> out;
    for (const LineSpec &line : lines)
        out.push_back({line.side, compile(line.text)});
    return out;
}

// Roughly the mix a real queue shows: most flags are real, a quarter are noise.
constexpr int kVerdictWeights[kVerdictCount] = {25, 17, 20, 38}; // no_contact, allowed, exception, violation
constexpr int kEnglishWeight = 3; // localised scripts stay a minority (~8% of cases)
constexpr int kLocalisedWeight = 1;

class Catalogue
{
public:
    Catalogue()
    {
        for (const ScriptSpec &spec : scriptSpecs()) {
            const auto verdict = size_t(spec.verdict);
            m_scripts[verdict].push_back({&spec, compileLines(spec.lines)});
            const int weight = *spec.lang ? kLocalisedWeight : kEnglishWeight;
            m_scriptWeights[verdict].push_back((m_scriptWeights[verdict].empty() ? 0 : m_scriptWeights[verdict].back()) + weight);
        }
        for (const FillerSpec &spec : fillerSpecs()) {
            const bool reply = spec.lines.front().side == 'O';
            auto &bucket = reply ? m_replies[size_t(spec.setting)]
                                 : m_fillers[size_t(spec.phase)][size_t(spec.setting)];
            bucket.push_back(compileLines(spec.lines));
        }
        const auto &jobTable = jobs();
        for (int i = 0; i < int(jobTable.size()); ++i)
            m_jobsByTag[QString::fromLatin1(jobTable[size_t(i)].tag)].push_back(i);
    }

    const CompiledScript &pickScript(Dice &dice) const
    {
        int roll = dice.below(std::accumulate(std::begin(kVerdictWeights), std::end(kVerdictWeights), 0));
        size_t verdict = 0;
        while (roll >= kVerdictWeights[verdict])
            roll -= kVerdictWeights[verdict++];
        const std::vector<int> &cumulative = m_scriptWeights[verdict];
        const int hit = dice.below(cumulative.back());
        const auto at = std::upper_bound(cumulative.begin(), cumulative.end(), hit) - cumulative.begin();
        return m_scripts[verdict][size_t(at)];
    }

    // count distinct filler exchanges for a phase (consecutive from a random start).
    std::vector<const std::vector<CompiledLine> *> fillers(Dice &dice, Phase phase, Setting setting, int count) const
    {
        const auto &bucket = m_fillers[size_t(phase)][size_t(setting)];
        std::vector<const std::vector<CompiledLine> *> out;
        if (bucket.empty())
            return out;
        const int start = dice.below(int(bucket.size()));
        for (int i = 0; i < std::min(count, int(bucket.size())); ++i)
            out.push_back(&bucket[size_t((start + i) % int(bucket.size()))]);
        return out;
    }

    const std::vector<CompiledLine> &reply(Dice &dice, Setting setting) const
    {
        return dice.pick(m_replies[size_t(setting)]);
    }

    const Job &pickJob(Dice &dice, const char *tag) const
    {
        const auto found = m_jobsByTag.constFind(QString::fromLatin1(tag));
        if (*tag == 0 || found == m_jobsByTag.constEnd())
            return dice.pick(jobs());
        return jobs()[size_t(dice.pick(*found))];
    }

private:
    std::array<std::vector<CompiledScript>, kVerdictCount> m_scripts;
    std::array<std::vector<int>, kVerdictCount> m_scriptWeights; // cumulative
    std::array<std::array<std::vector<std::vector<CompiledLine>>, 3>, 4> m_fillers;
    std::array<std::vector<std::vector<CompiledLine>>, 3> m_replies;
    QHash<QString, std::vector<int>> m_jobsByTag;
};

// ---------------------------------------------------------------------------------
// Building one case.

struct Draft
{
    bool fromClient;
    Phase phase;
    QString text;
    bool script;
};

// A case before ids and penalties, which need the whole set in time order.
struct Pending
{
    DemoCase demo;
    bool offPlatformPayment = false;
};

constexpr qint64 kMinute = 60;
constexpr qint64 kHour = 60 * kMinute;
constexpr qint64 kDay = 24 * kHour;

QString capitalised(QString text)
{
    if (!text.isEmpty())
        text[0] = text.at(0).toUpper();
    return text;
}

class CaseBuilder
{
public:
    CaseBuilder(Dice &dice, const Catalogue &catalogue, PersonPool &clients, PersonPool &freelancers, QDateTime anchor)
        : m_dice(dice), m_catalogue(catalogue), m_clients(clients), m_freelancers(freelancers), m_anchor(std::move(anchor))
    {
    }

    Pending build()
    {
        const CompiledScript &script = m_catalogue.pickScript(m_dice);
        const ScriptSpec &spec = *script.spec;
        const bool subjectIsClient = spec.subject == Who::Client || (spec.subject == Who::Either && m_dice.chance(0.5));
        // Any enterprise client would turn pre-contract sharing into an exception, so only
        // enterprise scripts and clean threads meet enterprise clients.
        const bool enterprise = (spec.flags & NeedsEnterprise)
                                || (spec.verdict == Verdict::NoContact && m_dice.chance(0.12));
        const int lang = languageIndex(spec.lang);
        // Rule-breakers tend to be the same few accounts, which gives the ladder work to do.
        const double offender = spec.verdict == Verdict::Violation ? 3.0 : 1.7;
        const Persona &client = m_clients.pick(m_dice, lang, enterprise, subjectIsClient ? offender : 1.7);
        const Persona &freelancer = m_freelancers.pick(m_dice, lang, false, subjectIsClient ? 1.7 : offender);
        const Job &job = m_catalogue.pickJob(m_dice, spec.jobTag);
        Scene scene(m_dice, client, freelancer, subjectIsClient, job);

        Pending pending;
        ConversationRecord &c = pending.demo.conversation;
        c.jobTitle = str(job.title);
        c.client = client.record;
        c.freelancer = freelancer.record;
        c.subjectRole = subjectIsClient ? QStringLiteral("client") : QStringLiteral("freelancer");
        c.preExistingRelationship = (spec.flags & PreExisting) || (spec.verdict == Verdict::NoContact && m_dice.chance(0.03));
        c.contract.status = contractStatus(spec);
        pending.offPlatformPayment = spec.flags & OffPlatformPayment;

        const Setting setting = settingFor(spec.contract, c.contract.status);
        // The filler is English, so threads in another language carry only their script.
        const bool english = *spec.lang == 0;
        std::vector<Draft> drafts;
        if (english)
            appendLeadIn(drafts, scene, spec.phase, setting);
        appendLines(drafts, scene, script.lines, spec.phase, true);
        if (english)
            appendTrailing(drafts, scene, spec.phase, setting);

        c.phase = phaseName(drafts.back().phase);
        c.flagSource = flagSource(spec);
        c.flagReason = flagReason(c.flagSource, spec, subjectIsClient);

        const bool decided = m_dice.chance(0.2);
        const qint64 age = decided ? m_dice.seconds(20 * kDay, 400 * kDay)
                                   : m_dice.seconds(spec.contract == ContractNeed::ActiveLater ? 6 * kDay : 30 * kMinute, 21 * kDay);
        c.flaggedAt = m_anchor.addSecs(-age);
        placeInTime(c, drafts, flagDelay(c.flagSource));
        setContractDates(c.contract, spec.contract, c.messages);
        if (decided)
            pending.demo.decision = decide(spec, c.flaggedAt, age);
        return pending;
    }

private:
    QString contractStatus(const ScriptSpec &spec)
    {
        switch (spec.contract) {
        case ContractNeed::Active:
        case ContractNeed::ActiveLater: return QStringLiteral("active");
        case ContractNeed::Closed:
        case ContractNeed::ClosedFeePaid: return QStringLiteral("closed");
        case ContractNeed::Any:
            if (spec.phase == Phase::Messages) {
                static const char *const states[] = {"none", "none", "offered", "active", "active", "closed"};
                return str(m_dice.pick(states));
            }
            break;
        case ContractNeed::PreContract: break;
        }
        // An offer only exists once the parties have talked.
        return spec.phase >= Phase::Interview && m_dice.chance(0.3) ? QStringLiteral("offered") : QStringLiteral("none");
    }

    static Setting settingFor(ContractNeed need, const QString &status)
    {
        if (need == ContractNeed::ActiveLater) // the thread predates the start date
            return Setting::PreContract;
        if (status == QLatin1String("active"))
            return Setting::Active;
        if (status == QLatin1String("closed"))
            return Setting::Closed;
        return Setting::PreContract;
    }

    void appendLines(std::vector<Draft> &drafts, Scene &scene, const std::vector<CompiledLine> &lines, Phase phase, bool script)
    {
        for (const CompiledLine &line : lines) {
            const int sel = line.side == 'S' ? SelSubject : line.side == 'O' ? SelOther : line.side == 'c' ? SelClient : SelFreelancer;
            drafts.push_back({scene.isClient(sel), phase, scene.render(line.text), script});
        }
    }

    void appendFillers(std::vector<Draft> &drafts, Scene &scene, Phase phase, Setting setting, int count)
    {
        for (const auto *lines : m_catalogue.fillers(m_dice, phase, setting, count))
            appendLines(drafts, scene, *lines, phase, false);
    }

    // The ordinary thread before the flagged part; ≤ 10 messages so a case stays ≤ 15.
    void appendLeadIn(std::vector<Draft> &drafts, Scene &scene, Phase phase, Setting setting)
    {
        if (setting != Setting::PreContract) {
            appendFillers(drafts, scene, Phase::Messages, setting, m_dice.between(0, 3));
            return;
        }
        if (phase >= Phase::Proposal && m_dice.chance(phase == Phase::Proposal ? 0.7 : 0.5))
            appendFillers(drafts, scene, Phase::JobPost, setting, 1);
        if (phase >= Phase::Interview && m_dice.chance(0.85))
            appendFillers(drafts, scene, Phase::Proposal, setting, 1);
        if (phase >= Phase::Interview)
            appendFillers(drafts, scene, Phase::Interview, setting, m_dice.between(0, 2));
        if (phase == Phase::Messages)
            appendFillers(drafts, scene, Phase::Messages, setting, m_dice.between(0, 2));
    }

    void appendTrailing(std::vector<Draft> &drafts, Scene &scene, Phase phase, Setting setting)
    {
        if (!m_dice.chance(0.4))
            return;
        if (phase == Phase::JobPost) { // a proposal arrived before review caught the post
            appendFillers(drafts, scene, Phase::Proposal, setting, 1);
            return;
        }
        if (drafts.back().fromClient != scene.isClient(SelSubject))
            return; // the counterpart already answered
        appendLines(drafts, scene, m_catalogue.reply(m_dice, setting),
                    phase == Phase::Proposal ? Phase::Interview : phase, false);
    }

    QString flagSource(const ScriptSpec &spec)
    {
        if (spec.phase == Phase::JobPost)
            return m_dice.chance(0.8) ? QStringLiteral("job_post_review") : QStringLiteral("auto_filter");
        const int roll = m_dice.below(100);
        if (roll < 30 && *spec.keyword)
            return QStringLiteral("keyword_match");
        return roll < 75 ? QStringLiteral("auto_filter") : QStringLiteral("user_report");
    }

    static QString flagReason(const QString &source, const ScriptSpec &spec, bool subjectIsClient)
    {
        const QString where = str(kPhaseLabels[int(spec.phase)]);
        if (source == QLatin1String("keyword_match"))
            return QStringLiteral("Keyword list hit: \"%1\" in %2").arg(str(spec.keyword), where);
        if (source == QLatin1String("user_report"))
            return QStringLiteral("Reported by the %1 as possible contact sharing in %2")
                .arg(subjectIsClient ? QStringLiteral("freelancer") : QStringLiteral("client"), where);
        if (source == QLatin1String("job_post_review"))
            return QStringLiteral("Held by job post review: possible %1").arg(str(spec.hint));
        return QStringLiteral("Automatic filter: possible %1 in %2").arg(str(spec.hint), where);
    }

    qint64 flagDelay(const QString &source)
    {
        if (source == QLatin1String("user_report"))
            return m_dice.seconds(30 * kMinute, 3 * kDay);
        if (source == QLatin1String("job_post_review"))
            return m_dice.seconds(5 * kMinute, 6 * kHour);
        return m_dice.seconds(kMinute, 30 * kMinute); // filters run on send
    }

    qint64 gap(const Draft &previous, const Draft &next)
    {
        if (previous.phase != next.phase) {
            switch (next.phase) {
            case Phase::Proposal: return m_dice.seconds(20 * kMinute, 40 * kHour);
            case Phase::Interview: return m_dice.seconds(2 * kHour, 3 * kDay);
            default: return m_dice.seconds(kHour, 2 * kDay);
            }
        }
        if (previous.script && next.script)
            return m_dice.seconds(kMinute, 40 * kMinute);
        if (next.phase == Phase::Interview)
            return m_dice.seconds(kMinute, 25 * kMinute);
        return m_dice.seconds(10 * kMinute, 30 * kHour);
    }

    // Lays the thread out backwards from the flag so every time precedes flaggedAt.
    void placeInTime(ConversationRecord &c, const std::vector<Draft> &drafts, qint64 delay)
    {
        std::vector<qint64> offsets(drafts.size(), 0);
        for (size_t i = 1; i < drafts.size(); ++i)
            offsets[i] = offsets[i - 1] + gap(drafts[i - 1], drafts[i]);
        const QDateTime last = c.flaggedAt.addSecs(-delay);
        c.messages.reserve(qsizetype(drafts.size()));
        for (size_t i = 0; i < drafts.size(); ++i) {
            MessageRecord m;
            m.sender = drafts[i].fromClient ? QStringLiteral("client") : QStringLiteral("freelancer");
            m.phase = phaseName(drafts[i].phase);
            m.sentAt = last.addSecs(offsets[i] - offsets.back());
            m.text = drafts[i].text;
            c.messages.push_back(m);
        }
    }

    void setContractDates(ContractRecord &contract, ContractNeed need, const QList<MessageRecord> &messages)
    {
        const QDate first = messages.front().sentAt.date();
        const QDate last = messages.back().sentAt.date();
        if (need == ContractNeed::ActiveLater) {
            contract.start = last.addDays(m_dice.between(1, 4));
        } else if (contract.status == QLatin1String("active")) {
            contract.start = first.addDays(-m_dice.between(0, 20));
        } else if (contract.status == QLatin1String("closed")) {
            contract.end = first.addDays(-m_dice.between(0, 45));
            contract.start = contract.end.addDays(-m_dice.between(7, 150));
            contract.conversionFeePaid = need == ContractNeed::ClosedFeePaid
                                         || (need == ContractNeed::Any && m_dice.chance(0.2));
        }
    }

    PriorDecisionRecord decide(const ScriptSpec &spec, const QDateTime &flaggedAt, qint64 age)
    {
        static const std::array<std::vector<const char *>, kVerdictCount> notes = {{
            {"False positive: %1.", "No contact details; %1."},
            {"Allowed: %1.", "No action — %1."},
            {"Exception applies: %1.", "%1; exception confirmed, no action."},
            {"Confirmed: %1.", "%1 — no exception applies.", "Checked the whole thread: %1."},
        }};
        PriorDecisionRecord d;
        d.decidedAt = flaggedAt.addSecs(m_dice.seconds(30 * kMinute, std::min(14 * kDay, age - 10 * kMinute)));
        d.verdict = verdictName(spec.verdict);
        d.moderator = str(m_dice.pick(kModerators));
        d.note = capitalised(str(m_dice.pick(notes[size_t(spec.verdict)])).arg(str(spec.label)));
        return d; // penalty follows once the person's history is known
    }

    Dice &m_dice;
    const Catalogue &m_catalogue;
    PersonPool &m_clients;
    PersonPool &m_freelancers;
    QDateTime m_anchor;
};

// Penalties climb the ladder with the person's earlier violations, in decision order;
// off-platform payment moves one step up, as in the assessment contract.
void assignPenalties(std::vector<Pending> &cases)
{
    std::vector<size_t> decided;
    for (size_t i = 0; i < cases.size(); ++i) {
        if (cases[i].demo.decision)
            decided.push_back(i);
    }
    std::stable_sort(decided.begin(), decided.end(), [&cases](size_t a, size_t b) {
        return cases[a].demo.decision->decidedAt < cases[b].demo.decision->decidedAt;
    });
    QHash<QString, int> strikes;
    for (const size_t i : decided) {
        PriorDecisionRecord &d = *cases[i].demo.decision;
        if (d.verdict != QLatin1String("violation"))
            continue;
        const ConversationRecord &c = cases[i].demo.conversation;
        const QString &subject = c.subjectRole == QLatin1String("client") ? c.client.externalId : c.freelancer.externalId;
        int &count = strikes[subject];
        d.penalty = str(kPenaltyLadder[std::min(count + (cases[i].offPlatformPayment ? 1 : 0), kLadderTop)]);
        ++count;
    }
}

void assignIds(std::vector<Pending> &cases)
{
    const int width = std::max(4, digitCount(int(cases.size())));
    for (size_t i = 0; i < cases.size(); ++i) {
        ConversationRecord &c = cases[i].demo.conversation;
        c.externalId = QStringLiteral("demo-%1").arg(int(i) + 1, width, 10, QLatin1Char('0'));
        for (int m = 0; m < c.messages.size(); ++m)
            c.messages[m].externalId = c.externalId + QStringLiteral("-m") + QString::number(m + 1);
    }
}

} // namespace

DemoConversationGenerator::DemoConversationGenerator(DemoOptions options)
    : m_options(std::move(options))
{
}

QList<DemoCase> DemoConversationGenerator::generate() const
{
    const int count = std::max(0, m_options.conversations);
    const QDateTime anchor = m_options.anchor.isValid() ? m_options.anchor.toUTC() : DemoOptions().anchor;

    static const Catalogue catalogue; // immutable tables, compiled once per process
    Dice dice(m_options.seed);
    PersonPool clients(dice, true, std::max(30, count * 2 / 5));
    PersonPool freelancers(dice, false, std::max(30, count / 2));
    CaseBuilder builder(dice, catalogue, clients, freelancers, anchor);

    std::vector<Pending> cases;
    cases.reserve(size_t(count));
    for (int i = 0; i < count; ++i)
        cases.push_back(builder.build());

    // Oldest first, so ids read chronologically and histories build up in order. Sorting
    // plain (time, index) keys and moving each case once keeps 100k cases fast.
    std::vector<std::pair<qint64, size_t>> order;
    order.reserve(cases.size());
    for (size_t i = 0; i < cases.size(); ++i)
        order.emplace_back(cases[i].demo.conversation.flaggedAt.toSecsSinceEpoch(), i);
    std::sort(order.begin(), order.end());
    std::vector<Pending> sorted;
    sorted.reserve(cases.size());
    for (const auto &entry : order)
        sorted.push_back(std::move(cases[entry.second]));
    cases.clear();
    assignIds(sorted);
    assignPenalties(sorted);

    QList<DemoCase> out;
    out.reserve(count);
    for (Pending &p : sorted)
        out.push_back(std::move(p.demo));
    return out;
}

} // namespace cg
