#include "DecisionPanel.h"

#include "PolicyBasis.h"
#include "PolicyTerms.h"

#include <QAbstractButton>
#include <QButtonGroup>
#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QKeyEvent>
#include <QGroupBox>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>

namespace cg {

namespace {

struct VerdictChoice
{
    Verdict verdict;
    const char *objectName;
    const char *label;
};

// Order matches the number keys 1-4.
const VerdictChoice kVerdictChoices[] = {
    {Verdict::Violation, "violationRadioButton", QT_TRANSLATE_NOOP("cg::DecisionPanel", "&Violation  (1)")},
    {Verdict::Exception, "exceptionRadioButton", QT_TRANSLATE_NOOP("cg::DecisionPanel", "&Exception applies  (2)")},
    {Verdict::Allowed, "allowedRadioButton", QT_TRANSLATE_NOOP("cg::DecisionPanel", "&Allowed  (3)")},
    {Verdict::NoContact, "noContactRadioButton", QT_TRANSLATE_NOOP("cg::DecisionPanel", "No &contact details  (4)")},
};

QString penaltyLabel(Penalty penalty)
{
    switch (penalty) {
    case Penalty::Warning: return DecisionPanel::tr("Warning");
    case Penalty::BadgeLoss: return DecisionPanel::tr("Loss of badges");
    case Penalty::TemporaryRestriction: return DecisionPanel::tr("Temporary restriction");
    case Penalty::PermanentSuspension: return DecisionPanel::tr("Permanent suspension");
    }
    return {};
}

} // namespace

DecisionPanel::DecisionPanel(QWidget *parent)
    : QWidget(parent)
    , m_verdicts(new QButtonGroup(this))
    , m_suggestionLabel(new QLabel(this))
    , m_basisBox(new QGroupBox(tr("Basis"), this))
    , m_penalty(new QComboBox(this))
    , m_penaltyReason(new QLabel(this))
    , m_note(new QPlainTextEdit(this))
    , m_submit(new QPushButton(tr("Submit && next  (Ctrl+Enter)"), this))
    , m_outcome(new QLabel(this))
{
    setObjectName(QStringLiteral("decisionPanel"));
    setAccessibleName(tr("Decision"));

    auto *verdictBox = new QGroupBox(tr("Verdict"), this);
    verdictBox->setObjectName(QStringLiteral("verdictGroupBox"));
    auto *verdictLayout = new QVBoxLayout(verdictBox);
    for (const VerdictChoice &choice : kVerdictChoices) {
        auto *button = new QRadioButton(tr(choice.label), verdictBox);
        button->setObjectName(QString::fromLatin1(choice.objectName));
        button->setAccessibleName(verdictName(choice.verdict));
        button->setProperty("verdict", verdictName(choice.verdict));
        m_verdicts->addButton(button);
        verdictLayout->addWidget(button);
    }
    m_verdicts->setExclusive(true);

    m_penalty->setObjectName(QStringLiteral("penaltyComboBox"));
    m_penalty->setAccessibleName(tr("Penalty"));
    m_penalty->addItem(tr("No penalty"), QString());
    for (const QString &name : penaltyNames())
        m_penalty->addItem(penaltyLabel(*penaltyFromName(name)), name);

    m_note->setObjectName(QStringLiteral("noteTextEdit"));
    m_note->setAccessibleName(tr("Note"));
    m_note->setPlaceholderText(tr("Why this verdict? (N to write, Esc to leave)"));
    m_note->setTabChangesFocus(true);
    m_note->installEventFilter(this);

    m_submit->setObjectName(QStringLiteral("submitPushButton"));
    m_submit->setAccessibleName(tr("Submit decision"));

    m_outcome->setObjectName(QStringLiteral("decisionOutcomeLabel"));
    m_outcome->setWordWrap(true);
    m_suggestionLabel->setObjectName(QStringLiteral("suggestionLabel"));
    m_suggestionLabel->setWordWrap(true);
    m_penaltyReason->setObjectName(QStringLiteral("penaltyReasonLabel"));
    m_penaltyReason->setWordWrap(true);
    createBasisBox();

    auto *form = new QFormLayout;
    form->addRow(tr("&Penalty"), m_penalty);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_suggestionLabel);
    layout->addWidget(verdictBox);
    layout->addWidget(m_basisBox);
    layout->addLayout(form);
    layout->addWidget(m_penaltyReason);
    layout->addWidget(new QLabel(tr("Note"), this));
    layout->addWidget(m_note, 1);
    layout->addWidget(m_submit);
    layout->addWidget(m_outcome);

    setTabOrder(m_verdicts->buttons().constLast(), m_penalty);
    setTabOrder(m_penalty, m_note);
    setTabOrder(m_note, m_submit);

    connect(m_submit, &QPushButton::clicked, this, &DecisionPanel::submitRequested);
    connect(m_verdicts, &QButtonGroup::buttonToggled, this, &DecisionPanel::onVerdictToggled);
    reset();
}

QWidget *DecisionPanel::createBasisBox()
{
    m_basisBox->setObjectName(QStringLiteral("basisGroupBox"));
    m_basisBox->setAccessibleName(tr("Basis of the verdict"));
    auto *layout = new QVBoxLayout(m_basisBox);
    for (const Basis basis : allBases()) {
        const QString name = basisName(basis);
        auto *check = new QCheckBox(QString(name).replace(QLatin1Char('_'), QLatin1Char(' ')), m_basisBox);
        check->setObjectName(name + QStringLiteral("CheckBox"));
        check->setAccessibleName(name);
        check->setProperty("verdict", verdictName(verdictOfBasis(basis)));
        layout->addWidget(check);
        m_basisChecks.insert(name, check);
    }
    return m_basisBox;
}

// Primary first: the suggested bases in the suggestion's order, then any others the
// moderator ticked, in the policy's order.
QStringList DecisionPanel::basis() const
{
    const auto ticked = [this](const QString &name) {
        const QCheckBox *check = m_basisChecks.value(name);
        return check && check->property("verdict").toString() == verdict() && check->isChecked();
    };
    QStringList checked;
    if (m_suggestion) {
        for (const QString &name : m_suggestion->basis) {
            if (ticked(name))
                checked.append(name);
        }
    }
    for (const Basis basis : allBases()) {
        const QString name = basisName(basis);
        if (ticked(name) && !checked.contains(name))
            checked.append(name);
    }
    return checked;
}

void DecisionPanel::setSuggestion(const std::optional<DecisionSuggestion> &suggestion)
{
    m_suggestion = suggestion;
    if (!suggestion) {
        m_suggestionLabel->setText(tr("No suggestion for this case."));
        return;
    }
    m_suggestionLabel->setText(
        tr("Suggested: <b>%1</b>%2")
            .arg(QString(suggestion->verdict).replace(QLatin1Char('_'), QLatin1Char(' ')),
                 suggestion->basis.isEmpty()
                     ? QString()
                     : tr(" (%1)").arg(suggestion->basis.join(QStringLiteral(", ")).replace(QLatin1Char('_'), QLatin1Char(' ')))));
}

bool DecisionPanel::overridesSuggestion() const
{
    return m_suggestion && !verdict().isEmpty() && verdict() != m_suggestion->verdict;
}

QString DecisionPanel::verdict() const
{
    QAbstractButton *checked = m_verdicts->checkedButton();
    return checked ? checked->property("verdict").toString() : QString();
}

void DecisionPanel::setVerdict(const QString &verdict)
{
    for (QAbstractButton *button : m_verdicts->buttons()) {
        if (button->property("verdict").toString() == verdict) {
            button->setChecked(true);
            return;
        }
    }
}

QString DecisionPanel::penalty() const
{
    return m_penalty->isEnabled() ? m_penalty->currentData().toString() : QString();
}

void DecisionPanel::setPenalty(const QString &penalty)
{
    const int index = m_penalty->findData(penalty);
    if (index >= 0)
        m_penalty->setCurrentIndex(index);
}

QString DecisionPanel::note() const
{
    return m_note->toPlainText().trimmed();
}

void DecisionPanel::reset()
{
    m_verdicts->setExclusive(false);
    for (QAbstractButton *button : m_verdicts->buttons())
        button->setChecked(false);
    m_verdicts->setExclusive(true);
    m_penalty->setCurrentIndex(0);
    m_penalty->setEnabled(false);
    m_penaltyReason->clear();
    for (QCheckBox *check : std::as_const(m_basisChecks)) {
        check->setChecked(false);
        check->hide();
    }
    m_basisBox->hide();
    m_note->clear();
}

void DecisionPanel::setCaseAvailable(bool available)
{
    setEnabled(available);
}

void DecisionPanel::focusNote()
{
    m_note->setFocus(Qt::ShortcutFocusReason);
}

bool DecisionPanel::openPenaltyMenu()
{
    if (!m_penalty->isEnabled())
        return false;
    m_penalty->setFocus(Qt::ShortcutFocusReason);
    m_penalty->showPopup();
    return true;
}

void DecisionPanel::showOutcome(const QString &text)
{
    m_outcome->setText(text);
}

bool DecisionPanel::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_note && event->type() == QEvent::KeyPress
        && static_cast<QKeyEvent *>(event)->key() == Qt::Key_Escape) {
        emit leaveRequested();
        return true;
    }
    return QWidget::eventFilter(watched, event);
}

// Shows the bases of the chosen verdict, pre-checking and pre-filling what the
// policy suggests when the moderator agrees with its verdict.
void DecisionPanel::onVerdictToggled()
{
    const QString current = verdict();
    const bool agrees = m_suggestion && m_suggestion->verdict == current;
    bool anyBasis = false;
    for (auto it = m_basisChecks.cbegin(); it != m_basisChecks.cend(); ++it) {
        const bool belongs = it.value()->property("verdict").toString() == current;
        it.value()->setVisible(belongs);
        it.value()->setChecked(belongs && agrees && m_suggestion->basis.contains(it.key()));
        anyBasis = anyBasis || belongs;
    }
    m_basisBox->setVisible(anyBasis);

    const bool violation = current == verdictName(Verdict::Violation);
    m_penalty->setEnabled(violation);
    m_penaltyReason->clear();
    if (!violation) {
        m_penalty->setCurrentIndex(0);
    } else if (m_suggestion && !m_suggestion->penalty.isEmpty()) {
        setPenalty(m_suggestion->penalty);
        QStringList cases;
        for (const qint64 caseId : m_suggestion->countedCases)
            cases.append(QString::number(caseId));
        m_penaltyReason->setText(
            cases.isEmpty() ? tr("From the ladder: no earlier violation counts.")
                            : tr("From the ladder: %n earlier violation(s), case(s) %1.", nullptr,
                                 static_cast<int>(cases.size()))
                                  .arg(cases.join(QStringLiteral(", "))));
    }
    emit verdictChanged(current);
}

} // namespace cg
